import CLibXML2
import FeedModel
import Foundation

/// Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with libxml2's streaming xmlTextReader.
public enum XMLFeedParser {
    /// The largest document read by default; a feed past it is cut there, with a warning.
    public static let defaultMaxBytes = 64 << 20

    /// Parses a feed. A document that breaks off keeps every entry completed before the break
    /// and is marked `bozo`; only a document with no recognisable feed root is a failure.
    public static func parse(
        _ data: Data, baseURL: String?, contentType: String?, maxBytes: Int = defaultMaxBytes
    ) -> Result<RawFeed, ParseFailure> {
        guard !data.isEmpty else { return .failure(ParseFailure("the document is empty")) }
        var bytes = [UInt8](data)
        var notes: [ParseWarning] = []
        if let rewritten = HTMLEntityPrepass.rewrite(bytes) {
            bytes = rewritten.bytes
            if !rewritten.names.isEmpty {
                let list = rewritten.names.prefix(10).map { "&\($0);" }.joined(separator: ", ")
                notes.append(
                    ParseWarning(line: rewritten.firstLine, "undeclared HTML entities read as characters: \(list)"))
            }
            if rewritten.bareAmpersands > 0 {
                notes.append(
                    ParseWarning(
                        line: rewritten.firstLine,
                        "\(rewritten.bareAmpersands) bare & (not starting an entity) read as text"))
            }
        }
        return parse(
            source: .memory(bytes), baseURL: baseURL, contentType: contentType, maxBytes: maxBytes, notes: notes,
            onEntry: nil)
    }

    /// Parses a feed pulled from `source` without holding it whole: each completed entry goes to
    /// `onEntry` and is not kept in the returned feed (whose `entries` stay empty). Reading stops
    /// after `maxBytes`, with a warning; entries completed before that are kept.
    public static func stream(
        _ source: XMLByteSource, baseURL: String?, contentType: String?, maxBytes: Int = defaultMaxBytes,
        onEntry: @escaping (RawEntry) -> Void
    ) -> Result<RawFeed, ParseFailure> {
        parse(
            source: source, baseURL: baseURL, contentType: contentType, maxBytes: maxBytes, notes: [], onEntry: onEntry)
    }

    private static func parse(
        source: XMLByteSource, baseURL: String?, contentType: String?, maxBytes: Int, notes: [ParseWarning],
        onEntry: ((RawEntry) -> Void)?
    ) -> Result<RawFeed, ParseFailure> {
        LibXML.ensureInitialized()
        var notes = notes
        // Entries reach the caller only from a pass that is kept: a retried pass must not repeat them.
        var delivered = 0
        let deliver: ((RawEntry) -> Void)? = onEntry.map { sink in
            { entry in
                delivered += 1
                sink(entry)
            }
        }
        var source = source
        let hint = charset(of: contentType)
        let head = source.head(1024)
        var declared = XMLCharset.declared(in: head)
        // Set when the declaration must be overridden: libxml2 cannot read these documents alone.
        var forced = false
        if let wide = XMLCharset.utf32(head), let utf8 = XMLCharset.reencoded(source, from: wide) {
            (source, declared, forced) = (utf8, "utf-8", true)
        } else if let utf16 = XMLCharset.utf16WithoutBOM(head) {
            (declared, forced) = (utf16, true)
        } else if let ebcdic = XMLCharset.declaredEBCDIC(in: head) {
            (declared, forced) = (XMLCharset.known(ebcdic) ? ebcdic : "cp037", true)
        }
        XMLCharset.pin(hint ?? declared)
        var result = run(
            hint.map { plan(source, label: $0, http: true) } ?? plan(source, label: declared, http: forced),
            baseURL: baseURL, maxBytes: maxBytes, onEntry: deliver)
        if hint != nil, delivered == 0, result.encodingError || (try? result.feed.get()) == nil {
            // An unknown or wrong HTTP charset: let the BOM and XML declaration decide instead.
            let again = run(
                plan(source, label: declared, http: forced), baseURL: baseURL, maxBytes: maxBytes, onEntry: deliver)
            if !again.encodingError, (try? again.feed.get()) != nil {
                result = again
                notes.append(
                    ParseWarning("the HTTP charset \(hint ?? "") does not fit the bytes; read by the XML declaration"))
            }
        }
        if result.encodingError, delivered == 0 {
            // Bytes that are not valid in the declared encoding (mostly undeclared legacy text
            // in a "UTF-8" feed): read them as windows-1252, as browsers and feed readers do.
            let fallback = run(
                Plan(source: XMLCharset.windows1252(source), encoding: "utf-8", name: "windows-1252"), baseURL: baseURL,
                maxBytes: maxBytes, onEntry: deliver)
            if case .success = fallback.feed {
                result = fallback
                notes.append(
                    ParseWarning(
                        "not valid in the \((hint ?? declared).map { "declared encoding \($0)" } ?? "default UTF-8"); "
                            + "read as windows-1252"))
            }
        }
        guard !notes.isEmpty else { return result.feed }
        return result.feed.map { feed in
            var feed = feed
            feed.bozo = true
            feed.warnings.insert(contentsOf: notes, at: 0)
            return feed
        }
    }

    /// The `charset` parameter of a Content-Type value.
    static func charset(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        for part in contentType.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// One pass and whether it met bytes the encoding could not read.
    struct Pass {
        var feed: Result<RawFeed, ParseFailure>
        var encodingError: Bool
    }

    /// How one pass reads the bytes: what libxml2 gets, which encoding it is told (nil: it reads
    /// the BOM and declaration itself), and the name the result reports.
    struct Plan {
        var source: XMLByteSource
        var encoding: String?
        var name: String?
    }

    /// The plan for a charset label; an HTTP label overrides the XML declaration (RFC 3023).
    static func plan(_ source: XMLByteSource, label: String?, http: Bool) -> Plan {
        switch XMLCharset.decide(label) {
        case .windows1252:
            // Read as windows-1252 (a superset in practice), reported under the document's own label.
            return Plan(
                source: XMLCharset.windows1252(source), encoding: "utf-8",
                name: label?.lowercased().trimmedBlanks)
        case .override(let name): return Plan(source: source, encoding: name, name: name)
        case .libxml:
            if http, let label, XMLCharset.known(label) {
                return Plan(source: source, encoding: label, name: label.lowercased())
            }
            return Plan(source: source, encoding: nil, name: nil)
        }
    }

    private static func run(
        _ plan: Plan, baseURL: String?, maxBytes: Int, onEntry: ((RawEntry) -> Void)?
    ) -> Pass {
        let (source, encoding) = (plan.source, plan.encoding)
        guard let input = XMLInputPass(source: source, limit: maxBytes) else {
            return Pass(feed: .failure(ParseFailure("the document cannot be read")), encodingError: false)
        }
        guard let context = XMLPushContext.take(handler: XMLSAXPass.handler) else {
            return Pass(feed: .failure(ParseFailure("libxml2 could not read the document")), encodingError: false)
        }
        // Handed back only once the builder, which writes to the context's buffers, is done.
        defer { XMLPushContext.give(context) }
        // The builder is read and finished where it is, in the pass: a copy of it (dozens of fields)
        // cost about as much as parsing a small feed.
        let pass = XMLSAXPass(
            builder: FeedXMLBuilder(
                baseURL: baseURL, plainBytes: context.plainBytes, scratch: context.sanitizerScratch))
        pass.builder.onEntry = onEntry
        let (ok, used) = pass.run(input, context: context, baseURL: baseURL, encoding: encoding)
        guard ok else {
            return Pass(feed: .failure(ParseFailure("libxml2 could not read the document")), encodingError: false)
        }
        guard pass.builder.family != nil else {
            if let root = pass.builder.rootName {
                return Pass(
                    feed: .failure(ParseFailure("not a feed: the root element is <\(root)>")),
                    encodingError: pass.encodingError)
            }
            let first = pass.warnings.first
            if !pass.sawElement, !pass.encodingError, XMLCharset.onlyProlog(source.head(64 * 1024)) {
                // Only comments or whitespace (a CMS that rendered nothing): an empty, not well-formed
                // feed, so a source that had items is held by the content guard rather than failed.
                var empty = RawFeed(format: "")
                empty.bozo = true
                empty.encoding = plan.name ?? used ?? "utf-8"
                empty.warnings = [ParseWarning("the document has no elements: \(first?.message ?? "it is empty")")]
                return Pass(feed: .success(empty), encodingError: false)
            }
            let message = pass.sawElement ? "not a feed" : "not well-formed XML: \(first?.message ?? "no root element")"
            return Pass(feed: .failure(ParseFailure(message, line: first?.line)), encodingError: pass.encodingError)
        }
        if pass.builder.inEntry {
            pass.builder.warn(pass.builder.entry.line, "entry cut off at the end of the document was dropped")
        }
        pass.builder.finishFeed()
        var feed = RawFeed(format: "")
        swap(&feed, &pass.builder.feed)
        feed.encoding = plan.name ?? used ?? "utf-8"
        feed.warnings = pass.warnings + feed.warnings
        if input.hitLimit {
            feed.warnings.append(
                ParseWarning(
                    "the document is larger than \(maxBytes >> 20) MiB: reading stopped there, later entries are missing"
                ))
        }
        if pass.broken || input.hitLimit || input.readFailed { feed.bozo = true }
        return Pass(feed: .success(feed), encodingError: pass.encodingError)
    }
}
