import FeedModel
import Foundation
import Synchronization

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
        /// The text of a base64-encoded field, decoded; otherwise the text is `plainBytes`.
        var decoded: String?
        var hadChildren = false
        /// Depth of the `<div>` wrapper of Atom XHTML content, whose tags are not part of the value.
        var wrapperDepth: Int?
    }

    var feed = RawFeed(format: "")
    var family: Family?
    var stack: [Frame] = []
    var capture: Capture?
    /// `capture != nil`, and whether its markup is being written (it has child elements or is
    /// XHTML): read per text callback, which must not copy the capture to look.
    var capturing = false
    var markupLive = false
    /// What element names mean so far (`resolve` depends on the family and Atom namespace only),
    /// as a number that is the same for the same meaning in every document: resolved names are
    /// kept with the parser context from one document to the next (`XMLNameTable`).
    var familyStamp = 0
    /// The captured field's text and re-serialized markup so far, as UTF-8: appended in place per
    /// SAX text callback (often one per entity reference) without copying the capture.
    let plainBytes: ByteBuffer
    let scratch: SimpleHTMLSanitizer.Scratch
    var markupBytes: [UInt8] = []
    /// The entry being read, valid while `inEntry`: kept in place (not optional) so that filling
    /// it in never copies it.
    var entry = RawEntry()
    var inEntry = false
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

    /// `plainBytes` and `scratch` may be lent by the caller for one document at a time: the
    /// parser context keeps them from one document to the next (a small feed costs little more
    /// than making and freeing them).
    init(
        baseURL: String?, plainBytes: ByteBuffer = ByteBuffer(), scratch: SimpleHTMLSanitizer.Scratch = .init()
    ) {
        documentBase = baseURL
        self.plainBytes = plainBytes
        self.scratch = scratch
        // Room for a feed's usual nesting at once, rather than growing the stack three times in
        // every small document.
        stack.reserveCapacity(8)
    }

    var depth: Int { stack.count }
    // Read through the subscript, not `stack.last`, which would copy (retain and release) the whole frame.
    var base: String? { stack.isEmpty ? documentBase : stack[stack.count - 1].base ?? documentBase }
    var lang: String? { stack.isEmpty ? nil : stack[stack.count - 1].lang }

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

    /// The builder's key for an element name (`prefix:local`, Atom's and RSS's own names
    /// normalized) and the element it means, for the family read so far.
    func resolve(_ name: XMLElementName) {
        let (local, prefix, namespace) = (name.local, name.prefix, name.namespace)
        var key = prefix.isEmpty ? local : prefix + ":" + local
        // An Atom feed in a namespace of its own (or none) is still Atom: its elements are Atom's.
        if family == .atom, prefix == "" || (namespace != nil && namespace == atomNamespace) {
            key = local == "item" ? "atom:entry" : "atom:" + local
        }
        if family == .rss, prefix == "", Self.mayHaveUppercase(local) { key = Self.rssKey(local) }
        name.key = key
        name.element = FeedElement.named(key)
        name.resolvedFor = familyStamp
    }

    private static let otherStamps = Atomic<Int>(4)

    /// `familyStamp` for a family and Atom namespace: fixed numbers for the meanings feeds have,
    /// a fresh one for an Atom feed in a namespace of its own.
    static func stamp(family: Family?, atomNamespace: String?) -> Int {
        switch (family, atomNamespace) {
        case (nil, _): return 0
        case (.rss, _): return 1
        case (.atom, XMLNames.atom10): return 2
        case (.atom, XMLNames.atom03): return 3
        case (.atom, nil): return 4
        case (.atom, _): return otherStamps.add(1, ordering: .relaxed).newValue
        }
    }

    /// An element starts.
    mutating func start(_ name: XMLElementName, attributes: [XMLAttribute], line: Int) {
        if name.resolvedFor != familyStamp { resolve(name) }
        let local = name.local
        var frame = Frame(key: name.key, base: base, lang: lang)
        for a in attributes where a.namespace == XMLNames.xml {
            if a.local == "base" { frame.base = URLResolver.resolve(a.value, against: frame.base) }
            if a.local == "lang" { frame.lang = a.value }
        }
        // Only an element the builder may act on needs its meaning (not markup inside a field, not a skipped part).
        if !capturing, skipDepth == nil { frame.element = name.element }
        stack.append(frame)

        if let c = capture {
            let depth = depth
            if !c.hadChildren, c.mode != .xhtml { HTMLEscape.appendText(plainBytes.bytes, to: &markupBytes) }
            capture?.hadChildren = true
            markupLive = true
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
            startRoot(prefix: name.prefix, namespace: name.namespace, local: local, attributes: attributes)
            familyStamp = Self.stamp(family: family, atomNamespace: atomNamespace)
            return
        }
        handleStart(element: frame.element, namespace: name.namespace, attributes: attributes, line: line)
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard capturing else { return }
        plainBytes.append(bytes)
        // Markup is only read once the field has child elements (or is XHTML): escape lazily.
        if markupLive { HTMLEscape.appendText(bytes, to: &markupBytes) }
    }

    mutating func end(line: Int) {
        guard let frame = stack.popLast() else { return }
        let endedDepth = depth + 1
        if let captureDepth = capture?.depth {
            if endedDepth == captureDepth, let c = capture.take() {
                capturing = false
                markupLive = false
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
        if inEntry, frame.element == .item || frame.element == .atomEntry {
            finishEntry()
        }
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

    /// Begins capturing the text of the current element as field `key`.
    mutating func beginCapture(_ element: FeedElement, mode: TextMode, attributes: [XMLAttribute]) {
        plainBytes.removeAll()
        // Emptying an array that is already empty still went through a generic range replace.
        if !markupBytes.isEmpty { markupBytes.removeAll(keepingCapacity: true) }
        capture = Capture(
            element: element, depth: depth, mode: mode, attributes: attributes, base: base, lang: lang)
        capturing = true
        markupLive = mode == .xhtml
    }

    /// The field's text: what `plainBytes` hold, or the decoded base64.
    func plainText(_ c: Capture) -> String { c.decoded ?? Self.text(plainBytes.bytes) }

    /// The field's value as the mode asks: raw text, or sanitized HTML.
    func value(of c: Capture) -> String {
        switch c.mode {
        case .text:
            return plainText(c)
        case .html:
            if c.hadChildren { return Self.sanitized(markupBytes, baseURL: c.base, scratch: scratch) }
            if let decoded = c.decoded { return Self.demoronized(HTMLSanitizer.sanitize(decoded, baseURL: c.base)) }
            return Self.sanitized(plainBytes.bytes, baseURL: c.base, scratch: scratch)
        case .xhtml:
            return Self.sanitized(markupBytes, baseURL: c.base, scratch: scratch)
        }
    }

    mutating func finishEntry() {
        guard inEntry else { return }
        inEntry = false
        var e = RawEntry()
        swap(&e, &entry)
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
            if inEntry { entry.authors.append(p) } else { feed.authors.append(p) }
        }
    }

    mutating func addAuthor(_ p: RawPerson) {
        if inEntry {
            if entry.authors.contains(p) == false { entry.authors.append(p) }
        } else if !feed.authors.contains(p) {
            feed.authors.append(p)
        }
    }

    mutating func addCategory(_ c: RawCategory) {
        guard !c.term.isEmpty else { return }
        if inEntry { entry.categories.append(c) } else { feed.categories.append(c) }
    }

    mutating func addLink(_ link: RawLink) {
        if inEntry {
            entry.links.append(link)
            if link.rel == "alternate", entry.link == nil { entry.link = link.href }
            if link.rel == "enclosure" {
                entry.enclosures.append(RawEnclosure(href: link.href, type: link.type, length: nil))
            }
        } else {
            feed.links.append(link)
            if link.rel == "alternate", feed.link == nil { feed.link = link.href }
        }
    }

    static func attribute(_ attributes: [XMLAttribute], _ local: String) -> String? {
        attributes.first { $0.local == local && ($0.namespace == nil || $0.namespace == "") }?.value
    }
}
