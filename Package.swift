// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "crosswalk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crosswalk", targets: ["crosswalk"]),
        .library(name: "CrosswalkKit", targets: ["CrosswalkKit"]),
        .executable(name: "crosswalk-fuzz", targets: ["CrosswalkFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // The C library; only CrosswalkMarkdown imports it.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // A small Swift wrapper over libcmark: document ownership, node views.
        .target(name: "CrosswalkMarkdown", dependencies: ["Ccmark"]),
        // The pipeline: Load → Model → Index → Markdown → Link → Render → Write.
        .target(
            name: "CrosswalkKit",
            dependencies: [
                "CrosswalkMarkdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The development server: builds, serves over HTTP, watches and reloads.
        .target(
            name: "CrosswalkServe",
            dependencies: ["CrosswalkKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // jemalloc's settings (`malloc_conf`), linked into the binary only.
        .target(name: "CrosswalkAllocator"),
        .executableTarget(
            name: "crosswalk",
            dependencies: [
                "CrosswalkAllocator",
                "CrosswalkKit",
                "CrosswalkServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds allocate through jemalloc (libjemalloc-dev; `make deps`): glibc's
            // malloc cost a quarter of a 100k-page build's CPU, freeing across threads. Debug,
            // test and sanitizer builds keep the system allocator.
            linkerSettings: [.linkedLibrary("jemalloc", .when(configuration: .release))]
        ),
        // libFuzzer target over the page pipeline: `make fuzz` builds it with
        // `--sanitize=fuzzer --sanitize=address`; its main.swift holds only the fuzz entry point.
        .executableTarget(name: "CrosswalkFuzz", dependencies: ["CrosswalkKit"]),
        .testTarget(name: "CrosswalkMarkdownTests", dependencies: ["CrosswalkMarkdown"]),
        // Fixtures are read through #filePath; they are data, not resources.
        .testTarget(name: "CrosswalkKitTests", dependencies: ["CrosswalkKit"], exclude: ["Fixtures"]),
        .testTarget(name: "CrosswalkServeTests", dependencies: ["CrosswalkServe"]),
        // Runs the built `crosswalk` binary end to end; depending on it makes `swift test` build it.
        .testTarget(name: "crosswalkTests", dependencies: ["crosswalk"]),
    ]
)
