import FeedModel
import Foundation

/// Gives every cluster a UID: the one most of its items had before, else a newly minted one.
///
/// A UID once published never names another event: when clusters split, the part holding most of
/// the UID's items keeps it and the rest get new UIDs; minting skips every UID ever used.
struct IdentityAssigner {
    let hubID: String

    /// One UID per group of indices into `keys` (the items' `SourceItemRef.key`), in the order of `groups`.
    func assign(_ groups: [[Int]], keys: [String], book: IdentityBook) -> [String] {
        // Claims: (votes, group, uid). More votes first, then the group with the smaller first key.
        var claims: [(votes: Int, group: Int, uid: String)] = []
        for (g, members) in groups.enumerated() where !book.assignments.isEmpty {
            var votes: [String: Int] = [:]
            for i in members {
                guard let uid = book.assignments[keys[i]] else { continue }
                if let record = book.records[uid], record.state == .alias { continue }
                votes[uid, default: 0] += 1
            }
            for (uid, count) in votes { claims.append((count, g, uid)) }
        }
        let firstKey = groups.map { group in group.count == 1 ? keys[group[0]] : (group.map { keys[$0] }.min() ?? "") }
        claims.sort { a, b in
            if a.votes != b.votes { return a.votes > b.votes }
            if firstKey[a.group] != firstKey[b.group] { return firstKey[a.group] < firstKey[b.group] }
            return a.uid < b.uid
        }
        var uids = [String?](repeating: nil, count: groups.count)
        // Every UID of this merge, and below every UID ever stored: tens of thousands of strings,
        // looked up by hash without comparing the strings on the way (`StringIndex`).
        var taken = StringIndex(capacity: groups.count)
        for claim in claims where uids[claim.group] == nil && !taken.contains(claim.uid) {
            uids[claim.group] = claim.uid
            taken.insert(claim.uid)
        }
        var known = StringIndex(capacity: book.records.count)
        for uid in book.records.keys { known.insert(uid) }
        for uid in book.assignments.values { known.insert(uid) }
        return groups.indices.map { g in
            if let uid = uids[g] { return uid }
            var seed = firstKey[g]
            while true {
                // One string, one probe of `taken`: this runs for every new event of a first sync.
                var uid = ""
                uid.reserveCapacity(41 + hubID.utf8.count + 8)
                uid += SHA256.hex(seed).prefix(32)
                uid += "@"
                uid += hubID
                uid += ".labnetz"
                if !known.contains(uid), taken.insert(uid).inserted { return uid }
                seed += "+"
            }
        }
    }
}
