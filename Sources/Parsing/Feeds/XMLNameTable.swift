import CLibXML2

/// Element names, attribute names and namespace URIs of the documents one parser context read,
/// as strings, found by the address of the context dictionary's interned copy.
///
/// The dictionary outlives a document (`XMLPushContext` keeps it across resets), so the table
/// does too: the next feed finds `item`, `title` and `link` already made, and a small document
/// costs no table of its own to build and free.
final class XMLNameTable {
    /// Names and URIs as strings, with the builder's prefix for a URI.
    // Read on every element by the one pass using the context, never re-entrantly: the run-time
    // exclusivity check is pure cost here.
    @exclusivity(unchecked) private var strings: [UnsafeRawPointer: (string: String, prefix: String)] = [:]
    /// Resolved element names, and the open-addressed table that finds them by the addresses of
    /// their local name and namespace: a lookup costs a multiply and a compare, not a string hash.
    @exclusivity(unchecked) private var elements: [XMLElementName] = []
    @exclusivity(unchecked) private var slots = [(local: UInt, uri: UInt, index: Int)?](repeating: nil, count: 512)

    /// `p` as a string and as a namespace prefix, kept when `dict` owns it (so the address means
    /// this string for as long as the dictionary lives).
    func name(_ p: UnsafePointer<xmlChar>?, dict: xmlDictPtr?) -> (string: String, prefix: String)? {
        guard let p else { return nil }
        if let known = strings[UnsafeRawPointer(p)] { return known }
        let string = LibXML.string(p) ?? ""
        let entry = (string, XMLNames.prefix(for: string))
        if let dict, xmlDictOwns(dict, p) == 1 { strings[UnsafeRawPointer(p)] = entry }
        return entry
    }

    /// The element name for `localname` in namespace `uri`.
    func element(
        _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, dict: xmlDictPtr?
    ) -> XMLElementName {
        let l = UInt(bitPattern: localname)
        let u = UInt(bitPattern: uri)
        let mask = slots.count - 1
        var slot = home(l, u) & mask
        while let known = slots[slot] {
            if known.local == l, known.uri == u { return elements[known.index] }
            slot = (slot + 1) & mask
        }
        let element = XMLElementName(
            local: name(localname, dict: dict)?.string ?? "", namespace: name(uri, dict: dict)?.string)
        // Only names the dictionary owns keep their address.
        guard let dict, localname.map({ xmlDictOwns(dict, $0) == 1 }) ?? true,
            uri.map({ xmlDictOwns(dict, $0) == 1 }) ?? true
        else { return element }
        if elements.count == slots.count / 2 {
            // Full (documents with many distinct names read one after another): start afresh, so
            // the names of the documents being read now are the ones found.
            elements.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = nil }
            slot = home(l, u) & mask
        }
        slots[slot] = (l, u, elements.count)
        elements.append(element)
        return element
    }

    private func home(_ local: UInt, _ uri: UInt) -> Int {
        Int(truncatingIfNeeded: ((local &* 0x9E37_79B9_7F4A_7C15) ^ (uri &* 0xC2B2_AE3D_27D4_EB4F)) >> 40)
    }
}
