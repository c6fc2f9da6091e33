import Foundation
import Testing
@testable import EvalSheet

/// Spreadsheets: files made by LibreOffice and openpyxl read right; our template reads back to the same form.
@Suite struct XLSXTests {
    static var fixtures: [URL] {
        let folder = TestFiles.fixture("xlsx")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".xlsx") || $0 == "unzipped-seed" }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("spreadsheets made by other software read as their expected JSON", arguments: fixtures)
    func readsAsExpected(_ input: URL) throws {
        let expectedURL = input.deletingPathExtension().appendingPathExtension("expected.json")
        let expected = try TestFiles.readForm(expectedURL)
        #expect(try TestFiles.readForm(input) == expected, "\(input.lastPathComponent)")
    }

    @Test func moreDigitsThanExcelKeepsAreNoted() throws {
        var form = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        form["funds.total.executed"] = .decimal(FormDecimal(parsing: "12345678901234567.12"))
        let notes = try XLSXFormat().notes(for: form, options: WriteOptions())
        #expect(notes.map(\.en) == ["funds.total.executed: 12345678901234567.12 has 19 significant digits; Excel keeps 15, so the spreadsheet holds it rounded"])
        #expect(try JSONFormat().notes(for: form, options: WriteOptions()).isEmpty, "JSON keeps every digit")
        #expect(FormDecimal(parsing: "2555831.40")?.significantDigits == 8 && FormDecimal(parsing: "0.001")?.significantDigits == 1)
    }

    @Test func theFormIsFoundOnItsSheetWhereverItSits() throws {
        let reading = try FormFiles.read(TestFiles.fixture("xlsx/moved-form.xlsx").path)
        #expect(reading.count == 1)
        #expect(reading[0].sheet == "2023年自评")
        #expect(reading[0].cells["project.code"] == "D5", "the title sits at C4, the project row below it")
        let error = #expect(throws: EvalSheetError.self) {
            try FormFiles.read(TestFiles.fixture("xlsx/moved-form.xlsx").path, options: ReadOptions(sheet: "说明"))
        }
        #expect(error?.message.contains("sheet 说明: not a 项目支出绩效自评表") == true)
        let missing = #expect(throws: EvalSheetError.self) {
            try FormFiles.read(TestFiles.fixture("xlsx/moved-form.xlsx").path, options: ReadOptions(sheet: "Sheet9"))
        }
        #expect(missing?.message.contains("the workbook has: 说明, 2023年自评") == true)
    }

    @Test("TSV → XLSX → JSON equals TSV → JSON", arguments: TestFiles.tsvFixtures)
    func tsvThroughXLSX(_ input: URL) throws {
        let form = try TestFiles.readForm(input)
        let xlsx = try XLSXFormat().write(form, options: WriteOptions())
        #expect(try XLSXFormat().read(xlsx, options: ReadOptions())[0].form == form)
    }

    @Test("random forms survive XLSX", arguments: 0..<60)
    func randomFormsRoundTrip(_ seed: Int) throws {
        let form = RandomForms.form(seed: UInt64(seed))
        let xlsx = try XLSXFormat().write(form, options: WriteOptions())
        #expect(try XLSXFormat().read(xlsx, options: ReadOptions())[0].form == form, "seed \(seed)")
    }

    @Test func theSeedPassesThroughEveryPairOfFormats() throws {
        let seed = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        let formats: [any FormFormat] = [TSVFormat(), JSONFormat(), XLSXFormat()]
        for first in formats {
            for second in formats {
                let once = try first.read(try first.write(seed, options: WriteOptions()), options: ReadOptions())[0].form
                let twice = try second.read(try second.write(once, options: WriteOptions()), options: ReadOptions())[0].form
                #expect(twice == seed, "\(first.name) → \(second.name)")
            }
        }
    }

    @Test func aBlankTemplateHasEveryInputEmptyAndKeepsSystemFields() throws {
        let seed = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        let xlsx = try XLSXFormat().write(seed.clearingInputs(layout: try Layouts.standard), options: WriteOptions())
        let blank = try XLSXFormat().read(xlsx, options: ReadOptions())[0].form
        #expect(blank.text("overallGoal.actual")?.isEmpty == true)
        #expect(blank.text("overallGoal.expected") == seed.text("overallGoal.expected"))
        #expect(blank.values.filter { $0.key.hasPrefix("funds.") } == seed.values.filter { $0.key.hasPrefix("funds.") })
        let items = blank.indicators.flatMap(\.categories).flatMap(\.items)
        #expect(items.count == 10)
        #expect(items.allSatisfy { $0.text("actual") == "" && $0.decimal("weight") == nil && $0.decimal("score") == nil && $0.text("deviationReason") == "" })
        #expect(items.map { $0.text("target") } == seed.allItems.map { $0.text("target") })
    }

    @Test func anEmptyTemplateHasTheStandardIndicators() throws {
        let layout = try Layouts.standard
        let xlsx = try XLSXFormat().write(layout.emptyForm, options: WriteOptions())
        let form = try XLSXFormat().read(xlsx, options: ReadOptions())[0].form
        #expect(form.indicators.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(form.indicators.map(\.categories.count) == [4, 4, 2])
        #expect(form.decimal("funds.total.executed") == nil, "the plain form: nothing filled, nothing cached")
        let blank = try XLSXFormat().read(try XLSXFormat().write(layout.emptyForm.clearingInputs(layout: layout), options: WriteOptions()),
                                          options: ReadOptions())[0].form
        #expect(blank.decimal("funds.total.executed") == FormDecimal(0) && blank.decimal("totalScore") == FormDecimal(0),
                "a blank template caches what Excel computes over empty cells: 0")
    }

    @Test func aBlankTemplateFromAFormCachesWhatItsFormulasGive() throws {
        let seed = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        let blank = seed.clearingInputs(layout: try Layouts.standard)
        #expect(blank.decimal("totalScore")?.description == "9.98", "the funds score alone: every item score is empty")
        #expect(blank.decimal("totalWeight") == FormDecimal(10))
        #expect(blank.decimal("funds.score")?.description == "9.98" && blank.decimal("funds.executionRate")?.description == "99.84")
    }

    @Test func aTextOverExcelsCellLimitNamesItsField() throws {
        var form = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        form.indicators[0].categories[1].items[0]["deviationReason"] = .text(String(repeating: "偏", count: 32_768))
        let error = #expect(throws: EvalSheetError.self) { try XLSXFormat().write(form, options: WriteOptions()) }
        #expect(error?.message.hasPrefix("indicators[0].categories[1].items[0].deviationReason: 32768 characters, over Excel's 32767-character cell limit") == true)
    }

    @Test func aLongGoalGetsRowsEnoughToShowItInFull() throws {
        var form = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        form["overallGoal.actual"] = .text(String(repeating: "完成情况良好。", count: 600))
        let layout = SheetLayout(form: form, template: try Layouts.standard)
        let goal = layout.rows.first { $0.cells.contains { $0.path == "overallGoal.actual" } }!
        let continuation = layout.rows.filter(\.isContinuation)
        #expect(!continuation.isEmpty)
        #expect(layout.rows.allSatisfy { $0.height <= TextMeasure.maximumRowHeight })
        #expect(layout.merges.contains { $0.firstRow == goal.index && $0.lastRow == goal.index + continuation.count })
        #expect(try XLSXFormat().read(try XLSXFormat().write(form, options: WriteOptions()), options: ReadOptions())[0].form == form)
    }
}

/// How stored numbers are shown, as Excel and LibreOffice show them.
@Suite struct NumberFormatTests {
    @Test(arguments: [
        ("General", "2555831.4", "2555831.4"), ("#,##0.00", "2560000", "2,560,000.00"), ("0%", "1", "100%"),
        ("0.0%", "0.9984", "99.8%"), ("0.00", "9.985", "9.99"), ("0", "2023", "2023"), ("@", "007", "007"),
        ("General", "0.30000000000000004", "0.3"), ("General", "1E-3", "0.001"), ("#,##0.00_);[Red]\\(#,##0.00\\)", "-1234.5", "-1,234.50"),
        ("0.00%", "1", "100.00%"), ("General", "4.4030722047150003E+20", "440307220471500000000"),
        ("General", "0", "0"), ("0.00%", "0.9984", "99.84%"), ("0.00%", "0", "0.00%"), ("0.00%", "-0.0025", "-0.25%"),
        ("0.00%", "0.123456", "12.35%"), ("0%", "0.5", "50%"), ("0.00%", "12.5", "1250.00%"), ("#,##0.00%", "123.4567", "12,345.67%"),
        ("0.0%", "0.00001", "0.0%"), ("0.00", "-.5", "-0.50"), ("0", "-.00", "0"), ("0.00%", "-.00", "0.00%"),
    ])
    func shows(_ code: String, _ stored: String, _ shown: String) {
        #expect(NumberFormat(code: code).display(stored) == shown)
    }

    /// Fixed places and percents shown without arithmetic agree with the exact decimal arithmetic on random numbers.
    @Test func showsWhatDecimalArithmeticGives() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let count = Int.random(in: 1...12, using: &generator)
            var digits = String((0..<count).map { _ in "0123456789".randomElement(using: &generator)! })
            if count > 1, Bool.random(using: &generator) { digits.insert(".", at: digits.index(digits.startIndex, offsetBy: Int.random(in: 1..<count, using: &generator))) }
            let raw = (Bool.random(using: &generator) ? "-" : "") + digits
            let places = Int.random(in: 0...4, using: &generator), percent = Bool.random(using: &generator)
            let code = (places == 0 ? "0" : "0." + String(repeating: "0", count: places)) + (percent ? "%" : "")
            let value = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX"))!
            let expected = FormDecimal(percent ? value * 100 : value, scale: places).rounded(places).description + (percent ? "%" : "")
            #expect(NumberFormat(code: code).display(raw) == expected, "\(raw) as \(code)")
        }
    }
}
