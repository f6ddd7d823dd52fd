import Foundation

/// Folds text for matching: case, German umlauts and ß, punctuation and spacing.
public enum TextNormalizer {
    /// "NETZWERKTREFFEN der Südwestfalen-Labs!" → "netzwerktreffen der suedwestfalen labs".
    public static func title(_ text: String) -> String {
        var out: [UInt8] = []
        fold(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `title` as UTF-8 bytes into a reused buffer: matching folds every title and location of
    /// every sync, and building the result scalar by scalar as a String was most of that time.
    static func fold(_ text: String, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(text.utf8.count + 8)
        var pendingSpace = false
        func append(_ byte: UInt8) {
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        func append(_ scalar: Unicode.Scalar) {
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            UTF8.encode(scalar) { out.append($0) }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII, the common case, without Unicode tables.
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    append(UInt8(value))
                } else if (0x41...0x5A).contains(value) {
                    append(UInt8(value + 0x20))
                } else {
                    pendingSpace = !out.isEmpty
                }
                continue
            }
            switch value {
            // German letters without the Unicode tables (their lower-case mapping is one of these).
            case 0xE4, 0xC4: append(UInt8(ascii: "a")); out.append(UInt8(ascii: "e"))
            case 0xF6, 0xD6: append(UInt8(ascii: "o")); out.append(UInt8(ascii: "e"))
            case 0xFC, 0xDC: append(UInt8(ascii: "u")); out.append(UInt8(ascii: "e"))
            case 0xDF: append(UInt8(ascii: "s")); out.append(UInt8(ascii: "s"))
            default:
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    switch lower {
                    case "ß": append(UInt8(ascii: "s")); out.append(UInt8(ascii: "s"))
                    case "\u{308}" where !pendingSpace && !out.isEmpty:
                        out.append(UInt8(ascii: "e"))  // a decomposed umlaut: "a" + combining diaeresis
                    default:
                        let category = lower.properties.generalCategory
                        if category == .nonspacingMark || category == .spacingMark || category == .enclosingMark {
                            continue
                        }
                        if lower.properties.isAlphabetic || lower.properties.numericType != nil {
                            append(lower)
                        } else {
                            pendingSpace = !out.isEmpty
                        }
                    }
                }
            }
        }
    }

    /// A link reduced to what identifies the page: lower-case scheme and host without `www.`,
    /// no fragment, no trailing slash, no tracking parameters, the rest of the query sorted.
    public static func link(_ text: String) -> String? {
        var buffers = LinkBuffers()
        return link(text, buffers: &buffers)
    }

    /// Scratch space for `link(_:buffers:)`, reused from link to link.
    struct LinkBuffers {
        fileprivate var text: [UInt8] = []
        fileprivate var key: [UInt8] = []
    }

    /// `link`, working in reused buffers: the merger normalizes the link of every item.
    static func link(_ text: String, buffers: inout LinkBuffers) -> String? {
        var key = buffers.key
        buffers.key = []
        defer { buffers.key = key }
        key.removeAll(keepingCapacity: true)
        guard appendLink(text, to: &key, buffers: &buffers) else { return nil }
        return String(decoding: key, as: UTF8.self)
    }

    /// Appends the UTF-8 of `link(text)` to `key`; false, and `key` as it was, when `text` is no
    /// http(s) link. The merger writes the links of all items into one buffer this way.
    static func appendLink(_ text: String, to key: inout [UInt8], buffers: inout LinkBuffers) -> Bool {
        let keyStart = key.count
        guard appendLinkBytes(text, to: &key, buffers: &buffers) else {
            key.removeSubrange(keyStart...)
            return false
        }
        return true
    }

    private static func appendLinkBytes(_ text: String, to key: inout [UInt8], buffers: inout LinkBuffers) -> Bool {
        // Byte scanning instead of URLComponents: this runs for every item of every sync.
        buffers.text.removeAll(keepingCapacity: true)
        buffers.text.append(contentsOf: text.utf8)
        var bytes = buffers.text[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D {
            bytes = bytes.dropFirst()
        }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D {
            bytes = bytes.dropLast()
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
            bytes[colon...].starts(with: Array("://".utf8))
        else { return false }
        // No letter outside ASCII lower-cases to one of "https", so the scheme is compared as bytes.
        let scheme = bytes[..<colon].lazy.map(Self.lower)
        guard scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) else { return false }
        var rest = bytes[(colon + 3)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        var query: ArraySlice<UInt8> = []
        if let mark = rest.firstIndex(of: UInt8(ascii: "?")) {
            query = rest[(mark + 1)...]
            rest = rest[..<mark]
        }
        let slash = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        // The key: host, path, kept query.
        guard appendHost(rest[..<slash], to: &key) else { return false }
        var path = rest[slash...]
        while path.last == UInt8(ascii: "/") { path = path.dropLast() }
        let kept = query.split(separator: UInt8(ascii: "&")).map { String(decoding: $0, as: UTF8.self) }
            .filter { pair in
                let name = String(pair.prefix { $0 != "=" }).lowercased()
                return !name.isEmpty && !name.hasPrefix("utm_")
                    && !["fbclid", "gclid", "mc_cid", "mc_eid"].contains(name)
            }
            .sorted()
        key.append(contentsOf: path)
        if !kept.isEmpty {
            key.append(UInt8(ascii: "?"))
            key.append(contentsOf: kept.joined(separator: "&").utf8)
        }
        return true
    }

    /// Appends the host lower-cased, without user info and `www.`; false when it is empty or
    /// holds a space.
    private static func appendHost(_ bytes: ArraySlice<UInt8>, to key: inout [UInt8]) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            // Other scripts lower-case by Unicode rules (and "@" may carry a combining mark).
            var host = String(decoding: bytes, as: UTF8.self).lowercased()
            if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
            if host.hasPrefix("www.") { host.removeFirst(4) }
            guard !host.isEmpty, !host.contains(where: { $0 == " " }) else { return false }
            key.append(contentsOf: host.utf8)
            return true
        }
        // ASCII, the usual case: bytes, no Character walk. "\r\n" would be one Character, but
        // neither half is "@" or " ", so both ways find the same.
        var host = bytes
        if let at = host.lastIndex(of: UInt8(ascii: "@")) { host = host[(at + 1)...] }
        if host.prefix(4).lazy.map(Self.lower).elementsEqual("www.".utf8) { host = host.dropFirst(4) }
        guard !host.isEmpty, !host.contains(0x20) else { return false }
        key.append(contentsOf: host.lazy.map(Self.lower))
        return true
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
}
