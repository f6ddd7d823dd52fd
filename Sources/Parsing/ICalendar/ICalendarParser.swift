import FeedModel
import Foundation

/// Reads iCalendar (RFC 5545) documents into `RawCalendar`, leniently.
///
/// A bad value costs a warning and that property (or, for DTSTART, that event), never the
/// whole file: one broken line in a lab's export must not hide its other events.
public enum ICalendarParser {
    /// Parses `data`; fails only when it holds no calendar at all.
    public static func parse(_ data: Data) -> Result<RawCalendar, ParseFailure> {
        var (text, encodingWarning) = decode(data)
        var reader = ICalendarReader()
        if let encodingWarning { reader.calendar.warnings.append(encodingWarning) }
        text.withUTF8 { bytes in ContentLine.scan(bytes) { reader.read($0) } }
        return reader.finish()
    }

    /// UTF-8 (BOM stripped), UTF-16 when a BOM says so, else Windows-1252 with a warning.
    static func decode(_ data: Data) -> (String, ParseWarning?) {
        // The common case, valid UTF-8 without a BOM, is checked in place by the standard library.
        if !data.starts(with: [0xEF, 0xBB, 0xBF]), !data.starts(with: [0xFF, 0xFE]), !data.starts(with: [0xFE, 0xFF]),
            let s = data.withUnsafeBytes({ String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) })
        {
            return (s, nil)
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            if let s = String(bytes: bytes.dropFirst(3), encoding: .utf8) { return (s, nil) }
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if let s = String(data: data, encoding: .utf16) {
                return (s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s, nil)
            }
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let s = String(bytes: body, encoding: .windowsCP1252) {
            return (s, ParseWarning("not valid UTF-8; read as windows-1252"))
        }
        var latin1 = String.UnicodeScalarView()
        latin1.append(contentsOf: body.map { Unicode.Scalar($0) })
        return (String(latin1), ParseWarning("not valid UTF-8; read as ISO-8859-1"))
    }
}
