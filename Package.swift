// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "evalsheet",
    products: [
        .library(name: "EvalSheet", targets: ["EvalSheet"]),
        .executable(name: "evalsheet", targets: ["evalsheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(name: "EmbedTemplates", path: "Sources/EmbedTemplates"),
        .plugin(
            name: "EmbedTemplatesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedTemplates"],
            path: "Plugins/EmbedTemplatesPlugin"
        ),
        .target(
            name: "EvalSheet",
            path: "Sources/EvalSheet",
            plugins: ["EmbedTemplatesPlugin"]
        ),
        .executableTarget(
            name: "evalsheet",
            dependencies: [
                "EvalSheet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/evalsheet"
        ),
        .testTarget(name: "EvalSheetTests", dependencies: ["EvalSheet", "evalsheet"], path: "Tests/EvalSheetTests"),
    ]
)
