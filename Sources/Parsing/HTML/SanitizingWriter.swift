import CLibXML2
import Foundation

/// Walks a libxml2 HTML tree and writes the allowed subset back out as HTML.
struct SanitizingWriter {
    /// Elements kept, with the attributes each may keep (URL attributes are checked apart).
    static let allowed: [String: Set<String>] = {
        var m: [String: Set<String>] = [:]
        for tag in [
            "p", "br", "ul", "ol", "li", "em", "strong", "b", "i", "u", "blockquote", "code", "pre",
            "h1", "h2", "h3", "h4", "h5", "h6", "span", "div", "hr", "sub", "sup", "small", "s", "del", "ins",
            "dl", "dt", "dd", "abbr", "cite", "q", "kbd", "samp", "var", "tt", "big", "strike", "figure",
            "figcaption", "table", "thead", "tbody", "tfoot", "tr", "caption", "address",
        ] {
            m[tag] = []
        }
        m["a"] = ["href", "title"]
        m["img"] = ["src", "alt", "width", "height", "title"]
        m["td"] = ["colspan", "rowspan"]
        m["th"] = ["colspan", "rowspan", "scope"]
        m["ol"] = ["start"]
        return m
    }()

    /// Elements dropped together with everything inside them: their content is code, never text.
    /// Embedding elements (iframe, object, svg, …) lose their tags but keep their text, which is
    /// the fallback a reader would see, and which a missing end tag can stretch over real text.
    static let dropped: Set<String> = ["script", "style", "template", "head"]

    /// Void elements that are dropped; libxml2 may hang following siblings under them when it
    /// does not know they are void, so their children are still walked.
    static let droppedVoid: Set<String> = ["embed", "input", "param", "link", "meta", "base", "source", "track"]

    static let void: Set<String> = ["br", "hr", "img"]

    let baseURL: String?
    var output = ""

    init(baseURL: String?) { self.baseURL = baseURL }

    mutating func emitChildren(of node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            emit(current)
            child = current.pointee.next
        }
    }

    private mutating func emit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let text = LibXML.string(node.pointee.content) { output += HTMLEscape.text(text) }
        case XML_ELEMENT_NODE:
            let name = (LibXML.string(node.pointee.name) ?? "").lowercased()
            if Self.dropped.contains(name) { return }
            if Self.droppedVoid.contains(name) {
                emitChildren(of: node)
                return
            }
            guard let attrs = Self.allowed[name] else {
                // Unknown or structural (html, body, font, form, …): keep the content, lose the tag.
                emitChildren(of: node)
                return
            }
            output += "<" + name
            writeAttributes(of: node, tag: name, allowed: attrs)
            output += ">"
            if Self.void.contains(name) { return }
            emitChildren(of: node)
            output += "</" + name + ">"
        case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE, XML_DOCUMENT_FRAG_NODE:
            emitChildren(of: node)
        default:
            // Comments, processing instructions and DTD nodes carry nothing a reader sees.
            break
        }
    }

    private mutating func writeAttributes(of node: xmlNodePtr, tag: String, allowed: Set<String>) {
        var seen: Set<String> = []
        var attr = node.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            let name = (LibXML.string(a.pointee.name) ?? "").lowercased()
            guard allowed.contains(name), !seen.contains(name) else { continue }
            let raw = LibXML.takeString(xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1)) ?? ""
            guard let written = Self.attribute(name, value: raw, baseURL: baseURL) else { continue }
            seen.insert(name)
            output += written
        }
        if tag == "a" { output += Self.linkRel }
    }

    /// Added to every kept link: the target page gets neither the opener nor the referrer.
    static let linkRel = " rel=\"noopener noreferrer\""
    static let linkRelBytes = Array(linkRel.utf8)

    /// ` name="value"` for an allowed attribute, or nil when its value may not be kept (an unsafe
    /// URL, a size that is not a number). Shared with `SimpleHTMLSanitizer`.
    static func attribute(_ name: String, value raw: String, baseURL: String?) -> String? {
        var out: [UInt8] = []
        guard appendAttribute(name, value: raw, baseURL: baseURL, to: &out) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// `attribute` appended to `out` as UTF-8; false (and nothing appended) when it is not kept.
    static func appendAttribute(_ name: String, value raw: String, baseURL: String?, to out: inout [UInt8]) -> Bool {
        guard let value = keptValue(name, value: raw, baseURL: baseURL) else { return false }
        out.append(UInt8(ascii: " "))
        // Copied from the contiguous storage: a string's UTF-8 view as such is copied element-wise.
        if name.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
            out.append(contentsOf: name.utf8)
        }
        out.append(UInt8(ascii: "="))
        out.append(UInt8(ascii: "\""))
        HTMLEscape.appendText(value.utf8, to: &out, quotes: true)
        out.append(UInt8(ascii: "\""))
        return true
    }

    /// The value an allowed attribute keeps (a URL resolved against `baseURL`), or nil when it may
    /// not be kept (an unsafe URL, a size that is not a number).
    static func keptValue(_ name: String, value raw: String, baseURL: String?) -> String? {
        if name == "href" || name == "src" { return safeURL(raw, images: name == "src", baseURL: baseURL) }
        if name == "width" || name == "height" || name == "colspan" || name == "rowspan" || name == "start" {
            guard !raw.isEmpty, raw.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 37 }) else { return nil }
        }
        return raw
    }

    /// The URL if its scheme is allowed: http, https (and mailto for links), or relative.
    private static func safeURL(_ raw: String, images: Bool, baseURL: String?) -> String? {
        if let scheme = URLResolver.scheme(of: raw) {
            let ok = scheme == "http" || scheme == "https" || (!images && scheme == "mailto")
            return ok ? raw.trimmed : nil
        }
        let resolved = URLResolver.resolve(raw, against: baseURL)
        if let scheme = URLResolver.scheme(of: resolved), scheme != "http", scheme != "https",
            images || scheme != "mailto"
        {
            return nil
        }
        return resolved
    }
}

/// Gathers the visible text of an HTML tree, turning block boundaries into line breaks.
struct TextCollector {
    static let blocks: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td",
        "th", "table", "hr", "dt", "dd", "dl", "figure", "figcaption", "address", "section", "article",
    ]
    var text = ""

    mutating func collect(children node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let t = LibXML.string(current.pointee.content) { text += t }
            case XML_ELEMENT_NODE:
                let name = (LibXML.string(current.pointee.name) ?? "").lowercased()
                if SanitizingWriter.dropped.contains(name) { break }
                let block = Self.blocks.contains(name)
                if block { text += "\n" }
                collect(children: current)
                if block { text += "\n" }
            default:
                break
            }
            child = current.pointee.next
        }
    }
}
