// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Quarry",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quarry", targets: ["quarry"]),
        .library(name: "QuarryEngine", targets: ["QuarryEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "QuarryEngine"),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(name: "QuarryShell", dependencies: ["QuarryEngine", "CReadline"]),
        .executableTarget(
            name: "quarry",
            dependencies: [
                "QuarryEngine",
                "QuarryShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "quarry-bench", dependencies: ["QuarryEngine"]),
        // Built only by `make fuzz`, with libFuzzer (-sanitize=fuzzer -parse-as-library).
        .executableTarget(name: "quarry-fuzz", dependencies: ["QuarryEngine", "QuarryShell"]),
        .target(name: "QuarryTestSupport", dependencies: ["QuarryEngine"], path: "Tests/QuarryTestSupport"),
        .testTarget(
            name: "QuarryEngineTests",
            dependencies: ["QuarryEngine", "QuarryTestSupport"],
            exclude: ["Schemas", "Algorithms/networkx_check.py", "Spark/ArrowSamples"],
            resources: [.copy("Cases")]
        ),
        .testTarget(name: "QuarryShellTests", dependencies: ["QuarryShell", "QuarryEngine", "QuarryTestSupport"], exclude: ["Transcripts"]),
    ],
    swiftLanguageModes: [.v6]
)
