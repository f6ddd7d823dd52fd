import CLibXML2
import Foundation

/// Allow-list HTML sanitizer: parses with libxml2's forgiving HTML parser and re-serializes
/// only known-safe elements, attributes and URL schemes.
public enum HTMLSanitizer {
    /// Safe HTML for `html`; relative links and image sources resolved against `baseURL`.
    public static func sanitize(_ html: String, baseURL: String?) -> String {
        // Most titles and many summaries are plain text: skip the parser for them.
        if !html.utf8.contains(UInt8(ascii: "<")) && !html.utf8.contains(UInt8(ascii: "&")) {
            return HTMLEscape.text(html)
        }
        if let simple = SimpleHTMLSanitizer.sanitize(html, baseURL: baseURL) { return simple }
        return sanitizeParsed(html, baseURL: baseURL)
    }

    /// `sanitize(String(decoding: bytes, as: UTF8.self), baseURL:)` for bytes that are well-formed
    /// UTF-8, read in place: the string is made once, for the result.
    static func sanitize(
        utf8 bytes: UnsafeBufferPointer<UInt8>, baseURL: String?, scratch: SimpleHTMLSanitizer.Scratch? = nil
    ) -> String {
        var markup = false
        var escapes = false
        for b in bytes where b == UInt8(ascii: "<") || b == UInt8(ascii: "&") || b == UInt8(ascii: ">") {
            if b == UInt8(ascii: ">") {
                escapes = true
            } else {
                markup = true
                break
            }
        }
        if !markup {
            guard escapes else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            HTMLEscape.appendText(bytes, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        if let simple = SimpleHTMLSanitizer.sanitize(utf8: bytes, baseURL: baseURL, scratch: scratch) {
            return simple
        }
        return sanitizeParsed(String(decoding: bytes, as: UTF8.self), baseURL: baseURL)
    }

    /// `sanitize` through libxml2's HTML parser, whatever the input.
    static func sanitizeParsed(_ html: String, baseURL: String?) -> String {
        var writer = SanitizingWriter(baseURL: baseURL)
        walkParsed(html) { writer.emitChildren(of: $0) }
        return writer.output.trimmed
    }

    /// The visible text of `html`, entities decoded, whitespace collapsed, block tags as breaks.
    public static func plainText(_ html: String) -> String {
        if !html.utf8.contains(UInt8(ascii: "<")) && !html.utf8.contains(UInt8(ascii: "&")) {
            return collapse(html)
        }
        if let decoded = HTMLTextReferences.decoded(html) { return collapse(decoded) }
        return plainTextParsed(html)
    }

    /// `plainText` through libxml2's HTML parser, whatever the input.
    static func plainTextParsed(_ html: String) -> String {
        var collector = TextCollector()
        walkParsed(html) { collector.collect(children: $0) }
        return collapse(collector.text)
    }

    /// Parses `html` as a body fragment and hands the body (or document) node to `body`.
    static func walkParsed(_ html: String, _ body: (xmlNodePtr) -> Void) {
        LibXML.ensureInitialized()
        // An explicit <body> stops libxml2 from wrapping leading text in an implied <p> and from
        // moving leading <script>/<title> into a <head> we would have to look for.
        let source = "<body>" + html
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue)
        let count = source.utf8.count
        let doc: htmlDocPtr? = source.withCString { ptr in
            htmlReadMemory(ptr, Int32(clamping: count), nil, "UTF-8", options)
        }
        guard let doc else { return }
        defer { xmlFreeDoc(doc) }
        guard xmlDocGetRootElement(doc) != nil else { return }
        body(UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self))
    }

    static func collapse(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s.unicodeScalars {
            if ch.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
