import Foundation
import Testing
@testable import EvalSheet

/// The checks a finance office makes: each rule passes on the seed and fails on a form that breaks it.
@Suite struct ValidationTests {
    let seed = try! TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))

    private func findings(_ form: Form) -> [Finding] {
        var validator = try! FormValidator(layout: Layouts.standard)
        return validator.validate(FormReading(form: form))
    }

    private func codes(_ form: Form) -> [String] { findings(form).map(\.code) }

    @Test func theSeedIsClean() {
        #expect(findings(seed).isEmpty)
    }

    @Test func requiredInputsMustBeFilled() {
        var form = seed
        form["overallGoal.actual"] = .text("")
        form.indicators[0].categories[0].items[0]["score"] = nil
        let found = findings(form).filter { $0.code == "required-missing" }
        #expect(found.map(\.path) == ["overallGoal.actual", "indicators[0].categories[0].items[0].score"])
        #expect(found[1].label == "* 得分")
        #expect(found[1].messageZH == "必填项“* 得分”未填写。")
        #expect(found[1].messageEN == "Required field * 得分 is empty.")
    }

    @Test func typesOfSystemFields() {
        var form = seed
        form["project.code"] = .text("4403-07")
        form["project.year"] = .integer(23)
        form["funds.other.executed"] = .decimal(FormDecimal(parsing: "0.001"))
        form["funds.carryover.initialBudget"] = .decimal(FormDecimal(parsing: "-5"))
        let found = codes(form)
        #expect(found.contains("code-invalid") && found.contains("year-invalid"))
        #expect(found.contains("amount-precision") && found.contains("negative-number"))
    }

    @Test func fundsRowsMustAddUp() {
        var form = seed
        form["funds.carryover.executed"] = .decimal(FormDecimal(parsing: "100.00"))
        let finding = findings(form).first { $0.code == "funds-sum" }
        #expect(finding?.path == "funds.total.executed")
        #expect(finding?.expected == "2555931.40" && finding?.found == "2555831.40")
    }

    @Test func executionRateAndFundsScoreFollowTheSpec() {
        var form = seed
        form["funds.executionRate"] = .decimal(FormDecimal(parsing: "99.83"))
        form["funds.score"] = .decimal(FormDecimal(parsing: "10"))
        let found = findings(form)
        #expect(found.first { $0.code == "execution-rate" }?.expected == "99.84")
        #expect(found.first { $0.code == "funds-score" }?.expected == "9.98", "10 × 0.9983 = 9.983 → 9.98")
    }

    @Test func weightsAndScoresAddUp() {
        var form = seed
        form.indicators[0].categories[3].items[0]["score"] = .decimal(FormDecimal(parsing: "11"))
        form.indicators[1].weight = FormDecimal(parsing: "35")
        let found = codes(form)
        #expect(found.contains("score-above-weight"))
        #expect(found.contains("indicator-weight"))
        #expect(found.contains("total-weight-not-100"), "10 + 50 + 35 + 10 is not 100")
        #expect(found.contains("total-score"))
    }

    @Test func recomputeFillsTheComputedFields() {
        var form = seed
        form["funds.executionRate"] = nil
        form["funds.score"] = nil
        form["totalScore"] = .decimal(FormDecimal(0))
        form["totalWeight"] = nil
        let fixed = form.recomputed()
        #expect(fixed.decimal("funds.executionRate")?.description == "99.84")
        #expect(fixed.decimal("funds.score")?.description == "9.98")
        #expect(fixed.decimal("totalScore")?.description == "98.98")
        #expect(fixed.decimal("totalWeight") == FormDecimal(100))
        #expect(findings(fixed).isEmpty)
    }

    @Test func aBlankTemplateIsRecognised() throws {
        let found = findings(seed.clearingInputs(layout: try Layouts.standard))
        #expect(found.map(\.code) == ["blank-template"])
        #expect(findings(try Layouts.standard.emptyForm).map(\.code) == ["blank-template"])
    }

    @Test func aFormulaSavedWithoutItsResultSaysWhatToDo() throws {
        let reading = try FormFiles.read(TestFiles.fixture("xlsx/formula-without-value.xlsx").path)[0]
        var validator = try FormValidator(layout: Layouts.standard)
        let finding = validator.validate(reading).first { $0.path == "indicators[0].categories[3].items[0].score" }
        #expect(finding?.code == "formula-without-value" && finding?.cell == "H22")
        #expect(finding?.messageEN.contains("open and save the file in Excel, WPS or LibreOffice") == true)
    }

    @Test func findingsCarryTheCellTheyCameFrom() throws {
        let reading = try FormFiles.read(TestFiles.fixture("tsv/quirks/other-project-gbk.txt").path)[0]
        var validator = try! FormValidator(layout: Layouts.standard)
        let found = validator.validate(reading)
        #expect(found.map(\.code) == ["total-weight", "total-score", "indicator-weight"], "items add up to 55 under 产出指标 (60分)")
        #expect(found[0].cell == "G28" && found[0].expected == "95" && found[0].found == "100")
        #expect(found[1].cell == "H28" && found[1].expected == "90.75" && found[1].found == "95.75")
        #expect(found[2].cell == "B17")
    }
}

/// Import mode: greyed fields belong to the system.
@Suite struct ImportTests {
    let baseline = try! TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.expected.json"))

    @Test("a tampered import file is reported cell by cell and imported with the system's values",
          arguments: ["import/tampered.txt", "import/tampered.xlsx"])
    func tampered(_ name: String) throws {
        let reading = try FormFiles.read(TestFiles.fixture(name).path)[0]
        let checked = try FormImport.check(reading, mode: .import, baseline: baseline)
        #expect(checked.form == (try TestFiles.readForm(TestFiles.fixture("import/tampered.expected.json"))))
        let changed = checked.findings.filter { $0.code == "system-changed" }
        #expect(changed.map(\.path) == ["project.name", "funds.currentAppropriation.initialBudget",
                                        "indicators[0].categories[2].items[0].target"])
        #expect(changed[0].found == "党建事务（改）" && changed[0].expected == "党建事务")
        #expect(changed.allSatisfy { $0.cell != nil && $0.severity == .warning })
        #expect(changed[1].messageEN.contains("the system value \"2560000.00\" was kept"))
        #expect(checked.errorCount == 0, "the score changed from 9 to 8 legitimately; the total follows it")
        let totals = checked.findings.filter { $0.code == "total-recomputed" }
        if name.hasSuffix(".txt") {
            #expect(totals.map(\.path) == ["totalScore"] && totals.first?.found == "98.98" && totals.first?.expected == "97.98",
                    "the text file kept the old total: said once")
        } else {
            #expect(totals.isEmpty, "openpyxl saved the total's formula without a value: nothing to compare")
        }
    }

    /// The system's form with one item score changed, as a unit fills it in (its spreadsheet worked the total out).
    private func filledIn(score: String, total: String) throws -> FormReading {
        var form = baseline
        form.indicators[0].categories[3].items[0]["score"] = .decimal(FormDecimal(parsing: score))
        form["totalScore"] = .decimal(FormDecimal(parsing: total))
        return FormReading(form: form)
    }

    @Test func aLegitimateScoreChangeImportsClean() throws {
        let checked = try FormImport.check(try filledIn(score: "10", total: "99.98"), mode: .import, baseline: baseline)
        #expect(checked.findings.isEmpty, "\(checked.findings.map(\.code))")
        #expect(checked.form.decimal("totalScore")?.description == "99.98")
    }

    @Test func aChangedGreyedAmountIsReported() throws {
        var reading = try filledIn(score: "9", total: "98.98")
        reading.form["funds.other.executed"] = .decimal(FormDecimal(parsing: "5.00"))
        let checked = try FormImport.check(reading, mode: .import, baseline: baseline)
        #expect(checked.findings.map(\.code) == ["system-changed"] && checked.findings.first?.path == "funds.other.executed")
        #expect(checked.form.decimal("funds.other.executed")?.description == "0.00", "the system's amount is kept")
    }

    @Test func aTotalThatDisagreesWithTheScoresIsReportedOnce() throws {
        let checked = try FormImport.check(try filledIn(score: "10", total: "90"), mode: .import, baseline: baseline)
        #expect(checked.findings.map(\.code) == ["total-recomputed"], "not also system-changed, nor a total-score error")
        #expect(checked.findings.first?.path == "totalScore" && checked.findings.first?.expected == "99.98")
        #expect(checked.form.decimal("totalScore")?.description == "99.98")
    }

    @Test func aBaselineOfAnotherProjectIsRefused() throws {
        let other = try TestFiles.readForm(TestFiles.fixture("tsv/quirks/other-project-gbk.txt"))
        let reading = try FormFiles.read(TestFiles.fixture("import/tampered.txt").path)[0]
        let error = #expect(throws: EvalSheetError.self) { try FormImport.check(reading, mode: .import, baseline: other) }
        #expect(error?.message.contains("project 440307230000200300007 (2024)") == true)
    }

    @Test func withoutABaselineTheGreyedFieldsAreUnverified() throws {
        let reading = try FormFiles.read(TestFiles.fixture("import/tampered.txt").path)[0]
        let checked = try FormImport.check(reading, mode: .import)
        #expect(checked.findings.first?.code == "system-unverified")
        #expect(checked.form.text("project.name") == "党建事务（改）")
    }
}

/// Field-by-field differences.
@Suite struct DiffTests {
    let seed = try! TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))

    @Test func aFormEqualsItselfInAnyFormat() throws {
        let fromXLSX = try TestFiles.readForm(TestFiles.fixture("xlsx/moved-form.xlsx"))
        #expect(seed.differences(from: fromXLSX).isEmpty)
    }

    @Test func aChangedCopyShowsEachField() {
        var other = seed
        other["project.name"] = .text("其他")
        other.indicators[2].categories[1].items.append(Item(["name": .text("新增")]))
        let differences = seed.differences(from: other)
        #expect(differences.first == FieldDifference(path: "project.name", label: "项目名称:", a: "党建事务", b: "其他"))
        #expect(differences.contains { $0.path == "indicators[2].categories[1].items[1].name" && $0.a == nil && $0.b == "新增" })
    }
}
