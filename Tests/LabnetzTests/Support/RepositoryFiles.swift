import Foundation

/// Files of this repository that tests read: the shipped federation.json and sample feeds.
enum RepositoryFiles {
    /// The package root, found from this source file's location.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    /// A fresh, empty folder under the system's temporary directory.
    static func temporaryFolder(_ label: String = #function) throws -> URL {
        let name = "labnetz-test-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString.prefix(8))"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
