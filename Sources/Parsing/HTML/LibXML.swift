import CLibXML2

/// One-time process set-up of libxml2 shared by the XML and HTML readers.
enum LibXML {
    /// Runs once, thread-safely (Swift lazy static): the deny-all loader makes sure no parser
    /// in this process ever reads an external entity or DTD, whatever options it is given.
    private static let setUp: Void = {
        xmlInitParser()
        cxml_install_deny_all_loader()
    }()

    static func ensureInitialized() { _ = setUp }

    /// Copies a libxml2 string into Swift; nil stays nil.
    static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }

    /// Copies and frees a string that libxml2 allocated for the caller.
    static func takeString(_ p: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        defer { cxml_free(p) }
        return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }
}
