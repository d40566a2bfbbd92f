// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Quarry",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "quarry", targets: ["quarry"]),
        .library(name: "QuarryEngine", targets: ["QuarryEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The Spark back end's transport: Spark Connect over gRPC (see Sources/QuarrySpark).
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
    ],
    targets: [
        .target(name: "QuarryEngine"),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        // Generated once from Spark Connect's protocol files by its regenerate.sh, and committed.
        .target(
            name: "SparkConnectProtocol",
            dependencies: [
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
            ],
            exclude: ["regenerate.sh"]
        ),
        .target(
            name: "QuarrySpark",
            dependencies: [
                "QuarryEngine",
                "SparkConnectProtocol",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ]
        ),
        .target(name: "QuarryShell", dependencies: ["QuarryEngine", "QuarrySpark", "CReadline"]),
        .executableTarget(
            name: "quarry",
            dependencies: [
                "QuarryEngine",
                "QuarryShell",
                "QuarrySpark",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "quarry-bench", dependencies: ["QuarryEngine", "QuarrySpark"]),
        // Built only by `make fuzz`, with libFuzzer (-sanitize=fuzzer -parse-as-library).
        .executableTarget(name: "quarry-fuzz", dependencies: ["QuarryEngine", "QuarryShell"]),
        .target(name: "QuarryTestSupport", dependencies: ["QuarryEngine"], path: "Tests/QuarryTestSupport"),
        .testTarget(
            name: "QuarryEngineTests",
            dependencies: ["QuarryEngine", "QuarryTestSupport"],
            exclude: ["Schemas", "Algorithms/networkx_check.py", "Spark/ArrowSamples"],
            resources: [.copy("Cases")]
        ),
        .testTarget(name: "QuarrySparkTests", dependencies: ["QuarrySpark", "QuarryEngine"], exclude: ["spark_queries.cypher"]),
        .testTarget(name: "QuarryShellTests", dependencies: ["QuarryShell", "QuarryEngine", "QuarryTestSupport"], exclude: ["Transcripts"]),
    ],
    swiftLanguageModes: [.v6]
)
