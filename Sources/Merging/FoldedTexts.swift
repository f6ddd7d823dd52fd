import FeedModel

/// The titles, title heads and locations of a merge's items, folded (`TextNormalizer.fold`) into
/// one byte buffer, with what else the features need of each item.
///
/// Folding does not depend on the order items are taken in, so it reads the caller's items as
/// they lie in memory (`ItemsInOrder.forEachInMemoryOrder`); the features are then made in merge
/// order (token ids are numbered by first appearance) from these compact bytes instead of jumping
/// across every item and its strings: at 100k items those are hundreds of MB.
struct FoldedTexts {
    private var bytes: [UInt8] = []
    private var entries: [Entry]

    struct Entry {
        fileprivate var title: Range<Int> = 0..<0
        /// Nil when the title has no subtitle (`EventFeatures.head(of:)`).
        fileprivate var head: Range<Int>?
        fileprivate var location: Range<Int> = 0..<0
        /// The start date of an all-day event.
        var allDay: CivilDate?
        var rrule: String?
    }

    /// Masters only (items without a RECURRENCE-ID); the entries of overrides stay empty.
    init(_ items: ItemsInOrder) {
        entries = [Entry](repeating: Entry(), count: items.count)
        bytes.reserveCapacity(items.count * 128)
        var scratch: [UInt8] = []
        func add(_ text: String) -> Range<Int> {
            TextNormalizer.fold(text, into: &scratch)
            let start = bytes.count
            bytes.append(contentsOf: scratch)
            return start..<bytes.count
        }
        items.forEachInMemoryOrder { i, item in
            let event = item.payload
            guard event.recurrenceID == nil else { return }
            var entry = Entry()
            entry.title = add(event.title)
            entry.head = EventFeatures.head(of: event.title).map(add)
            if let location = event.location { entry.location = add(location) }
            if case .allDay(let date) = event.start { entry.allDay = date }
            entry.rrule = event.rrules.first
            entries[i] = entry
        }
    }

    subscript(i: Int) -> Entry { entries[i] }

    /// The folded words of `range` (`MatchVocabulary.words(folded:)`).
    func words(_ range: Range<Int>) -> [String] {
        bytes.withUnsafeBufferPointer { MatchVocabulary.words(folded: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    func titleWords(_ i: Int) -> [String] { words(entries[i].title) }
    func headWords(_ i: Int) -> [String]? { entries[i].head.map(words) }

    func placeWords(_ i: Int, vocabulary: MatchVocabulary) -> [String] {
        bytes.withUnsafeBufferPointer {
            vocabulary.locationTokens(folded: UnsafeBufferPointer(rebasing: $0[entries[i].location]))
        }
    }
}
