import Foundation
import Testing
@testable import EvalSheet

/// Real and quirky old exports read into exactly their expected JSON, and the TSV writer is a fixed point.
@Suite struct TSVFixtureTests {
    @Test("every TSV fixture reads as its expected JSON", arguments: TestFiles.tsvFixtures)
    func readsAsExpected(_ input: URL) throws {
        let expected = try TestFiles.readForm(TestFiles.expectedJSON(for: input))
        let actual = try TestFiles.readForm(input)
        #expect(actual == expected, "\(input.lastPathComponent) differs from its expected JSON")
    }

    @Test func seedWritesItsExpectedJSONByteForByte() throws {
        let seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt")
        let json = try JSONFormat().write(try TestFiles.readForm(seed), options: WriteOptions())
        let expected = try String(contentsOf: TestFiles.expectedJSON(for: seed), encoding: .utf8)
        #expect(String(decoding: json, as: UTF8.self).trimmingCharacters(in: .newlines) ==
                expected.trimmingCharacters(in: .newlines))
    }

    @Test func seedArithmeticIsTheSpecs() throws {
        let form = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        #expect(form.decimal("funds.total.executed")?.description == "2555831.40")
        #expect(form.decimal("funds.executionRate") == FormDecimal(parsing: "99.84"))
        #expect(form.indicators.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(form.indicators[1].weight == FormDecimal(30), "the split label (30分) two rows later gives the weight")
        #expect(form.indicators[1].categories.count == 4)
    }

    @Test("the TSV writer's output converts to itself byte for byte", arguments: TestFiles.tsvFixtures)
    func writerIsAFixedPoint(_ input: URL) throws {
        let tsv = TSVFormat()
        let first = try tsv.write(try TestFiles.readForm(input), options: WriteOptions())
        let second = try tsv.write(try tsv.read(first, options: ReadOptions())[0].form, options: WriteOptions())
        #expect(first == second)
    }

    @Test("each output encoding reads back the same form", arguments: TextEncoding.allCases)
    func encodingsRoundTrip(_ encoding: TextEncoding) throws {
        let form = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        let data = try TSVFormat(encoding: encoding).write(form, options: WriteOptions())
        #expect(try TSVFormat().read(data, options: ReadOptions())[0].form == form, "detected \(encoding.rawValue)")
        if encoding == .gb18030 { #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]) && String(data: data, encoding: .utf8) == nil) }
        if encoding == .utf8BOM { #expect(data.starts(with: [0xEF, 0xBB, 0xBF])) }
    }

    @Test func forcedEncodingOverridesDetection() throws {
        let gbk = TestFiles.fixture("tsv/quirks/other-project-gbk.txt")
        #expect(throws: EvalSheetError.self) { try TSVFormat(encoding: .utf16LE).read(try Data(contentsOf: gbk), options: ReadOptions()) }
        let form = try TSVFormat(encoding: .gb18030).read(try Data(contentsOf: gbk), options: ReadOptions())[0].form
        #expect(form.text("project.name") == "社区环境整治")
    }

    @Test func aFileThatIsNotTheFormNamesTheMissingLabel() throws {
        let data = Data("姓名\t张三\n年龄\t30\n".utf8)
        let error = #expect(throws: EvalSheetError.self) { try TSVFormat().read(data, options: ReadOptions()) }
        #expect(error?.kind == .invalidForm)
        #expect(error?.message.contains("not a 项目支出绩效自评表 in any known layout: closest is ") == true)
        #expect(error?.message.contains("not found: \u{201C}") == true, "names the labels it looked for")
    }

    @Test func formsOneAfterAnotherGiveOneReadingEach() throws {
        let first = try Data(contentsOf: TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        let second = try Data(contentsOf: TestFiles.fixture("tsv/quirks/excel-quoting.txt"))
        let readings = try TSVFormat().read(first + second, options: ReadOptions())
        #expect(readings.count == 2)
        #expect(readings.map { $0.form } == [try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt")),
                                             try TestFiles.readForm(TestFiles.fixture("tsv/quirks/excel-quoting.txt"))])
        #expect(readings[1].cells["project.code"].map { $0 != "B5" } == true, "the second form's cells are its own")
    }

    @Test func aBadAmountNamesItsCellAndField() throws {
        var text = try String(contentsOf: TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "2555831.40\t10", with: "两百万\t10")
        let error = #expect(throws: EvalSheetError.self) { try TSVFormat().read(Data(text.utf8), options: ReadOptions()) }
        #expect(error?.message.contains("cell E9") == true)
        #expect(error?.message.contains("funds.total.executed") == true)
        #expect(error?.message.contains("两百万") == true)
    }

    /// An amount may restate the table's own unit (`150元` where the table is in 元); another unit is refused.
    @Test func anAmountRestatingTheTablesUnitReadsWithoutIt() throws {
        let seed = try String(contentsOf: TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"), encoding: .utf8)
        for (written, read) in [("2555831.40元", "2555831.40"), ("2555831.40 元 ", "2555831.40"), ("２５５５８３１．４０元", "2555831.40")] {
            let text = seed.replacingOccurrences(of: "2555831.40\t10", with: written + "\t10")
            let form = try #require(try TSVFormat().read(Data(text.utf8), options: ReadOptions()).first?.form)
            #expect(form.decimal("funds.total.executed")?.description == read, "\(written)")
        }
        let text = seed.replacingOccurrences(of: "2555831.40\t10", with: "2555831.40美元\t10")
        let error = #expect(throws: EvalSheetError.self) { try TSVFormat().read(Data(text.utf8), options: ReadOptions()) }
        #expect(error?.message.contains("cell E9") == true, "another unit is refused")
        #expect(error?.message.contains("\"2555831.40美元\"") == true, "the refusal quotes the cell as written: \(error?.message ?? "")")
    }

    /// A refused value in the layout that fits best is reported, not read in another layout that happens to take it.
    @Test func aBadAmountIsNotReadInAnotherLayout() throws {
        var text = try String(contentsOf: TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "2555831.40\t10", with: "255.58万\t10")
        let error = #expect(throws: EvalSheetError.self) { try TSVFormat().read(Data(text.utf8), options: ReadOptions()) }
        #expect(error?.message.contains("cell E9") == true && error?.message.contains("\"255.58万\"") == true, "\(error?.message ?? "")")
    }

    @Test func readerRecordsTheCellOfEachField() throws {
        let reading = try FormFiles.read(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt").path)[0]
        #expect(reading.cells["project.code"] == "B5")
        #expect(reading.cells["funds.total.executed"] == "E9")
        #expect(reading.cells["indicators[0].categories[3].items[0].score"] == "H22")
        #expect(reading.cells["indicators[1].weight"] == "B26")
    }
}
