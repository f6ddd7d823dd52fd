import Foundation

/// Resolves relative references (RFC 3986) and classifies URL schemes for the sanitizer.
enum URLResolver {
    /// `reference` made absolute against `base`; unchanged when there is no usable base or
    /// Foundation cannot read either string.
    static func resolve(_ reference: String, against base: String?) -> String {
        let ref = reference.trimmed
        guard let base, !base.isEmpty else { return ref }
        if scheme(of: ref) != nil { return ref }
        return simpleResolve(ref, against: base) ?? foundationResolve(ref, against: base)
    }

    /// RFC 3986 resolution by Foundation's URL, for every reference `simpleResolve` declines.
    static func foundationResolve(_ ref: String, against base: String) -> String {
        guard let baseURL = URL(string: base), baseURL.scheme != nil else { return ref }
        if ref.isEmpty { return baseURL.absoluteString }
        guard let url = URL(string: ref, relativeTo: baseURL) else {
            // Foundation refuses spaces and other raw characters; percent-encode and retry.
            let allowed = CharacterSet.urlFragmentAllowed.union(CharacterSet(charactersIn: "#%"))
            guard let escaped = ref.addingPercentEncoding(withAllowedCharacters: allowed),
                let url = URL(string: escaped, relativeTo: baseURL)
            else { return ref }
            return url.absoluteString
        }
        return url.absoluteString
    }

    /// The common case without Foundation's URL parser (which dominated feed parsing time):
    /// a plain ASCII path reference against a plain http(s) base whose resolution needs no
    /// dot-segment removal and no escaping. Nil for anything else; the full resolver decides.
    static func simpleResolve(_ ref: String, against base: String) -> String? {
        let r = ref.utf8
        guard let first = r.first, first != UInt8(ascii: "."), first != UInt8(ascii: "?") else { return nil }
        if first == UInt8(ascii: "/"), r.dropFirst().first == UInt8(ascii: "/") { return nil }
        var previous: UInt8 = 0
        for b in r {
            guard isPlainPathByte(b) || b == UInt8(ascii: "?") || b == UInt8(ascii: "=") || b == UInt8(ascii: "&")
            else { return nil }
            if b == UInt8(ascii: "."), previous == UInt8(ascii: "/") { return nil }
            previous = b
        }
        var base = base
        return base.withUTF8 { bytes in simpleResolve(ref, first: first, base: bytes) }
    }

    private static func simpleResolve(_ ref: String, first: UInt8, base bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // `http://` or `https://`, compared byte by byte (a literal's UTF-8 view is a generic sequence).
        func at(_ k: Int, _ c: Unicode.Scalar) -> Bool { k < bytes.count && bytes[k] == UInt8(ascii: c) }
        guard at(0, "h"), at(1, "t"), at(2, "t"), at(3, "p") else { return nil }
        let secure = at(4, "s")
        let colon = secure ? 5 : 4
        guard at(colon, ":"), at(colon + 1, "/"), at(colon + 2, "/") else { return nil }
        let prefixLength = colon + 3
        var i = prefixLength
        var previous: UInt8 = 0
        while i < bytes.count, bytes[i] != UInt8(ascii: "/") {
            let b = bytes[i]
            let ok =
                (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
                || b == UInt8(ascii: ":")
            guard ok else { return nil }
            i += 1
        }
        guard i > prefixLength, i < bytes.count else { return nil }
        let pathStart = i
        var lastSlash = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "?"), bytes[i] != UInt8(ascii: "#") {
            let b = bytes[i]
            guard isPlainPathByte(b) || b == UInt8(ascii: "%") else { return nil }
            if b == UInt8(ascii: "."), previous == UInt8(ascii: "/") { return nil }
            if b == UInt8(ascii: "/") { lastSlash = i }
            previous = b
            i += 1
        }
        let head = UnsafeBufferPointer(rebasing: first == UInt8(ascii: "/") ? bytes[..<pathStart] : bytes[...lastSlash])
        // Written straight into the result's storage: one allocation per resolved link.
        var ref = ref
        return ref.withUTF8 { tail in
            String(unsafeUninitializedCapacity: head.count + tail.count) { out in
                _ = UnsafeMutableBufferPointer(rebasing: out[..<head.count]).initialize(from: head)
                _ = UnsafeMutableBufferPointer(rebasing: out[head.count...]).initialize(from: tail)
                return head.count + tail.count
            }
        }
    }

    /// Letters, digits and the path characters that need no escaping and carry no special meaning.
    private static func isPlainPathByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == UInt8(ascii: "/")
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "~")
    }

    /// The lower-cased scheme, ignoring the blanks and control characters browsers skip
    /// (`java\tscript:`), or nil for a relative reference.
    static func scheme(of value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes in
            // Most values are `https://…` or relative: find the colon before copying anything.
            var length = 0
            for b in bytes {
                if b <= 0x20 || b == 0x7F { continue }
                if b == UInt8(ascii: ":") {
                    guard length > 0 else { return nil }
                    return String(unsafeUninitializedCapacity: length) { out in
                        var n = 0
                        for b in bytes {
                            if b <= 0x20 || b == 0x7F { continue }
                            if b == UInt8(ascii: ":") { break }
                            let lower = b | 0x20
                            out[n] = lower >= 97 && lower <= 122 ? lower : b
                            n += 1
                        }
                        return n
                    }
                }
                let lower = b | 0x20
                let isLetter = lower >= 97 && lower <= 122
                let isOther =
                    (b >= 48 && b <= 57) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
                guard isLetter || (isOther && length > 0) else { return nil }
                length += 1
            }
            return nil
        }
    }
}
