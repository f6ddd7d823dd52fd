import Federation

/// The words folded away before titles and locations are compared, and the token folding itself.
///
/// Titles of the same event differ in articles, prepositions, generic words ("Workshop: …",
/// "Vortrag …") and the lab's city ("… in Soest"); none of them tells two events apart.
struct MatchVocabulary: Sendable {
    /// Stop words and generic event words (folded, stemmed), plus the members' cities.
    let ignoredInTitles: Set<String>
    let ignoredInLocations: Set<String>
    /// Folded member cities, to recognise where an event takes place.
    let cities: Set<String>

    static let stopWords: [String] = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder",
        "im", "in", "am", "an", "auf", "fuer", "mit", "von", "vom", "zu", "zum", "zur", "bei", "nach", "ueber",
        "unter", "aus", "als", "wie", "es", "ist", "sind", "wir", "ihr", "sie", "uns", "euch", "alle", "mal", "ab",
        "bis", "uhr", "dich", "du", "unser", "unsere", "unseren", "unserem", "unserer", "euer", "eure", "the", "and",
        "of", "for", "to", "a", "an", "on", "at", "with", "neu", "neue",
        "neuer", "jetzt", "heute", "wieder", "auch", "noch", "nur", "hier", "so", "ja", "st", "bzw", "ca",
    ]

    static let genericWords: [String] = [
        "workshop", "vortrag", "stammtisch", "veranstaltung", "termin", "einladung", "infoabend",
        "informationsabend", "seminar", "kurs", "meetup", "event", "online", "hybrid", "live", "praesenz",
        "anmeldung", "kostenlos", "abend", "nachmittag", "vormittag", "herzlich", "willkommen", "save", "date",
        "erinnerung", "repost", "hinweis", "tipp", "partner", "partnerlab", "lab", "labs", "labor", "stadtlabor",
        "treff", "gemeinsam", "gemeinsame", "gemeinsamer", "offene", "offener", "offenes",
    ]

    static let locationWords: [String] = ["ort", "raum", "adresse", "treffpunkt", "eingang", "deutschland", "de"]

    init(settings: DedupSettings, memberCities: [String]) {
        var titles = Set((Self.stopWords + Self.genericWords + settings.genericWords).flatMap(Self.rawTokens))
        titles.formUnion(titles.map(Self.stem))
        var cities: Set<String> = []
        for city in memberCities { cities.formUnion(Self.rawTokens(city)) }
        titles.formUnion(cities)
        ignoredInTitles = titles
        ignoredInLocations = Set((Self.stopWords + Self.locationWords).flatMap(Self.rawTokens))
        self.cities = cities
    }

    /// False for stop words, generic words and member cities, stemmed or not.
    func isSignificantInTitle(_ raw: String) -> Bool {
        !ignoredInTitles.contains(raw) && !ignoredInTitles.contains(Self.stem(raw))
    }

    /// Location tokens, folded, with street-name spellings unified ("Str." and "Straße" → "strasse").
    func locationTokens(_ location: String, buffer: inout [UInt8]) -> [String] {
        TextNormalizer.fold(location, into: &buffer)
        return buffer.withUnsafeBufferPointer { locationTokens(folded: $0) }
    }

    /// `locationTokens` of a location already folded (`TextNormalizer.fold`).
    func locationTokens(folded: UnsafeBufferPointer<UInt8>) -> [String] {
        var out: [String] = []
        for raw in Self.words(folded: folded) where !ignoredInLocations.contains(raw) {
            var token = raw
            if token == "str" { token = "strasse" }
            // By bytes: folded tokens end in plain letters, and Foundation's `hasSuffix` bridged to
            // CFString for every location word.
            if token.utf8.count > 5, token.utf8.reversed().starts(with: "rts".utf8), token.count > 5 {
                token += "asse"
            }
            if !out.contains(token) { out.append(token) }
        }
        return out
    }

    /// Folded words (see `TextNormalizer.title`), split on everything that is not a letter or digit.
    /// The gender suffix of "Freund:innen" or "Bürger*innen" would be a word of its own: it is dropped.
    static func rawTokens(_ text: String) -> [String] {
        var buffer: [UInt8] = []
        return rawTokens(text, buffer: &buffer)
    }

    /// `rawTokens` folding into a reused byte buffer.
    static func rawTokens(_ text: String, buffer: inout [UInt8]) -> [String] {
        TextNormalizer.fold(text, into: &buffer)
        return buffer.withUnsafeBufferPointer { words(folded: $0) }
    }

    /// `rawTokens` of text already folded (`TextNormalizer.fold`). The words are separated by
    /// single spaces; walked by hand, without an array of slices.
    static func words(folded bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var tokens: [String] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            if end > start {
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if !word.elementsEqual("innen".utf8) { tokens.append(String(decoding: word, as: UTF8.self)) }
            }
            start = end + 1
        }
        return tokens
    }

    /// A light German stemmer: plural and inflection endings off, so "Workshops", "Seniorinnen" and
    /// "Senioren" meet. Short words stay as they are.
    static func stem(_ token: String) -> String {
        let bytes = Array(token.utf8)
        // Folded tokens are lower-case ASCII letters and digits, plus other scripts' letters.
        guard bytes.count > 5, !bytes.contains(where: { (0x30...0x39).contains($0) }) else { return token }
        for suffix in Self.suffixes where bytes.count > suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix)
        {
            return String(decoding: bytes.dropLast(suffix.count), as: UTF8.self)
        }
        return token
    }

    private static let suffixes = ["innen", "ern", "en", "er", "es", "e", "n", "s"].map { Array($0.utf8) }
}
