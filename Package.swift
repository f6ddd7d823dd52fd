// swift-tools-version:6.1
import PackageDescription

// Targets follow the data flow: fetch → parse → normalize → merge → store → publish/serve.
// Only `Pipeline` knows the order; `labnetz` (CLI) and `Server` are the edges.
let package = Package(
    name: "labnetz",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "labnetz", targets: ["labnetz"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libcurl's headers (libcurl4-openssl-dev) and a loader that opens libcurl with dlopen when the
        // first fetch starts (CCurl/include/ccurl.h says why), instead of linking it.
        .target(name: "CCurl"),

        .target(name: "FeedModel"),
        .target(name: "Federation", dependencies: ["FeedModel"]),
        .target(name: "Fetching", dependencies: ["CCurl"]),
        .target(name: "Parsing", dependencies: ["FeedModel", "CLibXML2"]),
        .target(name: "Merging", dependencies: ["FeedModel", "Federation"]),
        .target(
            name: "Storage",
            dependencies: ["FeedModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "Publishing",
            dependencies: [
                "FeedModel", "Federation", "Merging", "Storage", "Parsing",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .target(
            name: "Pipeline",
            dependencies: [
                "FeedModel", "Federation", "Fetching", "Parsing", "Merging", "Storage", "Publishing",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "Server",
            dependencies: ["FeedModel", .product(name: "Hummingbird", package: "hummingbird")]),
        .executableTarget(
            name: "labnetz",
            dependencies: [
                "FeedModel", "Federation", "Merging", "Parsing", "Pipeline", "Server", "Storage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // `make bench` only: times the merger on generated events (scripts/bench/bench-merge.sh).
        .executableTarget(
            name: "MergeBench", dependencies: ["FeedModel", "Federation", "Merging"], path: "Benchmarks/MergeBench"),

        .testTarget(
            name: "LabnetzTests",
            dependencies: [
                "FeedModel", "Federation", "Fetching", "Parsing", "Merging", "Storage",
                "Publishing", "Pipeline", "Server",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            resources: [.copy("Fixtures")]),
    ]
)
