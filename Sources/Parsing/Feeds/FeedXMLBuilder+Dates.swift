import Foundation

/// Dates of the feed and its entries: the first one of each kind is kept, an unreadable one is a warning.
extension FeedXMLBuilder {
    mutating func setDate(_ text: String, published: Bool, line: Int) {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return }
        guard let date = FeedDate.parse(trimmed) else {
            warn(line, "unreadable date \"\(trimmed.prefix(80))\"")
            return
        }
        store(date, published: published)
    }

    /// `setDate(text(bytes), …)` without making the string: the bytes are read in place when they
    /// are clean UTF-8 whose trimmed ends are ASCII (then trimming is the ASCII trim).
    mutating func setDate(bytes: UnsafeBufferPointer<UInt8>, published: Bool, line: Int) {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80), UTF8Check.isCleanText(bytes) else {
            setDate(Self.text(bytes), published: published, line: line)
            return
        }
        let inner = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard !inner.isEmpty else { return }
        guard let date = FeedDate.parse(utf8: inner) else {
            warn(line, "unreadable date \"\(String(decoding: inner, as: UTF8.self).prefix(80))\"")
            return
        }
        store(date, published: published)
    }

    private mutating func store(_ date: Date, published: Bool) {
        if inEntry {
            if published {
                if entry.published == nil { entry.published = date }
            } else {
                if entry.updated == nil { entry.updated = date }
            }
        } else if published {
            feed.published = feed.published ?? date
        } else {
            feed.updated = feed.updated ?? date
        }
    }
}
