import Foundation

/// Captured bytes made into field values: text, with windows-1252 C1 characters restored, and
/// sanitized HTML.
extension FeedXMLBuilder {
    /// Captured UTF-8 as a string, C1 controls read as the windows-1252 characters they stand for.
    static func text(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer(text) }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return XMLCharset.hasC1Controls(bytes) ? XMLCharset.demoronized(text) : text
    }

    /// HTML character references to C1 controls (`&#146;`) mean windows-1252 characters.
    static func demoronized(_ html: String) -> String {
        // U+0080–U+009F are the only scalars encoded as 0xC2 0x80–0x9F: a byte scan finds them.
        var html = html
        guard html.withUTF8(XMLCharset.hasC1Controls) else { return html }
        return XMLCharset.demoronized(html)
    }

    /// Captured bytes as sanitized HTML: what sanitizing `text(bytes)` gives, without making that
    /// string first when the bytes are clean UTF-8 (they nearly always are: libxml2 wrote them).
    static func sanitized(_ bytes: [UInt8], baseURL: String?, scratch: SimpleHTMLSanitizer.Scratch? = nil) -> String {
        bytes.withUnsafeBufferPointer { sanitized($0, baseURL: baseURL, scratch: scratch) }
    }

    static func sanitized(
        _ bytes: UnsafeBufferPointer<UInt8>, baseURL: String?, scratch: SimpleHTMLSanitizer.Scratch? = nil
    ) -> String {
        guard UTF8Check.isCleanText(bytes) else {
            return demoronized(HTMLSanitizer.sanitize(text(bytes), baseURL: baseURL))
        }
        return demoronized(HTMLSanitizer.sanitize(utf8: bytes, baseURL: baseURL, scratch: scratch))
    }
}
