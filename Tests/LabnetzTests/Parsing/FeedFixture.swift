import Foundation

/// Loads the feed fixtures copied into the test bundle.
enum FeedFixture {
    static func data(_ name: String) throws -> Data {
        guard let root = Bundle.module.resourceURL else { throw CocoaError(.fileNoSuchFile) }
        return try Data(contentsOf: root.appendingPathComponent("Fixtures/feeds/" + name))
    }
}
