import Foundation

/// Resolves relative references (RFC 3986) and classifies URL schemes for the sanitizer.
enum URLResolver {
    /// `reference` made absolute against `base`; unchanged when there is no usable base or
    /// Foundation cannot read either string.
    static func resolve(_ reference: String, against base: String?) -> String {
        let ref = reference.trimmed
        guard let base, !base.isEmpty else { return ref }
        if scheme(of: ref) != nil { return ref }
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

    /// The lower-cased scheme, ignoring the blanks and control characters browsers skip
    /// (`java\tscript:`), or nil for a relative reference.
    static func scheme(of value: String) -> String? {
        var scheme: [UInt8] = []
        for b in value.utf8 {
            if b <= 0x20 || b == 0x7F { continue }
            if b == UInt8(ascii: ":") { return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self) }
            let lower = b | 0x20
            let isLetter = lower >= 97 && lower <= 122
            let isOther =
                (b >= 48 && b <= 57) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            guard isLetter || (isOther && !scheme.isEmpty) else { return nil }
            scheme.append(isLetter ? lower : b)
        }
        return nil
    }
}
