import Storage

/// The causes on status.html in plain German. The store and status.json keep the fetcher's and
/// parser's English sentences (stable for scripts and logs); this turns each of them into German
/// for the coordinator, keeping the facts in it (limits, addresses, counts). A sentence it does not
/// know is shown as it is, after "Fehler:", so nothing is ever hidden.
enum GermanProblemText {
    /// The cause of the record's last error or hold, in German; nil when there is none.
    static func cause(of record: SourceRecord) -> String? {
        if let held = record.holdReason { return self.held(held, source: record.id) }
        guard let error = record.lastError else { return nil }
        return self.error(error, httpStatus: record.httpStatus)
    }

    /// "held: REASON; keeping the last N good items (run `labnetz sync --accept ID` …)".
    static func held(_ text: String, source: String) -> String {
        var reason = text.hasPrefix("held: ") ? String(text.dropFirst(6)) : text
        var kept = ""
        if let range = reason.range(of: "; keeping the last ") {
            let count = reason[range.upperBound...].prefix { $0.isNumber }
            kept = " Die letzten \(count) guten Einträge bleiben veröffentlicht."
            reason = String(reason[..<range.lowerBound])
        }
        let german: String
        if let had = between(reason, "the source suddenly has no items (it had ", ")") {
            german = "Die Quelle hat plötzlich keine Einträge mehr (vorher \(had))."
        } else if let lost = before(reason, " of "), let rest = between(reason, " of ", " upcoming events ("),
            let percent = between(reason, "upcoming events (", " %) disappeared")
        {
            german = "\(lost) von \(rest) kommenden Terminen (\(percent) %) sind auf einmal verschwunden."
        } else {
            german = reason + "."
        }
        return "Zurückgehalten: \(german)\(kept) Wenn die Änderung stimmt: labnetz sync --accept \(source)"
    }

    /// One stored error sentence in German.
    static func error(_ text: String, httpStatus: Int?) -> String {
        if text.hasPrefix("HTTP "), let status = Int(text.dropFirst(5).prefix { $0.isNumber }) ?? httpStatus {
            return http(status)
        }
        if let rest = after(text, "cannot parse ") {
            let detail = rest.range(of: ": ").map { String(rest[$0.upperBound...]) } ?? rest
            return "Der Inhalt ist kein lesbarer Feed und kein Kalender (Einzelheiten: \(detail))."
        }
        if let name = after(text, "file not found: ") { return "Datei nicht gefunden: \(name)" }
        if let name = after(text, "cannot read file: ") { return "Datei nicht lesbar: \(name)" }
        if let rest = after(text, "file too large: "), let name = before(rest, " has "),
            let size = between(rest, " has ", " bytes"),
            let limit = rest.range(of: "the limit is ").map({ String(rest[$0.upperBound...]) })
        {
            return "Datei zu groß: \(name) hat \(size) Bytes, erlaubt sind \(limit)."
        }
        for (english, german) in prefixes {
            guard let rest = after(text, english) else { continue }
            return german.replacingOccurrences(of: "%", with: decimalComma(rest))
        }
        if let sentence = exact[text] { return sentence }
        return "Fehler: \(text)"
    }

    static func http(_ status: Int) -> String {
        switch status {
        case 404, 410: "Die Adresse gibt es nicht mehr (HTTP \(status))."
        case 401, 403: "Der Server verweigert den Zugriff (HTTP \(status))."
        case 429: "Der Server meldet zu viele Anfragen (HTTP 429); labnetz wartet so lange wie verlangt."
        case 503: "Der Server ist vorübergehend nicht verfügbar (HTTP 503)."
        case 500...599: "Der Server meldet einen Fehler (HTTP \(status))."
        default: "Der Server antwortet mit HTTP \(status) statt mit dem Feed."
        }
    }

    /// English sentence starts with a value after them; `%` in the German text takes that value.
    private static let prefixes: [(String, String)] = [
        (
            "The server accepted the connection but sent no response within ",
            "Der Server hat die Verbindung angenommen, aber innerhalb von % nicht geantwortet."
        ),
        ("The server sent less than ", "Der Server sendet zu langsam (weniger als %)."),
        ("The host name could not be resolved within ", "Der Servername ließ sich nicht innerhalb von % auflösen."),
        ("Could not connect within ", "Keine Verbindung zum Server innerhalb von %."),
        ("No complete response within ", "Keine vollständige Antwort innerhalb von %."),
        ("The response is larger than the limit of ", "Die Antwort ist größer als die Grenze von %."),
        ("Gave up after ", "Nach % aufgegeben (eine Schleife oder zu lange Kette)."),
        (
            "Only http and https URLs are allowed",
            "Nur http- und https-Adressen sind erlaubt; eine Weiterleitung zu etwas anderem wird nicht befolgt%."
        ),
        ("The transfer failed (curl error ", "Der Abruf ist fehlgeschlagen (curl-Fehler %."),
    ]

    private static let exact: [String: String] = [
        "The fetch was cancelled": "Der Abruf wurde abgebrochen.",
        "The URL is not valid": "Die Adresse ist ungültig.",
        "The host name could not be found": "Den Servernamen gibt es nicht (DNS).",
        "Could not connect to the server (connection refused or unreachable)":
            "Keine Verbindung zum Server (abgelehnt oder nicht erreichbar).",
        "The connection broke off before the response was complete":
            "Die Verbindung brach ab, bevor die Antwort vollständig war.",
        "The server's TLS certificate could not be verified": "Das TLS-Zertifikat des Servers ist nicht gültig.",
        "The secure connection (TLS) could not be established": "Die sichere Verbindung (TLS) kam nicht zustande.",
        "The response body could not be decoded (broken compression)":
            "Die Antwort ließ sich nicht entpacken (defekte Kompression).",
        "libcurl could not be initialised": "Der Abruf konnte nicht gestartet werden (libcurl).",
    ]

    /// The fetcher's values in German spelling: "1.5 s" → "1,5 s", "byte/s for" → "Byte/s über",
    /// "5 redirects" → "5 Weiterleitungen", " (redirect to X)" → " (Weiterleitung nach X)".
    private static func decimalComma(_ value: String) -> String {
        var text = value
        for (english, german) in [
            (" byte/s for ", " Byte/s über "), (" redirects", " Weiterleitungen"),
            (" (redirect to ", " (Weiterleitung nach "),
            ("bytes", "Bytes"),
        ] {
            text = text.replacingOccurrences(of: english, with: german)
        }
        // A decimal point between digits ("1.5 s") becomes a comma; addresses keep their dots.
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            let between =
                scalar == "." && i > 0 && i + 2 < scalars.count && scalars[i - 1].properties.numericType != nil
                && scalars[i + 1].properties.numericType != nil && scalars[i + 2] == " "
            out.append(between ? "," : scalar)
        }
        return String(out)
    }

    private static func after(_ text: String, _ prefix: String) -> String? {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
    }

    private static func before(_ text: String, _ marker: String) -> String? {
        text.range(of: marker).map { String(text[..<$0.lowerBound]) }
    }

    private static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let lower = text.range(of: start) else { return nil }
        let rest = text[lower.upperBound...]
        guard let upper = rest.range(of: end) else { return nil }
        return String(rest[..<upper.lowerBound])
    }
}
