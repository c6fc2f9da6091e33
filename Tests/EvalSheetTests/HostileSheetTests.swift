import Foundation
import Testing
@testable import EvalSheet

/// The second round of hostile spreadsheets and texts (Fixtures/hostile/, made by make_hostile.py) on the real
/// binary, and texts that must survive every format exactly.
@Suite struct HostileSheetTests {
    /// `message` is the error, or for a form read, a text of the output that shows which form was read.
    typealias Case = HostileInputTests.Case

    static let cases: [Case] = [
        Case(file: "deep-nesting.xlsx", status: 2, message: "xl/worksheets/sheet1.xml has elements nested more than 100 deep; refused"),
        Case(file: "password-protected.xlsx", status: 2, message: "password-protected: remove the password"),
        Case(file: "excel-97-2003.xlsx", status: 2, message: "an Excel 97-2003 file (.xls), not .xlsx: open it in Excel or WPS and save it as .xlsx"),
        Case(file: "one-part-200-sheets.xlsx", status: 0, message: "党建事务"),
        Case(file: "very-hidden-first.xlsx", status: 0, message: "党建事务"),
        Case(file: "only-hidden.xlsx", status: 0, message: "隐藏"),
        Case(file: "utf16be-bom.txt", status: 0, message: "党建事务"),
    ]

    @Test("refused or read, quickly and in bounded memory", arguments: cases)
    func hostile(_ item: Case) throws {
        let dir = TestFiles.temporaryDirectory()
        let output = dir.appendingPathComponent("out.json")
        let result = try MeasuredRun.run(["convert", TestFiles.fixture("hostile/\(item.file)").path, output.path])
        #expect(result.status == item.status, "\(result.stderr)")
        #expect(result.seconds < 5, "took \(result.seconds) s")
        #expect(result.peakMiB < MeasuredRun.baselineMiB + 60, "peak \(result.peakMiB) MiB")
        if item.status == 0 {
            let written = try String(contentsOf: output, encoding: .utf8)
            #expect(written.contains("\"\(item.message)\""))
            #expect(written.contains("\"隐藏\"") == (item.message == "隐藏"), "read the wrong sheet")
        } else {
            #expect(result.stderr.hasPrefix("evalsheet: \(TestFiles.fixture("hostile/\(item.file)").path): "))
            #expect(result.stderr.contains(item.message), "\(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        }
    }

    @Test func thePartsOfOneFileAreBoundedInAll() throws {
        struct Parts: XLSXParts { func read(_ name: String) throws -> Data? { Data(count: 1 << 20) } }
        let parts = BoundedParts(Parts(), limit: 2 << 20)
        _ = try parts.read("a")
        _ = try parts.read("b")
        let error = #expect(throws: EvalSheetError.self) { try parts.read("c") }
        #expect(error?.message == "the parts inflate past 2 MiB in all; refused, not a form")
    }

    @Test func aCallerCanTellAFormCameFromAHiddenSheet() throws {
        let data = try Data(contentsOf: TestFiles.fixture("hostile/only-hidden.xlsx"))
        let reading = try XLSXFormat().read(data, options: ReadOptions())[0]
        #expect(reading.sheet == "隐藏" && reading.sheetIsHidden)
        #expect(try XLSXFormat().read(Data(contentsOf: TestFiles.fixture("xlsx/two-forms.xlsx")), options: ReadOptions()).allSatisfy { !$0.sheetIsHidden })
    }

    @Test func convertAndBatchSayWhenTheFormCameFromAHiddenSheet() throws {
        let dir = TestFiles.temporaryDirectory()
        let input = dir.appendingPathComponent("in/book.xlsx")
        try FileManager.default.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestFiles.fixture("hostile/only-hidden.xlsx"), to: input)
        let note = "the form was read from sheet \u{201C}隐藏\u{201D}, which is hidden in Excel; unhide it to check it is the form you mean"
        let single = try MeasuredRun.run(["convert", input.path, dir.appendingPathComponent("out.json").path])
        #expect(single.status == 0)
        #expect(single.stderr.contains("evalsheet: \(input.path): \(note)\n"))
        let chinese = try MeasuredRun.run(["convert", input.path, dir.appendingPathComponent("zh.json").path, "--lang", "zh"])
        #expect(chinese.stderr.contains("表读自工作表\u{201C}隐藏\u{201D}，它在 Excel 中是隐藏的"), "\(chinese.stderr)")
        let output = dir.appendingPathComponent("out")
        #expect(try MeasuredRun.run(["batch", input.deletingLastPathComponent().path, output.path, "--to", "json"]).status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("report.json"))) as! [String: Any]
        #expect((report["files"] as! [[String: Any]])[0]["notes"] as? [String] == [note])
        let visible = try MeasuredRun.run(["convert", TestFiles.fixture("hostile/very-hidden-first.xlsx").path, dir.appendingPathComponent("v.json").path])
        #expect(!visible.stderr.contains("hidden in Excel"))
    }

    @Test func anXLSFileIsToldToBeSavedAsXLSX() throws {
        let dir = TestFiles.temporaryDirectory()
        let input = dir.appendingPathComponent("in/旧表.xls")
        try FileManager.default.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestFiles.fixture("hostile/excel-97-2003.xlsx"), to: input)
        let single = try MeasuredRun.run(["convert", input.path, dir.appendingPathComponent("out.json").path])
        #expect(single.status == 2)
        #expect(single.stderr == "evalsheet: \(input.path): an Excel 97-2003 file (.xls), not .xlsx: open it in Excel or WPS and save it as .xlsx\n")
        let batch = try MeasuredRun.run(["batch", input.deletingLastPathComponent().path, dir.appendingPathComponent("out").path, "--to", "json", "--lang", "en"])
        #expect(batch.status == 0, "skipped, not failed: there is nothing batch can do with it")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/report.json"))) as! [String: Any]
        let entry = (report["files"] as! [[String: Any]])[0]
        #expect(entry["status"] as? String == "skipped (not a form file)")
        #expect((entry["error"] as? String)?.hasPrefix("an Excel 97-2003 file (.xls): open it in Excel or WPS, save it as .xlsx") == true)
    }

    /// The seed form with its project name (党建事务, the first one in the TSV) replaced by `name`, read from TSV.
    private func seedNamed(_ name: String) throws -> Form {
        let seed = try String(contentsOf: TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"), encoding: .utf8)
        let range = try #require(seed.range(of: "党建事务"))
        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return try TSVFormat().read(Data(seed.replacingCharacters(in: range, with: quoted).utf8), options: ReadOptions())[0].form
    }

    static let awkwardTexts = [
        "a\u{1}b\u{1F}c", "行一\r\n行二\r行三", "x\u{FFFE}y\u{FFFF}z", "_x0041_ stays _x005F_ too", "_x000D_",
        // make fuzz: libxlsxwriter writes the control as `_x0007_`, whose underscore closes the `_x0041` before it
        "=E~\u{7}\u{7}b\u{1}_x0041\u{7}", "_x0041\r", "_x0041\t and _x0041\n stay",
        "=HYPERLINK(\"http://evil\",\"点我\")", "+1", "-2", "@SUM(A1)", "'=already quoted", "''+two", "'plain", "😀 astral",
    ]

    @Test("awkward texts come back exactly from XLSX and TSV", arguments: awkwardTexts)
    func roundTrips(_ text: String) throws {
        let form = try seedNamed(text)
        #expect(form != (try seedNamed("党建事务")), "the text reached the form")
        let xlsx = try XLSXFormat().write(form, options: WriteOptions())
        #expect(try XLSXFormat().read(xlsx, options: ReadOptions())[0].form == form)
        let tsv = try TSVFormat().write(form, options: WriteOptions())
        #expect(try TSVFormat().read(tsv, options: ReadOptions())[0].form == form)
    }

    @Test func formulasAreNeutralisedInTSVOutput() throws {
        let tsv = String(decoding: try TSVFormat().write(try seedNamed("=cmd|' /C calc'!A0"), options: WriteOptions()), as: UTF8.self)
        #expect(tsv.contains("\t'=cmd|' /C calc'!A0\t"))
        #expect(!tsv.contains("\t=cmd"))
    }

    @Test func aCarriageReturnIsQuotedInTSVOutput() throws {
        let tsv = String(decoding: try TSVFormat().write(try seedNamed("上\r下"), options: WriteOptions()), as: UTF8.self)
        #expect(tsv.contains("\"上\r下\""))
    }

    @Test func excelsEscapesAreDecodedOnRead() {
        #expect(XString.decode("a_x000D_b") == "a\rb")
        #expect(XString.decode("_x005F_x0041_") == "_x0041_")
        #expect(XString.decode("_xD83D__xDE00_") == "😀")
        #expect(XString.decode("_x12G4_ and _x12") == "_x12G4_ and _x12")
    }

    /// The second: a NUL with a combining mark after it, one Character that is not "\0" (make fuzz's round trip found it).
    @Test(arguments: ["before\u{0}after", "-\u{0}\u{0742}HO)I"])
    func aNULIsRefusedNotTruncated(name: String) throws {
        let form = try seedNamed(name)
        let error = #expect(throws: EvalSheetError.self) { try XLSXFormat().write(form, options: WriteOptions()) }
        #expect(error?.message == "project.name: the text holds a NUL character, which a spreadsheet cell cannot hold; remove it and convert again")
    }

    @Test func theCellLimitCountsUTF16Units() throws {
        let form = try seedNamed(String(repeating: "😀", count: 20_000))
        let error = #expect(throws: EvalSheetError.self) { try XLSXFormat().write(form, options: WriteOptions()) }
        #expect(error?.message.contains("40000 characters, over Excel's 32767-character cell limit (Excel counts a character beyond U+FFFF as two)") == true)
    }

    @Test func aFullDiskGivesOneLineAndExit2() throws {
        let dir = TestFiles.temporaryDirectory()
        let output = dir.appendingPathComponent("form.xlsx").path
        let result = try MeasuredRun.run(["convert", TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt").path, output],
                                         launcher: MeasuredRun.withSmallFiles)
        #expect(result.status == 2)
        #expect(result.stderr == "evalsheet: \(output): cannot write the workbook (File too large); check the disk has room and the folder is writable\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no output and no temporary file")
    }

    @Test func aFullDiskInATwoJobBatchGivesOneLineAFileAndNoneOfTheLibrarys() throws {
        let dir = TestFiles.temporaryDirectory()
        let input = dir.appendingPathComponent("in"), output = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for n in 0..<4 {
            try FileManager.default.copyItem(at: TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"), to: input.appendingPathComponent("form-\(n).txt"))
        }
        let result = try MeasuredRun.run(["batch", input.path, output.path, "--to", "xlsx", "--jobs", "2", "--lang", "en"],
                                         launcher: MeasuredRun.withSmallFiles)
        #expect(result.status == 1)
        let failures = result.stderr.split(separator: "\n").filter { $0.hasPrefix("failed: ") }
        #expect(failures.count == 4 && failures.allSatisfy { $0.hasSuffix("cannot write the workbook (File too large); check the disk has room and the folder is writable") },
                "\(result.stderr)")
        #expect(!result.stderr.contains("[ERROR]") && !result.stderr.contains("[WARNING]"), "\(result.stderr)")
        #expect(result.stderr.contains("0 converted, 4 failed"))
    }
}
