import CLibXML2
import FeedModel
import Foundation

/// One pass of libxml2's SAX2 push parser over a document, feeding `FeedXMLBuilder`.
///
/// SAX keeps nothing but the current entry in memory, goes on past well-formedness errors
/// (RECOVER), and is hardened: no entity declarations are kept (`entityDecl` is not set) and
/// `getEntity` knows only XML's predefined five, so entity bombs and external entities have
/// nothing to expand, and no DTD is ever loaded.
final class XMLSAXPass {
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_RECOVER.rawValue)
    static let chunkSize = 64 << 10

    // Read and changed by every SAX callback, never re-entrantly (libxml2 calls back one at a
    // time, on this thread): the run-time exclusivity check is pure cost here.
    @exclusivity(unchecked) var builder: FeedXMLBuilder
    var warnings: [ParseWarning] = []
    /// Any error of level ERROR or FATAL: the document is not well-formed.
    var broken = false
    /// An input byte was not valid in the encoding in use.
    var encodingError = false
    var sawElement = false
    @exclusivity(unchecked) var stopped = false
    var context: xmlParserCtxtPtr?
    /// The reused parser context of this pass, which also keeps element names as strings by the
    /// address of libxml2's interned copy: a feed uses a few dozen names on every element.
    private var pushContext: XMLPushContext?
    @exclusivity(unchecked) private var attributes: [XMLAttribute] = []

    init(builder: FeedXMLBuilder) { self.builder = builder }

    var line: Int {
        guard let input = context?.pointee.input else { return 0 }
        return Int(input.pointee.line)
    }

    /// Pushes the whole source through the parser with `reused`, taken for this pass; false when
    /// the first read failed.
    func run(_ input: XMLInputPass, context reused: XMLPushContext, baseURL: String?, encoding: String?) -> (
        ok: Bool, encoding: String?
    ) {
        cxml_silence_generic_errors()
        defer { (context, pushContext) = (nil, nil) }
        // A document smaller than a chunk still arrives in one read: one byte more tells its end.
        let buffer = UnsafeMutableBufferPointer(
            rebasing: reused.chunk[..<min(reused.chunk.count, (input.expected ?? reused.chunk.count) + 1)])
        let first = input.read(into: buffer.baseAddress!, count: buffer.count)
        guard first >= 0 else { return (false, nil) }
        let me = Unmanaged.passUnretained(self).toOpaque()
        let ctxt = reused.ctxt
        var options = Self.options
        if encoding != nil { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        reused.start(
            first: UnsafeBufferPointer(rebasing: buffer[..<Int(first)]), baseURL: baseURL, encoding: encoding,
            options: options, userData: me)
        (context, pushContext) = (ctxt, reused)
        var terminated = false
        withExtendedLifetime(self) {
            while !stopped {
                let n = input.read(into: buffer.baseAddress!, count: buffer.count)
                if n <= 0 {
                    _ = xmlParseChunk(ctxt, nil, 0, 1)
                    terminated = true
                    break
                }
                _ = xmlParseChunk(ctxt, buffer.baseAddress, n, 0)
            }
            if !terminated, !stopped { _ = xmlParseChunk(ctxt, nil, 0, 1) }
        }
        let used = LibXML.string(ctxt.pointee.encoding) ?? LibXML.string(ctxt.pointee.input?.pointee.encoding)
        return (true, used?.lowercased())
    }

    func stop() {
        stopped = true
        if let context { xmlStopParser(context) }
    }

    func record(_ error: xmlError) {
        if error.level == XML_ERR_ERROR || error.level == XML_ERR_FATAL { broken = true }
        let code = Int(error.code)
        if code == Int(XML_ERR_INVALID_CHAR.rawValue) || code == Int(XML_ERR_INVALID_ENCODING.rawValue)
            || code == Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue)
        {
            encodingError = true
        }
        if code == Int(XML_ERR_UNDECLARED_ENTITY.rawValue) || code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue),
            let name = LibXML.string(UnsafeRawPointer(error.str1).map { $0.assumingMemoryBound(to: xmlChar.self) })
        {
            builder.entityNotExpanded(name, line: error.line > 0 ? Int(error.line) : line)
            return
        }
        guard warnings.count < 100 else { return }
        let message =
            LibXML.string(UnsafeRawPointer(error.message).map { $0.assumingMemoryBound(to: xmlChar.self) })?
            .trimmed ?? "XML error \(error.code)"
        warnings.append(ParseWarning(line: error.line > 0 ? Int(error.line) : nil, message))
    }

    private static func pass(_ ctx: UnsafeMutableRawPointer?) -> XMLSAXPass? {
        guard let ctx else { return nil }
        return Unmanaged<XMLSAXPass>.fromOpaque(ctx).takeUnretainedValue()
    }

    static func handler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = XML_SAX2_MAGIC
        // The three callbacks made per element and text run borrow the pass (which outlives the
        // parse, see `run`) rather than retaining and releasing it on every call.
        h.startElementNs = { ctx, localname, _, uri, _, _, count, _, attributes in
            guard let ctx else { return }
            Unmanaged<XMLSAXPass>.fromOpaque(ctx)._withUnsafeGuaranteedRef { pass in
                guard !pass.stopped else { return }
                pass.startElement(localname, uri, Int(count), attributes)
            }
        }
        h.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<XMLSAXPass>.fromOpaque(ctx)._withUnsafeGuaranteedRef { pass in
                guard !pass.stopped else { return }
                pass.builder.end(line: pass.line)
            }
        }
        h.characters = { ctx, chars, length in
            guard let ctx, let chars else { return }
            Unmanaged<XMLSAXPass>.fromOpaque(ctx)._withUnsafeGuaranteedRef { pass in
                guard !pass.stopped, pass.builder.capturing else { return }
                pass.builder.text(UnsafeBufferPointer(start: chars, count: Int(length)))
            }
        }
        h.ignorableWhitespace = h.characters
        h.cdataBlock = h.characters
        h.getEntity = { _, name in
            // Only the predefined five (&amp; &lt; &gt; &quot; &apos;); a document's own are refused.
            xmlGetPredefinedEntity(name)
        }
        h.reference = { ctx, name in
            guard let pass = XMLSAXPass.pass(ctx) else { return }
            pass.builder.entityNotExpanded(LibXML.string(name) ?? "?", line: pass.line)
        }
        h.internalSubset = { ctx, _, _, systemID in
            guard let pass = XMLSAXPass.pass(ctx), let system = LibXML.string(systemID), !system.isEmpty else { return }
            pass.builder.warn(pass.line, "external DTD \(system) not fetched: feeds are read without loading DTDs")
        }
        h.serror = { ctx, error in
            guard let pass = XMLSAXPass.pass(ctx), let error else { return }
            pass.record(error.pointee)
        }
        return h
    }

    /// `p` (an element or attribute name, a namespace URI) as a string and as a namespace prefix.
    private func name(_ p: UnsafePointer<xmlChar>?) -> (string: String, prefix: String)? {
        guard let pushContext else { return LibXML.string(p).map { ($0, XMLNames.prefix(for: $0)) } }
        return pushContext.names.name(p, dict: pushContext.ctxt.pointee.dict)
    }

    private func startElement(
        _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int,
        _ raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        sawElement = true
        let element =
            pushContext?.names.element(localname, uri, dict: pushContext?.ctxt.pointee.dict)
            ?? XMLElementName(local: name(localname)?.string ?? "", namespace: name(uri)?.string)
        // One array for every element: it allocates again only when the builder kept the last one.
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        if count > 0, let raw {
            for i in 0..<count {
                let base = raw + 5 * i
                guard let name = base[0], let start = base[3], let end = base[4] else { continue }
                let count = start.distance(to: end)
                var value = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
                // Without entity substitution libxml2 hands over a decoded `&` as `&#38;`. The bytes
                // are looked at, not the string's UTF-8 view (a call per byte); a repaired string
                // keeps every `&`.
                if memchr(start, Int32(UInt8(ascii: "&")), count) != nil, value.containsASCII("&#38;") {
                    value = value.replacingASCII("&#38;", with: "&")
                }
                attributes.append(
                    XMLAttribute(
                        namespace: self.name(base[2])?.string, local: self.name(name)?.string ?? "", value: value))
            }
        }
        builder.start(element, attributes: attributes, line: line)
        if builder.depth == 1, builder.family == nil { stop() }
    }
}
