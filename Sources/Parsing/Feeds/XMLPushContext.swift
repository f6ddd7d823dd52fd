import CLibXML2
import Foundation

/// A libxml2 push-parser context kept for the next document once a pass is done with it.
///
/// Creating a context (its dictionary, stacks and buffers) and freeing it cost more than parsing
/// a small feed, and a sync or a benchmark corpus reads thousands of them. `xmlCtxtResetPush`
/// returns a used context to its initial state; a few idle ones are kept, each serving one pass
/// at a time. The dictionary survives a reset, so element names keep their interned addresses,
/// and the strings and element names made from them (`names`) stay valid too.
final class XMLPushContext {
    let ctxt: xmlParserCtxtPtr
    /// `options` as libxml2 set them at creation, restored before every pass: `xmlCtxtUseOptions`
    /// adds some flags (IGNORE_ENC) without ever clearing them.
    private let createdOptions: Int32
    /// The names this context's dictionary interned, as strings and resolved element names.
    let names = XMLNameTable()
    /// The read buffer of the pass using the context: one allocation per context, not per document.
    let chunk: UnsafeMutableBufferPointer<CChar>
    /// The builder's text buffer and the sanitizer's buffers, lent to the pass using the context.
    let plainBytes = ByteBuffer()
    let sanitizerScratch = SimpleHTMLSanitizer.Scratch()

    /// Contexts whose dictionary grew past this many names are freed rather than kept, so an odd
    /// document with thousands of distinct element names does not stay in memory.
    static let maxKeptNames = 2_000
    /// Likewise a context whose text buffer grew past this (a feed with a huge field), so that the
    /// memory is not held between documents.
    static let maxKeptBytes = 1 << 20
    static let maxIdle = 4

    private static let lock = NSLock()
    private nonisolated(unsafe) static var idle: [XMLPushContext] = []

    private init?(handler: xmlSAXHandler) {
        var handler = handler
        guard let ctxt = xmlCreatePushParserCtxt(&handler, nil, nil, 0, nil) else { return nil }
        self.ctxt = ctxt
        createdOptions = ctxt.pointee.options
        chunk = .allocate(capacity: XMLSAXPass.chunkSize)
    }

    deinit {
        xmlFreeParserCtxt(ctxt)
        chunk.deallocate()
    }

    /// An idle context, or a new one with `handler`'s callbacks (every pass uses the same ones).
    static func take(handler: () -> xmlSAXHandler) -> XMLPushContext? {
        lock.lock()
        let kept = idle.popLast()
        lock.unlock()
        return kept ?? XMLPushContext(handler: handler())
    }

    /// Hands the context back for the next pass, or frees it.
    static func give(_ context: XMLPushContext) {
        context.ctxt.pointee.userData = nil
        if let dict = context.ctxt.pointee.dict, xmlDictSize(dict) > maxKeptNames { return }
        if context.plainBytes.capacity > maxKeptBytes { return }
        lock.lock()
        defer { lock.unlock() }
        if idle.count < maxIdle { idle.append(context) }
    }

    /// Starts a document: `first` holds its first bytes, `encoding` (when set) overrides its own
    /// declaration; SAX callbacks get `userData`.
    func start(
        first: UnsafeBufferPointer<CChar>, baseURL: String?, encoding: String?, options: Int32,
        userData: UnsafeMutableRawPointer
    ) {
        _ = xmlCtxtResetPush(ctxt, first.baseAddress, Int32(first.count), baseURL, encoding)
        ctxt.pointee.options = createdOptions
        _ = xmlCtxtUseOptions(ctxt, options)
        ctxt.pointee.userData = userData
    }
}
