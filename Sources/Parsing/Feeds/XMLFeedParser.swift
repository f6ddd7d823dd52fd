import CLibXML2
import FeedModel
import Foundation

/// Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with libxml2's streaming xmlTextReader.
public enum XMLFeedParser {
    /// Never NOENT (file XXE), HUGE (entity bombs) or DTDLOAD; NONET blocks network loads.
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue)

    /// Parses a feed. A document that breaks off keeps every entry completed before the break
    /// and is marked `bozo`; only a document with no recognisable feed root is a failure.
    public static func parse(_ data: Data, baseURL: String?, contentType: String?) -> Result<RawFeed, ParseFailure> {
        LibXML.ensureInitialized()
        guard !data.isEmpty else { return .failure(ParseFailure("the document is empty")) }
        var bytes = [UInt8](data)
        var notes: [ParseWarning] = []
        if let rewritten = HTMLEntityPrepass.rewrite(bytes) {
            bytes = rewritten.bytes
            let list = rewritten.names.prefix(10).map { "&\($0);" }.joined(separator: ", ")
            notes.append(
                ParseWarning(line: rewritten.firstLine, "undeclared HTML entities read as characters: \(list)"))
        }
        let hint = charset(of: contentType)
        var result = run(bytes, baseURL: baseURL, encoding: hint)
        if case .failure = result, hint != nil {
            // An unknown or wrong HTTP charset: let the XML declaration decide instead.
            result = run(bytes, baseURL: baseURL, encoding: nil)
        }
        if case .failure(let failure) = result,
            failure.message.contains("UTF-8") || failure.message.contains("encoding")
        {
            // Undeclared legacy bytes: read them as windows-1252, as browsers and feed readers do.
            let fallback = run(bytes, baseURL: baseURL, encoding: "windows-1252")
            if case .success = fallback {
                result = fallback
                notes.append(ParseWarning("not valid in the declared encoding; read as windows-1252"))
            }
        }
        return result.map { feed in
            var feed = feed
            if !notes.isEmpty {
                feed.bozo = true
                feed.warnings.insert(contentsOf: notes, at: 0)
            }
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

    private static func run(_ bytes: [UInt8], baseURL: String?, encoding: String?) -> Result<RawFeed, ParseFailure> {
        let sink = XMLErrorSink()
        var builder = FeedXMLBuilder(baseURL: baseURL)
        var reportedEncoding: String?
        var sawElement = false
        let opened: Bool = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            // The buffer is not copied by libxml2, so the whole read stays inside this closure.
            guard let reader = xmlReaderForMemory(chars, Int32(clamping: buffer.count), baseURL, encoding, options)
            else { return false }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetStructuredErrorHandler(
                reader,
                { context, error in
                    guard let context, let error else { return }
                    Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
                },
                Unmanaged.passUnretained(sink).toOpaque())
            loop: while true {
                let rc = xmlTextReaderRead(reader)
                if rc != 1 {
                    if rc < 0 { sink.failed = true }
                    break
                }
                if reportedEncoding == nil, let enc = LibXML.string(xmlTextReaderConstEncoding(reader)) {
                    reportedEncoding = enc.lowercased()
                }
                let line = Int(xmlTextReaderGetParserLineNumber(reader))
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    sawElement = true
                    let local = LibXML.string(xmlTextReaderConstLocalName(reader)) ?? ""
                    let namespace = LibXML.string(xmlTextReaderConstNamespaceUri(reader))
                    let empty = xmlTextReaderIsEmptyElement(reader) == 1
                    let attributes = readAttributes(reader)
                    builder.start(namespace: namespace, local: local, attributes: attributes, line: line)
                    if builder.depth == 1, builder.family == nil { break loop }
                    if empty { builder.end(line: line) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    builder.end(line: line)
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                    Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                    if let value = LibXML.string(xmlTextReaderConstValue(reader)) { builder.text(value) }
                default:
                    break
                }
            }
            return true
        }
        guard opened else { return .failure(ParseFailure("libxml2 could not open the document")) }
        guard builder.family != nil else {
            if let root = builder.rootName {
                return .failure(ParseFailure("not a feed: the root element is <\(root)>"))
            }
            let first = sink.warnings.first
            return .failure(
                ParseFailure(
                    sawElement ? "not a feed" : "not well-formed XML: \(first?.message ?? "no root element")",
                    line: first?.line))
        }
        builder.finishFeed()
        var feed = builder.feed
        feed.encoding = reportedEncoding ?? (encoding?.lowercased() ?? "utf-8")
        feed.warnings = sink.warnings + feed.warnings
        if sink.failed || sink.fatal {
            feed.bozo = true
            if builder.entry != nil {
                feed.warnings.append(
                    ParseWarning(line: builder.entry?.line, "entry cut off by the error was dropped"))
            }
        }
        return .success(feed)
    }

    private static func readAttributes(_ reader: xmlTextReaderPtr) -> [XMLAttribute] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [] }
        var attributes: [XMLAttribute] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let namespace = LibXML.string(xmlTextReaderConstNamespaceUri(reader))
            let local = LibXML.string(xmlTextReaderConstLocalName(reader)) ?? ""
            if namespace == XMLNames.xmlns || (namespace == nil && local == "xmlns") { continue }
            attributes.append(
                XMLAttribute(
                    namespace: namespace, local: local, value: LibXML.string(xmlTextReaderConstValue(reader)) ?? ""))
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }
}

/// Collects libxml2's structured errors for one parse; reached from C through `Unmanaged`.
final class XMLErrorSink {
    var warnings: [ParseWarning] = []
    var fatal = false
    var failed = false

    func record(_ error: xmlError) {
        if error.level == XML_ERR_FATAL { fatal = true }
        guard warnings.count < 100 else { return }
        let message =
            LibXML.string(UnsafeRawPointer(error.message).map { $0.assumingMemoryBound(to: xmlChar.self) })?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "XML error \(error.code)"
        warnings.append(ParseWarning(line: error.line > 0 ? Int(error.line) : nil, message))
    }
}
