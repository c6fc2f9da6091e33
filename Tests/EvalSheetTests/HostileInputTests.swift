import Foundation
import Testing
@testable import EvalSheet

/// Every file of Fixtures/bad/ is refused by the real binary: one line naming the file and the problem,
/// exit 1 or 2, no output file, in well under 10 s and 128 MiB.
@Suite struct HostileInputTests {
    struct Case: CustomStringConvertible, Sendable {
        let file: String
        let status: Int32
        let message: String
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "empty.tsv", status: 1, message: "not a 项目支出绩效自评表 in any known layout"),
        Case(file: "empty.xlsx", status: 2, message: "the file is empty; not a spreadsheet"),
        Case(file: "empty.json", status: 2, message: "not valid JSON"),
        Case(file: "random-bytes.tsv", status: 2, message: "not valid gb18030 text"),
        Case(file: "random-bytes.xlsx", status: 2, message: "not a readable XLSX (zip) archive (Not a zip archive)"),
        Case(file: "invalid-utf8.tsv", status: 1, message: "not a 项目支出绩效自评表"),
        Case(file: "not-the-form.tsv", status: 1, message: "not a 项目支出绩效自评表 in any known layout"),
        Case(file: "not-the-form.xlsx", status: 1, message: "sheet 绩效自评: not a 项目支出绩效自评表"),
        Case(file: "truncated.xlsx", status: 2, message: "the file may be truncated"),
        Case(file: "xxe-external-entity.xlsx", status: 2, message: "xl/worksheets/sheet1.xml declares a DTD; refused"),
        Case(file: "billion-laughs.xlsx", status: 2, message: "declares a DTD; refused"),
        Case(file: "zip-bomb.xlsx", status: 2, message: "inflates past 64 MiB; refused as a zip bomb"),
        Case(file: "zip-bomb-lying-sizes.xlsx", status: 2, message: "inflates past the 1000 bytes its header declares; refused as a zip bomb"),
        Case(file: "duplicate-entries.xlsx", status: 2, message: "the same part name twice"),
        Case(file: "shared-string-out-of-range.xlsx", status: 2, message: "cell D2 points to shared string 999"),
        Case(file: "cell-beyond-grid.xlsx", status: 2, message: "cell reference XFE2 lies beyond Excel's grid"),
        Case(file: "malformed-xml.xlsx", status: 2, message: "is not well-formed XML (mismatched tag at line 1)"),
        Case(file: "wrong-type.json", status: 1, message: "funds.total.executed: expected a decimal string, found \"两百万\""),
        Case(file: "unknown-key.json", status: 1, message: "project.leader: unknown key; remove it or check its spelling"),
        Case(file: "huge-number.json", status: 2, message: "not valid JSON"),
        Case(file: "deep-nesting.json", status: 2, message: "Too many nested arrays or dictionaries"),
        Case(file: "text-over-cell-limit.json", status: 1, message: "overallGoal.actual: 40000 characters, over Excel's 32767-character cell limit"),
    ]

    @Test("refused cleanly", arguments: cases)
    func refused(_ item: Case) throws {
        let input = TestFiles.fixture("bad/\(item.file)")
        let dir = TestFiles.temporaryDirectory()
        let output = dir.appendingPathComponent(item.file.hasSuffix(".json") ? "out.xlsx" : "out.json")
        let result = try MeasuredRun.run(["convert", input.path, output.path])
        #expect(result.seconds < 10)
        #expect(result.status == item.status)
        #expect(result.stderr.hasPrefix("evalsheet: "))
        #expect(result.stderr.contains(item.message), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "one line")
        #expect(result.stderr.contains(item.file.hasSuffix(".json") && item.status == 1 && item.file.hasPrefix("text") ? output.path : input.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no output and no temporary file")
        #expect(result.peakMiB < 128, "peak memory of this run under 128 MiB (the zip bomb reads 64 MiB before it is refused)")
    }

    @Test func aHugeDimensionIsIgnoredAndTheFormReads() throws {
        let form = try TestFiles.readForm(TestFiles.fixture("bad/dimension-million-rows.xlsx"))
        #expect(form.text("project.code") == "440307220471500100001")
    }

    @Test func anExternalEntityIsNeverRead() throws {
        let error = #expect(throws: EvalSheetError.self) { try TestFiles.readForm(TestFiles.fixture("bad/xxe-external-entity.xlsx")) }
        #expect(error?.message.contains("root:") == false)
    }

    @Test func aFileIsReadWholeWhateverSizeItClaims() throws {
        let seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt")
        #expect(try FormFiles.readData(seed.path) == Data(contentsOf: seed))
        // /proc files claim a size of 0 and hold more: the buffer grows until the end
        let status = String(decoding: try FormFiles.readData("/proc/self/status"), as: UTF8.self)
        #expect(status.hasPrefix("Name:") && status.contains("VmRSS:"))
        let big = TestFiles.temporaryDirectory().appendingPathComponent("big.tsv")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil) && truncate(big.path, off_t(FormFiles.maximumInputBytes + 1)) == 0)
        let error = #expect(throws: EvalSheetError.self) { try FormFiles.readData(big.path) }
        #expect(error?.message == "larger than 256 MiB; this is not a single form")
    }
}
