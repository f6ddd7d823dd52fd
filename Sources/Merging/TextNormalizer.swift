import Foundation

/// Folds text for matching: case, German umlauts and ß, punctuation and spacing.
public enum TextNormalizer {
    /// "NETZWERKTREFFEN der Südwestfalen-Labs!" → "netzwerktreffen der suedwestfalen labs".
    public static func title(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            let folded: String
            switch scalar {
            case "ä": folded = "ae"
            case "ö": folded = "oe"
            case "ü": folded = "ue"
            case "ß": folded = "ss"
            default:
                if CharacterSet.alphanumerics.contains(scalar) {
                    folded = String(scalar)
                } else {
                    pendingSpace = !out.isEmpty
                    continue
                }
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(folded)
        }
        return out
    }

    /// A link reduced to what identifies the page: lower-case scheme and host without `www.`,
    /// no fragment, no trailing slash, no tracking parameters, the rest of the query sorted.
    public static func link(_ text: String) -> String? {
        guard var components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            var host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        components.fragment = nil
        let query = (components.queryItems ?? [])
            .filter { item in
                let name = item.name.lowercased()
                return !name.hasPrefix("utm_") && !["fbclid", "gclid", "mc_cid", "mc_eid"].contains(name)
            }
            .sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let queryText = query.isEmpty ? "" : "?" + query.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&")
        return "\(host)\(path)\(queryText)"
    }
}
