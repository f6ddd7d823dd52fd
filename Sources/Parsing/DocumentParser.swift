import FeedModel
import Foundation

/// The one entry point for source documents: tells the format from the content (never the
/// name), parses it, and adapts the raw result to the normalized model.
public enum DocumentParser {
    /// Raise whenever parsing or normalizing changes what an item looks like: stored items of a
    /// source read by an older version are then re-read, even when the source itself did not change.
    public static let version = 2

    /// The format the bytes look like, or nil when they are none of RSS, Atom, JSON Feed, iCalendar.
    public static func sniff(_ data: Data, contentType: String? = nil) -> FeedFormat? {
        sniff(bytes: Array(data.prefix(4096))[...], contentType: contentType)
    }

    /// `sniff` over bytes already read: the first 4 KB decide.
    static func sniff(bytes head: ArraySlice<UInt8>, contentType: String?) -> FeedFormat? {
        var bytes = head.prefix(4096)
        // UTF-16/32 byte order marks mean XML here: JSON and iCalendar are UTF-8 in practice.
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return sniffXML(bytes) }
        // UTF-16/32 without a BOM (a NUL next to `<`) and EBCDIC (`<?xm` is 4C 6F A7 94) are XML too.
        if bytes.prefix(4).contains(0) || bytes.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) { return .rss }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        while let first = bytes.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D {
            bytes = bytes.dropFirst()
        }
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "{") { return .jsonFeed }
        if first == UInt8(ascii: "<") { return sniffXML(bytes) }
        // A bare VEVENT (no VCALENDAR around it) is still iCalendar; the parser says so in a warning.
        let head = String(decoding: bytes.prefix(6), as: UTF8.self).uppercased()
        if head == "BEGIN:" { return .iCalendar }
        if let type = contentType?.lowercased() {
            if type.contains("calendar") { return .iCalendar }
            if type.contains("json") { return .jsonFeed }
        }
        return nil
    }

    /// Atom by its root element; everything else XML goes to the RSS family reader, which
    /// names the root it found when it is no feed at all (an HTML error page, say).
    private static func sniffXML(_ bytes: ArraySlice<UInt8>) -> FeedFormat {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, memchr(base, 0, buffer.count) != nil else { return sniffRoots(buffer) }
            // UTF-16 and UTF-32: read their ASCII with the NULs dropped.
            return buffer.filter { $0 != 0 }.withUnsafeBufferPointer(sniffRoots)
        }
    }

    /// Atom when a `<feed` tag and no `<rss` tag occurs (ASCII case ignored), in one pass over the
    /// bytes without a copy: this runs for every document, and most are small.
    private static func sniffRoots(_ bytes: UnsafeBufferPointer<UInt8>) -> FeedFormat {
        guard let base = bytes.baseAddress else { return .rss }
        func follows(_ word: StaticString, at i: Int) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            for k in 0..<n where base[i + k] | 0x20 != word.utf8Start[k] { return false }
            return true
        }
        var feed = false
        var i = 0
        // memchr: the tags are a few among hundreds of bytes.
        while i < bytes.count, let found = memchr(base + i, Int32(UInt8(ascii: "<")), bytes.count - i) {
            let open = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if follows("rss", at: open + 1) { return .rss }
            if !feed, follows("feed", at: open + 1) { feed = true }
            i = open + 1
        }
        return feed ? .atom : .rss
    }

    /// A document as its format's reader left it, before normalization.
    enum RawDocument {
        case feed(RawFeed)
        case calendar(RawCalendar)
    }

    /// The one dispatch from sniffed format to reader, shared by sync and `inspect`.
    static func read(_ data: Data, baseURL: String?, contentType: String?) -> Result<RawDocument, ParseFailure> {
        switch sniff(data, contentType: contentType) {
        case .iCalendar:
            return ICalendarParser.parse(data).map(RawDocument.calendar)
        case .jsonFeed:
            return JSONFeedParser.parse(data, baseURL: baseURL).map(RawDocument.feed)
        case .rss, .atom:
            return XMLFeedParser.parse(data, baseURL: baseURL, contentType: contentType).map(RawDocument.feed)
        case nil:
            if data.isEmpty { return .failure(ParseFailure("the document is empty")) }
            return .failure(ParseFailure("not a feed or calendar: expected RSS, Atom, JSON Feed or iCalendar"))
        }
    }

    /// Parses a source document into events and articles, or says why nothing could be read.
    public static func parse(
        _ data: Data, baseURL: String?, contentType: String?, hubZone: TimeZone
    ) -> Result<ParseResult, ParseFailure> {
        read(data, baseURL: baseURL, contentType: contentType).map { document in
            switch document {
            case .feed(let feed): return FeedAdapter.normalize(feed)
            case .calendar(let calendar): return CalendarAdapter.normalize(calendar, hubZone: hubZone)
            }
        }
    }

    /// The `inspect --json` answer for a document, per the conformance contract, as UTF-8 bytes:
    /// a big calendar's answer is written out without a copy as `String`.
    public static func inspectBytes(
        _ data: Data, baseURL: String?, contentType: String?, window: InspectWindow?, limit: Int?
    ) -> Result<[UInt8], ParseFailure> {
        read(data, baseURL: baseURL, contentType: contentType).map { document in
            switch document {
            case .feed(let feed): return Array(FeedInspectJSON.render(feed).utf8)
            case .calendar(let calendar): return CalendarInspectJSON.renderBytes(calendar, window: window, limit: limit)
            }
        }
    }
}
