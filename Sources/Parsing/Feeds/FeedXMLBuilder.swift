import FeedModel
import Foundation

/// One attribute as the reader reports it.
struct XMLAttribute: Sendable {
    var namespace: String?
    var local: String
    var value: String
}

/// Turns the reader's element/text events into a `RawFeed`, one element at a time.
///
/// Fields are captured as both plain text and re-serialized markup, because feeds put HTML
/// in either form: escaped inside a text node, or as inline child elements.
struct FeedXMLBuilder {
    enum Family { case rss, atom }

    /// How a captured field's value is read.
    enum TextMode { case text, html, xhtml }

    struct Frame {
        var key: String
        var element: FeedElement? = nil
        var base: String?
        var lang: String?
    }

    struct Capture {
        var element: FeedElement
        var depth: Int
        var mode: TextMode
        var attributes: [XMLAttribute]
        var base: String?
        var lang: String?
        /// The text and markup, filled from `plainBytes`/`markupBytes` when the field ends.
        var plain = ""
        var markup = ""
        var hadChildren = false
        /// Depth of the `<div>` wrapper of Atom XHTML content, whose tags are not part of the value.
        var wrapperDepth: Int?
    }

    var feed = RawFeed(format: "")
    var family: Family?
    var stack: [Frame] = []
    var capture: Capture?
    /// The captured field's text and re-serialized markup so far, as UTF-8: appended in place per
    /// SAX text callback (often one per entity reference) without copying the capture.
    var plainBytes: [UInt8] = []
    var markupBytes: [UInt8] = []
    var entry: RawEntry?
    var person: RawPerson?
    var personDepth = 0
    /// While set, everything below this depth is ignored (RSS `image`, Atom `source`, …).
    var skipDepth: Int?
    var rootName: String?
    var guidIsLink = false
    /// The entry's title came from `media:title`, which a real `<title>` replaces.
    var titleFromMedia = false
    var eventStart: String?
    var eventEnd: String?
    var eventLocation: String?
    var eventOrganizer: String?
    /// RSS `description` and a non-standard `summary`: with both, summary wins and the description is content.
    var rssDescription: String?
    var rssSummary: String?
    var eventType: String?
    let documentBase: String?
    var notExpanded: Set<String> = []
    /// The namespace of the root `<feed>`, whatever it is.
    var atomNamespace: String?
    /// When set, completed entries go here instead of into `feed.entries` (streaming).
    var onEntry: ((RawEntry) -> Void)?

    init(baseURL: String?) { documentBase = baseURL }

    var depth: Int { stack.count }
    var base: String? { stack.last?.base ?? documentBase }

    mutating func warn(_ line: Int?, _ message: String) {
        if feed.warnings.count < 200 { feed.warnings.append(ParseWarning(line: line, message)) }
    }

    /// A reference to an entity the document defines itself (or only names): left out of the text.
    mutating func entityNotExpanded(_ name: String, line: Int) {
        guard notExpanded.insert(name).inserted, notExpanded.count <= 20 else { return }
        warn(
            line,
            "entity &\(name); not expanded: entities a document declares itself are never read (entity bombs, external files)"
        )
    }

    // MARK: events

    /// An element starts; `prefix` is `XMLNames.prefix(for: namespace)`.
    mutating func start(namespace: String?, prefix: String, local: String, attributes: [XMLAttribute], line: Int) {
        var frame = Frame(key: prefix.isEmpty ? local : prefix + ":" + local, base: base, lang: stack.last?.lang)
        for a in attributes where a.namespace == XMLNames.xml {
            if a.local == "base" { frame.base = URLResolver.resolve(a.value, against: frame.base) }
            if a.local == "lang" { frame.lang = a.value }
        }
        // An Atom feed in a namespace of its own (or none) is still Atom: its elements are Atom's.
        if family == .atom, prefix == "" || (namespace != nil && namespace == atomNamespace) {
            frame.key = local == "item" ? "atom:entry" : "atom:" + local
        }
        if family == .rss, prefix == "", Self.mayHaveUppercase(local) { frame.key = Self.rssKey(local) }
        // Only an element the builder may act on needs its meaning (not markup inside a field, not a skipped part).
        if capture == nil, skipDepth == nil { frame.element = FeedElement.named(frame.key) }
        stack.append(frame)

        if let c = capture {
            let depth = depth
            if !c.hadChildren, c.mode != .xhtml { HTMLEscape.appendText(plainBytes, to: &markupBytes) }
            capture?.hadChildren = true
            if c.mode == .xhtml, c.wrapperDepth == nil, depth == c.depth + 1, local == "div",
                markupBytes.isEmpty || String(decoding: markupBytes, as: UTF8.self).allSatisfy(\.isWhitespace)
            {
                capture?.wrapperDepth = depth
            } else {
                var tag = "<" + local
                for a in attributes where a.namespace == nil || a.namespace == "" {
                    tag += " " + a.local + "=\"" + HTMLEscape.attribute(a.value) + "\""
                }
                markupBytes.append(contentsOf: tag.utf8)
                markupBytes.append(UInt8(ascii: ">"))
            }
            return
        }
        if skipDepth != nil { return }
        if depth == 1 {
            startRoot(prefix: prefix, namespace: namespace, local: local, attributes: attributes)
            return
        }
        handleStart(element: frame.element, namespace: namespace, attributes: attributes, line: line)
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Only the two fields are read: copying the capture would retain all its strings per callback.
        guard let mode = capture?.mode, let hadChildren = capture?.hadChildren else { return }
        plainBytes.append(contentsOf: bytes)
        // Markup is only read once the field has child elements (or is XHTML): escape lazily.
        if hadChildren || mode == .xhtml { HTMLEscape.appendText(bytes, to: &markupBytes) }
    }

    mutating func end(line: Int) {
        guard let frame = stack.popLast() else { return }
        let endedDepth = depth + 1
        if let captureDepth = capture?.depth {
            if endedDepth == captureDepth, var c = capture.take() {
                c.plain = Self.text(plainBytes)
                c.markup = Self.text(markupBytes)
                finishField(c, line: line)
            } else if endedDepth != capture?.wrapperDepth {
                let local =
                    frame.key.lastIndex(of: ":").map { frame.key[frame.key.index(after: $0)...] } ?? frame.key[...]
                markupBytes.append(contentsOf: "</".utf8)
                markupBytes.append(contentsOf: local.utf8)
                markupBytes.append(UInt8(ascii: ">"))
            }
            return
        }
        if let skip = skipDepth {
            if endedDepth == skip { skipDepth = nil }
            return
        }
        if person != nil, endedDepth == personDepth {
            finishPerson()
            return
        }
        if entry != nil, frame.element == .item || frame.element == .atomEntry {
            finishEntry()
        }
    }

    /// Captured UTF-8 as a string, C1 controls read as the windows-1252 characters they stand for.
    static func text(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.withUnsafeBufferPointer(XMLCharset.hasC1Controls) ? XMLCharset.demoronized(text) : text
    }

    /// An ASCII upper-case letter, or any non-ASCII byte (left to `Character.isUppercase`).
    static func mayHaveUppercase(_ local: String) -> Bool {
        for b in local.utf8 {
            if b >= 65 && b <= 90 { return true }
            if b >= 0x80 { return local.contains(where: \.isUppercase) }
        }
        return false
    }

    /// RSS element names read case-insensitively, as feed readers do (`<TiTlE>`).
    static func rssKey(_ local: String) -> String {
        let lower = local.lowercased()
        return camelCase[lower] ?? lower
    }

    private static let camelCase = [
        "pubdate": "pubDate", "lastbuilddate": "lastBuildDate", "managingeditor": "managingEditor",
    ]

    /// HTML character references to C1 controls (`&#146;`) mean windows-1252 characters.
    static func demoronized(_ html: String) -> String {
        // U+0080–U+009F are the only scalars encoded as 0xC2 0x80–0x9F: a byte scan finds them.
        var html = html
        guard html.withUTF8(XMLCharset.hasC1Controls) else { return html }
        return XMLCharset.demoronized(html)
    }

    /// Begins capturing the text of the current element as field `key`.
    mutating func beginCapture(_ element: FeedElement, mode: TextMode, attributes: [XMLAttribute]) {
        plainBytes.removeAll(keepingCapacity: true)
        markupBytes.removeAll(keepingCapacity: true)
        capture = Capture(
            element: element, depth: depth, mode: mode, attributes: attributes, base: base, lang: stack.last?.lang)
    }

    /// The field's value as the mode asks: raw text, or sanitized HTML.
    func value(of c: Capture) -> String {
        switch c.mode {
        case .text:
            return c.plain
        case .html:
            return Self.demoronized(HTMLSanitizer.sanitize(c.hadChildren ? c.markup : c.plain, baseURL: c.base))
        case .xhtml:
            return Self.demoronized(HTMLSanitizer.sanitize(c.markup, baseURL: c.base))
        }
    }

    mutating func finishEntry() {
        guard var e = entry else { return }
        entry = nil
        if let start = eventStart {
            if let s = FeedDate.eventTime(start) {
                let end = eventEnd.flatMap { FeedDate.eventTime($0) }
                if eventEnd != nil, end == nil { warn(e.line, "unreadable ev:enddate \(eventEnd ?? "")") }
                e.event = RawEntryEvent(
                    start: s, end: end, location: eventLocation, organizer: eventOrganizer, type: eventType)
            } else {
                warn(e.line, "unreadable ev:startdate \(start)")
            }
        }
        if let summary = rssSummary {
            if let description = rssDescription, description != summary {
                e.content.insert(RawContent(type: "text/html", value: description), at: 0)
            }
            e.summary = summary
        }
        if e.link == nil, let id = e.id, Self.isWebAddress(id) {
            // A permalink guid, or an Atom id that is a web address, is the best link there is.
            if family == .atom {
                e.link = id
            } else if guidIsLink {
                e.link = id
                e.links.append(RawLink(rel: "alternate", type: "text/html", href: id))
            }
        }
        // Readers expect a summary whenever there is content: use the first content body.
        if e.summary == nil, let first = e.content.first { e.summary = first.value }
        if let onEntry { onEntry(e) } else { feed.entries.append(e) }
    }

    /// An absolute http(s) URI; the scheme is case-insensitive (RFC 3986), and ids are never normalized.
    static func isWebAddress(_ text: String) -> Bool {
        let head = text.utf8.prefix(8).map { $0 | 0x20 }
        return head.starts(with: Array("http://".utf8)) || head.starts(with: Array("https://".utf8))
    }

    mutating func finishPerson() {
        guard let p = person else { return }
        person = nil
        if p.name != nil || p.email != nil || p.href != nil {
            if entry != nil { entry?.authors.append(p) } else { feed.authors.append(p) }
        }
    }

    mutating func addAuthor(_ p: RawPerson) {
        if entry != nil {
            if entry?.authors.contains(p) == false { entry?.authors.append(p) }
        } else if !feed.authors.contains(p) {
            feed.authors.append(p)
        }
    }

    mutating func addCategory(_ c: RawCategory) {
        guard !c.term.isEmpty else { return }
        if entry != nil { entry?.categories.append(c) } else { feed.categories.append(c) }
    }

    mutating func addLink(_ link: RawLink) {
        if entry != nil {
            entry?.links.append(link)
            if link.rel == "alternate", entry?.link == nil { entry?.link = link.href }
            if link.rel == "enclosure" {
                entry?.enclosures.append(RawEnclosure(href: link.href, type: link.type, length: nil))
            }
        } else {
            feed.links.append(link)
            if link.rel == "alternate", feed.link == nil { feed.link = link.href }
        }
    }

    mutating func setDate(_ text: String, published: Bool, line: Int) {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return }
        guard let date = FeedDate.parse(trimmed) else {
            warn(line, "unreadable date \"\(trimmed.prefix(80))\"")
            return
        }
        if entry != nil {
            if published {
                if entry?.published == nil { entry?.published = date }
            } else {
                if entry?.updated == nil { entry?.updated = date }
            }
        } else if published {
            feed.published = feed.published ?? date
        } else {
            feed.updated = feed.updated ?? date
        }
    }

    static func attribute(_ attributes: [XMLAttribute], _ local: String) -> String? {
        attributes.first { $0.local == local && ($0.namespace == nil || $0.namespace == "") }?.value
    }
}
