import FeedModel
import Foundation

/// The `--from/--to` window of `inspect --json`: whole days, both inclusive, as wall-clock.
public struct InspectWindow: Sendable {
    public var from: CivilDate
    public var to: CivilDate
    public init(from: CivilDate, to: CivilDate) {
        self.from = from
        self.to = to
    }
}
