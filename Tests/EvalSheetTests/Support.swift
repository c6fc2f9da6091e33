import Foundation
@testable import EvalSheet

/// Paths and helpers shared by the tests: fixtures on disk and the real binary.
enum TestFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ path: String) -> URL { root.appendingPathComponent("Fixtures").appendingPathComponent(path) }

    /// Every TSV fixture with its expected JSON beside it.
    static var tsvFixtures: [URL] {
        let folder = fixture("tsv")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
        return files.filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }

    static func expectedJSON(for input: URL) -> URL {
        input.deletingPathExtension().appendingPathExtension("expected.json")
    }

    static func readForm(_ url: URL, format: (any FormFormat)? = nil) throws -> Form {
        try FormFiles.read(url.path, format: format)[0].form
    }

    /// A new empty folder for one test, inside this run's scratch folder.
    static func temporaryDirectory() -> URL {
        let url = scratch.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// This test run's scratch folder, removed when the run exits so no run leaves folders behind.
    private static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evalsheet-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFiles.scratch) }
        return url
    }()
}
