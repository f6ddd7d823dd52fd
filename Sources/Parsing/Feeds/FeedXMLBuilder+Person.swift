import Foundation

/// How RSS writes a person in one string (`author`, `managingEditor`, `dc:creator`).
extension FeedXMLBuilder {
    /// Reads `team@x.org (Lab-Team)`, `Lab-Team <team@x.org>`, a bare address or a bare name.
    static func person(_ text: String) -> RawPerson? {
        guard !text.isEmpty else { return nil }
        // Most are a bare name: the forms with brackets are looked for only when a bracket is there.
        let bytes = text.utf8
        if !bytes.contains(UInt8(ascii: "(")), !bytes.contains(UInt8(ascii: "<")) {
            if bytes.contains(UInt8(ascii: "@")), !bytes.contains(UInt8(ascii: " ")) { return RawPerson(email: text) }
            return RawPerson(name: text)
        }
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            let before = String(text[..<open]).trimmedBlanks
            let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmedBlanks
            // `address (Name)` as RSS 2.0 asks, or the reverse `Name (address)`.
            if before.utf8.contains(UInt8(ascii: "@")) {
                return RawPerson(name: inside.isEmpty ? nil : inside, email: before)
            }
            if inside.utf8.contains(UInt8(ascii: "@")) {
                return RawPerson(name: before.isEmpty ? nil : before, email: inside)
            }
        }
        if let open = text.firstIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            let email = String(text[text.index(after: open)..<close]).trimmedBlanks
            let name = String(text[..<open]).trimmedBlanks
            if email.utf8.contains(UInt8(ascii: "@")) {
                return RawPerson(name: name.isEmpty ? nil : name, email: email)
            }
        }
        if text.utf8.contains(UInt8(ascii: "@")), !text.utf8.contains(UInt8(ascii: " ")) {
            return RawPerson(email: text)
        }
        return RawPerson(name: text)
    }
}
