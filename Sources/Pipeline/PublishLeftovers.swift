import Foundation
import Publishing

/// Temporary files a killed sync left in publishDir (`regional.ics.tmp-PID`): the renamed-into-place
/// file is complete either way, so the half-written sibling is only clutter and is removed.
enum PublishLeftovers {
    /// Only called while the sync lock is held, so no other run is writing these files.
    static func remove(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let published = Set(HubPublisher.fileNames)
        for name in names {
            guard let marker = name.range(of: ".tmp-"), published.contains(String(name[..<marker.lowerBound]))
            else { continue }
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }
}
