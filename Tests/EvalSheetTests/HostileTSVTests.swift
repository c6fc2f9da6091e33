import Foundation
import Testing
@testable import EvalSheet

/// TSV input that cannot be a form (millions of blank or tab-only lines, lines of hundreds of cells) is refused
/// early by the real binary, its memory growing by at most three times the input plus 30 MiB over the runtime's own.
@Suite struct HostileTSVTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let line: String
        let count: Int
        let message: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "10 MB of blank lines", line: "\n", count: 10_000_000, message: "more than 100,000 lines; a 项目支出绩效自评表 has a few thousand"),
        Case(name: "10 MB of tab-only lines", line: "\t\t\t\t\t\t\t\t\t\n", count: 1_000_000, message: "more than 100,000 lines"),
        Case(name: "4 MB of 200 tabs and a letter", line: String(repeating: "\t", count: 200) + "x\n", count: 20_000,
             message: "more than 256 cells on one line (or 1,000,000 in the file)"),
        Case(name: "short lines of one letter", line: "x\n", count: 150_000, message: "more than 100,000 lines"),
        Case(name: "lines of 300 cells", line: String(repeating: "x\t", count: 300) + "\n", count: 10, message: "line 1: more than 256 cells on one line"),
    ]

    @Test("refused early, in bounded memory", arguments: cases)
    func refused(_ item: Case) throws {
        let dir = TestFiles.temporaryDirectory()
        let input = dir.appendingPathComponent("input.txt")
        let data = Data(String(repeating: item.line, count: item.count).utf8)
        try data.write(to: input)
        let output = dir.appendingPathComponent("out.json").path
        for stdin in [false, true] {
            let result = try MeasuredRun.run(stdin ? ["convert", "--from", "tsv", "--to", "json", "-", output] : ["convert", input.path, output],
                                             stdinPath: stdin ? input.path : "/dev/null")
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("evalsheet: \(stdin ? "<stdin>" : input.path): "))
            #expect(result.stderr.contains(item.message), "\(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
            let growth = result.peakMiB - MeasuredRun.baselineMiB
            #expect(growth < 3 * Double(data.count) / 1_048_576 + 30, "peak \(result.peakMiB) MiB (baseline \(MeasuredRun.baselineMiB)) for \(data.count) bytes")
            #expect(result.seconds < 10)
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test func blankLinesBetweenTheFormsRowsAreIgnored() throws {
        let seed = try String(contentsOf: TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"), encoding: .utf8)
        let spaced = seed.replacingOccurrences(of: "\n", with: "\n\n\n")
        let form = try TSVFormat().read(Data(spaced.utf8), options: ReadOptions())[0].form
        #expect(form == (try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))))
    }

    @Test func utf16BigEndianWithABOMIsDetected() throws {
        let seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt")
        let text = try String(contentsOf: seed, encoding: .utf8)
        let data = Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
        #expect(try TSVFormat().read(data, options: ReadOptions())[0].form == (try TestFiles.readForm(seed)))
    }

    @Test func theWriterRefusesWhatTheReaderWouldRefuse() throws {
        var form = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        let items = form.indicators[0].categories[0].items
        form.indicators[0].categories[0].items = Array(repeating: items[0], count: TSVRecords.maximumCells / 8)
        let error = #expect(throws: EvalSheetError.self) { try TSVFormat().write(form, options: WriteOptions()) }
        #expect(error?.message.contains("more than a TSV export holds (100,000 lines, 1,000,000 cells); write JSON or XLSX") == true)
    }
}
