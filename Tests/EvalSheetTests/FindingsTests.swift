import Foundation
import Testing
@testable import EvalSheet

/// Findings a clerk can act on: the place in the form's words, and the workbook with each finding's cell marked.
@Suite struct FindingsTests {
    let filled = TestFiles.fixture("findings/score-above-weight.xlsx")
    let seed = try! TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))

    @Test func placesAreNamedInTheFormsWords() {
        #expect(FieldPlace.words("indicators[0].categories[0].items[0].score", in: seed, language: .zh) == "绩效指标 › 产出指标 › 数量指标 › 党建事务 · 得分")
        #expect(FieldPlace.words("indicators[0].categories[0].items[0].score", in: seed, language: .en) == "Indicators › 产出指标 › 数量指标 › 党建事务 · score")
        #expect(FieldPlace.words("indicators[1].categories[0].items[0].target", in: seed, language: .zh) == "绩效指标 › 效益指标 › 经济效益指标 › 第 1 项 · 年度指标值",
                "an item without a name is numbered")
        #expect(FieldPlace.words("indicators[1].weight", in: seed, language: .zh) == "绩效指标 › 效益指标 · 分值")
        #expect(FieldPlace.words("funds.currentAppropriation.executed", in: seed, language: .zh) == "项目资金 › 当年财政拨款 · 全年执行数")
        #expect(FieldPlace.words("funds.total.executed", in: seed, language: .en) == "Funds › total funds · executed")
        #expect(FieldPlace.words("project.name", in: seed, language: .zh) == "项目信息 · 项目名称")
        #expect(FieldPlace.words("totalScore", in: seed, language: .zh) == "总得分")
        #expect(FieldPlace.words("", in: seed, language: .zh) == "")
    }

    @Test func validateNamesEachFindingByItsPlaceAndCell() throws {
        let result = try CLITests.run(["validate", filled.path, "--lang", "zh"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("H14: 错误 绩效指标 › 产出指标 › 数量指标 › 党建事务 · 得分: 得分15超过了该项分值10。 [score-above-weight]\n"),
                "\(result.stdout)")
        #expect(result.stdout.contains("F22: 错误 绩效指标 › 满意度指标 › 服务对象满意度指标 › 服务对象满意度 · 实际完成值: "))
        #expect(!result.stdout.contains("indicators["), "JSON paths stay in --format json")
        let cells = result.stdout.split(separator: "\n").compactMap { $0.split(separator: ": ").dropFirst().first }
        #expect(cells == ["H14", "F22", "H24", "3 个错误，0 个警告"], "in the order the form shows them, top to bottom")
        let json = try CLITests.run(["validate", filled.path, "--lang", "en", "--format", "json"])
        let findings = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any])["findings"] as! [[String: Any]]
        let above = findings.first { $0["code"] as? String == "score-above-weight" }
        #expect(above?["path"] as? String == "indicators[0].categories[0].items[0].score")
        #expect(above?["place"] as? String == "Indicators › 产出指标 › 数量指标 › 党建事务 · score")
    }

    @Test func annotateWritesTheFormBackWithTheFindingsListed() throws {
        let dir = TestFiles.temporaryDirectory()
        let annotated = dir.appendingPathComponent("已填-问题标注.xlsx")
        let before = try Data(contentsOf: filled)
        let result = try CLITests.run(["validate", filled.path, "--annotate", annotated.path, "--lang", "zh"])
        #expect(result.status == 1, "the findings still fail the check")
        #expect(try Data(contentsOf: filled) == before, "the input is never modified")
        #expect(try TestFiles.readForm(annotated) == TestFiles.readForm(filled), "the form is written back as it was filled")
        let again = try CLITests.run(["validate", annotated.path, "--lang", "zh"])
        #expect(again.stdout.components(separatedBy: "\n").filter { $0.contains(": 错误 ") }.count == 3,
                "the annotated workbook reads back with the same findings:\n\(again.stdout)")
    }

    @Test func annotateRefusesToReplaceItsInput() throws {
        let dir = TestFiles.temporaryDirectory()
        let copy = dir.appendingPathComponent("已填.xlsx")
        try FileManager.default.copyItem(at: filled, to: copy)
        let result = try CLITests.run(["validate", copy.path, "--annotate", copy.path])
        #expect(result.status == 2)
        #expect(try Data(contentsOf: copy) == Data(contentsOf: filled))
    }
}
