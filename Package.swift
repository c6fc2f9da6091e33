// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "evalsheet",
    products: [
        .library(name: "EvalSheet", targets: ["EvalSheet"]),
        .executable(name: "evalsheet", targets: ["evalsheet"]),
        .executable(name: "evalsheet-serve", targets: ["evalsheet-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .executableTarget(name: "EmbedTemplates", path: "Sources/EmbedTemplates"),
        .plugin(
            name: "EmbedTemplatesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedTemplates"],
            path: "Plugins/EmbedTemplatesPlugin"
        ),
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CZip", path: "Sources/CZip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CExpat", path: "Sources/CExpat", providers: [.apt(["libexpat1-dev"])]),
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate", providers: [.apt(["libdeflate-dev"])]),
        .target(name: "CMallocTuning", path: "Sources/CMallocTuning"),
        .target(name: "CStdioFilter", path: "Sources/CStdioFilter"),
        .target(
            name: "EvalSheet",
            dependencies: ["CXlsxWriter", "CZip", "CExpat", "CDeflate", "CStdioFilter"],
            path: "Sources/EvalSheet",
            plugins: ["EmbedTemplatesPlugin"]
        ),
        .target(
            name: "EvalSheetServer",
            dependencies: [
                "EvalSheet",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Sources/EvalSheetServer",
            resources: [.embedInCode("Assets/index.html"), .embedInCode("Assets/app.js"), .embedInCode("Assets/style.css")]
        ),
        .executableTarget(
            name: "evalsheet",
            dependencies: [
                "EvalSheet",
                "CMallocTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/evalsheet"
        ),
        .executableTarget(name: "evalsheet-serve", dependencies: ["EvalSheet", "EvalSheetServer"], path: "Sources/evalsheet-serve"),
        .executableTarget(name: "evalsheet-fuzz", dependencies: ["EvalSheet"], path: "Sources/evalsheet-fuzz"),
        .executableTarget(name: "evalsheet-bench", dependencies: ["EvalSheet"], path: "Sources/evalsheet-bench"),
        .testTarget(name: "EvalSheetTests", dependencies: ["EvalSheet", "evalsheet"], path: "Tests/EvalSheetTests"),
        .testTarget(name: "EvalSheetServerTests", dependencies: ["EvalSheetServer", "EvalSheet", "evalsheet"], path: "Tests/EvalSheetServerTests"),
    ]
)
