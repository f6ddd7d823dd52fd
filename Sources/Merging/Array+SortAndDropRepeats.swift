extension Array where Element: Comparable {
    /// Sorts in place and keeps each value once (the first of equal ones stays), without a Set.
    mutating func sortAndDropRepeats() {
        sort()
        var kept = 0
        for index in indices where kept == 0 || self[kept - 1] != self[index] {
            swapAt(kept, index)
            kept += 1
        }
        removeLast(count - kept)
    }
}
