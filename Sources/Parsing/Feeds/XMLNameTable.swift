import CLibXML2

/// Element names, attribute names and namespace URIs of the documents one parser context read,
/// as strings, found by the address of the context dictionary's interned copy.
///
/// The dictionary outlives a document (`XMLPushContext` keeps it across resets), so the table
/// does too: the next feed finds `item`, `title` and `link` already made, and a small document
/// costs no table of its own to build and free.
final class XMLNameTable {
    /// Names and URIs as strings, with the builder's prefix for a URI, by the interned copy's address.
    // Read on every element and attribute by the one pass using the context, never re-entrantly:
    // the run-time exclusivity check is pure cost here.
    @exclusivity(unchecked) private var strings = AddressTable<(string: String, prefix: String)>(capacity: 1024)
    /// Resolved element names by the addresses of their local name and namespace.
    @exclusivity(unchecked) private var elements = AddressTable<XMLElementName>(capacity: 512)

    /// `p` as a string and as a namespace prefix, kept when `dict` owns it (so the address means
    /// this string for as long as the dictionary lives).
    func name(_ p: UnsafePointer<xmlChar>?, dict: xmlDictPtr?) -> (string: String, prefix: String)? {
        guard let p else { return nil }
        let address = UInt(bitPattern: p)
        if let known = strings.value(address) { return known }
        let string = LibXML.string(p) ?? ""
        let entry = (string, XMLNames.prefix(for: string))
        if let dict, xmlDictOwns(dict, p) == 1 { strings.insert(entry, address) }
        return entry
    }

    /// The element name for `localname` in namespace `uri`.
    func element(
        _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, dict: xmlDictPtr?
    ) -> XMLElementName {
        let l = UInt(bitPattern: localname)
        let u = UInt(bitPattern: uri)
        if let known = elements.value(l, u) { return known }
        let element = XMLElementName(
            local: name(localname, dict: dict)?.string ?? "", namespace: name(uri, dict: dict)?.string)
        // Only names the dictionary owns keep their address.
        guard let dict, localname.map({ xmlDictOwns(dict, $0) == 1 }) ?? true,
            uri.map({ xmlDictOwns(dict, $0) == 1 }) ?? true
        else { return element }
        elements.insert(element, l, u)
        return element
    }
}
