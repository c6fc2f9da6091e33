import Foundation
import Testing
@testable import EvalSheet

/// Parts inflated whole by libdeflate against Python's zipfile on every workbook in Fixtures/, and damaged or
/// lying entries left to libzip's checks and messages.
struct ZipPartsTests {
    /// Every workbook that zipfile extracts, into `folder/N/`; the workbooks in the same order, nil for
    /// those it refuses (not zip files, damaged ones). The zip bombs are left to HostileInputTests.
    private func extractedByZipfile(into folder: URL) throws -> [URL?] {
        let script = """
        import glob, os, sys, zipfile
        for n, path in enumerate(sys.argv[2:]):
            try:
                zipfile.ZipFile(path).extractall(os.path.join(sys.argv[1], str(n)))
                print(path)
            except Exception:
                print("")
        """
        let workbooks = FileManager.default.enumerator(at: TestFiles.fixture(""), includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xlsx" && !$0.lastPathComponent.hasPrefix("zip-bomb") }
            .sorted { $0.path < $1.path }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, folder.path] + workbooks.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let listed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return listed.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0.isEmpty ? nil : URL(fileURLWithPath: String($0)) }
    }

    @Test func everyPartOfEveryFixtureInflatesWholeAsZipfileReadsIt() throws {
        let folder = TestFiles.temporaryDirectory()
        var whole = 0, refused: [String] = []
        for (n, extractedWorkbook) in try extractedByZipfile(into: folder).enumerated() {
            guard let workbook = extractedWorkbook else { continue }
            guard let parts = try? ZipParts(data: Data(contentsOf: workbook)) else { refused.append(workbook.lastPathComponent); continue }
            let extracted = folder.appendingPathComponent(String(n))
            let names = FileManager.default.enumerator(atPath: extracted.path)!.compactMap { $0 as? String }
                .filter { !FileManager.default.isDirectory(extracted.appendingPathComponent($0)) }
            #expect(!names.isEmpty, "\(workbook.lastPathComponent)")
            for name in names {
                let expected = try Data(contentsOf: extracted.appendingPathComponent(name))
                #expect(try parts.read(name) == expected, "\(workbook.lastPathComponent): \(name)")
                if expected.count < XLSXLimits.ratioCheckedAbove {
                    #expect(try parts.inflateWhole(name) == expected, "\(workbook.lastPathComponent): \(name) inflates whole")
                    whole += 1
                }
            }
        }
        #expect(whole > 250, "\(whole) parts inflated whole")
        #expect(refused == ["duplicate-entries.xlsx"], "zipfile takes the last of two same-named entries; evalsheet refuses")
    }

    /// A byte changed in the sheet's deflated data: libdeflate refuses it or its CRC disagrees, and libzip's read
    /// reports the part as corrupt, as before.
    @Test func aDamagedPartIsLeftToLibzipAndReported() throws {
        var bytes = try Data(contentsOf: TestFiles.fixture("xlsx/libreoffice-seed.xlsx"))
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        let nameAt = try #require(bytes.range(of: name)).lowerBound
        let header = nameAt - 30
        try #require(bytes[header..<header + 4] == Data([0x50, 0x4B, 0x03, 0x04]))
        let extra = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
        let compressedSize = Int(bytes[header + 18]) | Int(bytes[header + 19]) << 8 | Int(bytes[header + 20]) << 16
        let dataAt = nameAt + name.count + extra
        let middle = dataAt + max(compressedSize, 200) / 2
        bytes[middle] ^= 0x5A
        let damaged = TestFiles.temporaryDirectory().appendingPathComponent("damaged.xlsx")
        try bytes.write(to: damaged)
        let parts = try ZipParts(data: bytes)
        #expect(try parts.inflateWhole("xl/worksheets/sheet1.xml") == nil)
        let output = damaged.deletingLastPathComponent().appendingPathComponent("out.json")
        let result = try MeasuredRun.run(["convert", damaged.path, output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("xl/worksheets/sheet1.xml is corrupt in the archive ("), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}

private extension FileManager {
    func isDirectory(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }
}
