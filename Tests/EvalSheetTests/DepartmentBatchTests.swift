import Foundation
import Testing
@testable import EvalSheet

/// `batch` for a department, on the real binary: filled forms paired with the system's exports, every file in the
/// report, statuses, exit codes, report.csv for Excel, the summary workbook and a `--no-clobber` rerun.
@Suite struct DepartmentBatchTests {
    let seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt")

    /// The seed as text with cells replaced: `(row, column, value)`, rows and columns from 0; the total row by name.
    private func seedEdited(_ changes: [(Int, Int, String)], totalScore: String? = nil) throws -> String {
        var rows = try String(contentsOf: seed, encoding: .utf8).components(separatedBy: "\n").map { $0.components(separatedBy: "\t") }
        for (row, column, value) in changes { rows[row][column] = value }
        if let totalScore, let total = rows.firstIndex(where: { $0.first == "总分" }) { rows[total][7] = totalScore }
        return rows.map { $0.joined(separator: "\t") }.joined(separator: "\n")
    }

    /// A department: SYSTEM/ holds the system's exports, 已填/ what the units sent back.
    private func department() throws -> (system: URL, filled: URL) {
        let root = TestFiles.temporaryDirectory()
        let system = root.appendingPathComponent("SYSTEM"), filled = root.appendingPathComponent("已填")
        for (from, to) in [("tsv/000_e57ca213149e2c8b.expected.json", system.appendingPathComponent("党建事务.json")),
                           ("real/yunnan-yongde-2022-nutrition/expected.json", system.appendingPathComponent("营养改善.json")),
                           ("tsv/quirks/other-project-gbk.txt", system.appendingPathComponent("环境整治.txt")),
                           ("real/yunnan-yongde-2022-nutrition/form.tsv", filled.appendingPathComponent("营养改善.tsv")),
                           ("real/hunan-hengshan-2020-grain-reserve/form.tsv", filled.appendingPathComponent("衡山储备粮.tsv")),
                           ("hostile/excel-97-2003.xlsx", filled.appendingPathComponent("旧表.xls"))] {
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestFiles.fixture(from), to: to)
        }
        let street = filled.appendingPathComponent("街道")
        try FileManager.default.createDirectory(at: street, withIntermediateDirectories: true)
        // 成本指标's score 9 → 8, the total with it: a legitimate change of an input.
        try seedEdited([(21, 7, "8")], totalScore: "97.98").write(to: street.appendingPathComponent("党建事务-已填.txt"), atomically: true, encoding: .utf8)
        // A greyed amount (当年财政拨款 年初预算数) changed: the system's value is kept and the change reported.
        try seedEdited([(9, 2, "2600000.00")]).write(to: street.appendingPathComponent("党建事务-改金额.txt"), atomically: true, encoding: .utf8)
        // A score above its weight: an error.
        try seedEdited([(21, 7, "12")], totalScore: "101.98").write(to: street.appendingPathComponent("党建事务-超分.txt"), atomically: true, encoding: .utf8)
        try "本文件夹存放各单位报送的项目支出绩效自评表。\n".write(to: filled.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
        return (system, filled)
    }

    private func report(_ folder: URL) throws -> [String: [String: Any]] {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as! [String: Any]
        let files = root["files"] as! [[String: Any]]
        return Dictionary(files.map { (($0["file"] as! String).isEmpty ? "SYSTEM/" + ($0["baselines"] as! [String]).joined() : $0["file"] as! String, $0) },
                          uniquingKeysWith: { a, _ in a })
    }

    private func statuses(_ report: [String: [String: Any]]) -> [String: String] { report.mapValues { $0["status"] as! String } }

    @Test func pairsChecksReportsAndSummarisesADepartment() throws {
        let (system, filled) = try department()
        let output = filled.deletingLastPathComponent().appendingPathComponent("导入")
        let summary = filled.deletingLastPathComponent().appendingPathComponent("汇总.xlsx")
        let arguments = ["batch", filled.path, output.path, "--to", "json", "--baseline-dir", system.path, "--summary", summary.path, "--lang", "en"]
        let first = try MeasuredRun.run(arguments)
        #expect(first.status == 1, "a form with errors makes the batch exit 1: \(first.stderr)")
        let entries = try report(output)
        #expect(statuses(entries) == [
            "街道/党建事务-已填.txt": "ok", "街道/党建事务-改金额.txt": "warnings", "街道/党建事务-超分.txt": "errors",
            "营养改善.tsv": "ok", "衡山储备粮.tsv": "unpaired",
            "README.txt": "skipped (not a form file)", "旧表.xls": "skipped (not a form file)", "SYSTEM/环境整治.txt": "unpaired",
        ])
        #expect(entries["街道/党建事务-已填.txt"]?["baselines"] as? [String] == ["党建事务.json"])
        #expect(entries["营养改善.tsv"]?["baselines"] as? [String] == ["营养改善.json"], "paired by name, unit and year: the form has no code")
        #expect(entries["衡山储备粮.tsv"]?["baselines"] as? [String] == [])
        let changed = (entries["街道/党建事务-改金额.txt"]?["findings"] as? [[String: Any]])?.map { $0["code"] as! String }
        #expect(changed == ["system-changed"])
        #expect((entries["旧表.xls"]?["error"] as? String)?.contains("Excel 97-2003") == true)
        #expect((entries["衡山储备粮.tsv"]?["findings"] as? [[String: Any]])?.first?["message"] as? String
                == "No system export in the baseline folder (--baseline-dir) is this project and year: greyed fields were read as they stand and could not be verified.")
        #expect(first.stderr.contains("5 converted, 0 failed, 2 skipped in "))
        #expect(first.stderr.contains("evalsheet: 1 with errors: 街道/党建事务-超分.txt\n"))
        #expect(first.stderr.contains("evalsheet: 1 without a system export: 衡山储备粮.tsv\n"))
        #expect(first.stderr.contains("evalsheet: 1 system exports without a filled form: 环境整治.txt\n"))

        let csv = try Data(contentsOf: output.appendingPathComponent("report.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, so Excel reads UTF-8")
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.contains("error Indicators › 产出指标 › "), "findings named by their place in words: \(text)")
        #expect(text.hasPrefix("file,sheet,output,status,findings,error,milliseconds,baseline\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == 10, "a header, eight rows and the empty end: \(text)")
        #expect(text.contains("\r\nREADME.txt,,,skipped (not a form file),,\"not a form file: text without a single tab"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF line ends only")

        let grid = try summaryGrid(summary)
        #expect(grid.rows[0].cells == BatchSummary.headers)
        #expect(grid.rows.count == 7, "a header, five forms and the totals")
        let byFile = Dictionary(grid.rows.dropFirst().map { ($0[12], $0) }, uniquingKeysWith: { a, _ in a })
        let clean = try #require(byFile["街道/党建事务-已填.txt"])
        #expect(clean[0] == "深圳市龙岗区横岗街道党建服务中心" && clean[2] == "440307220471500100001" && clean.number(at: 3) == "2023")
        #expect(clean.number(at: 5) == "2560000" && clean[5] == "2,560,000.00", "an amount is a number with a format, not text")
        #expect(clean.number(at: 6) == "2555831.4" && clean.number(at: 7) == "99.84" && clean.number(at: 8) == "97.98")
        #expect(clean[11] == "通过")
        let grain = try #require(byFile["衡山储备粮.tsv"])
        #expect(grain[4] == "万元" && grain.number(at: 5) == "1949000", "194.9 万元 is 1,949,000 元")
        let errors = try #require(byFile["街道/党建事务-超分.txt"])
        #expect(errors[11] == "有错误" && Int(errors.number(at: 9) ?? "") ?? 0 > 0)
        let totals = grid.rows[6]
        #expect(totals[0].hasPrefix("合计") && totals[4] == "元")
        #expect(totals.number(at: 5) == "10016664.62", "3 × 2,560,000 + 387,664.62 + 1,949,000")
        #expect(totals.number(at: 6) == "10004158.82", "3 × 2,555,831.40 + 387,664.62 + 1,949,000")
        let sheet = String(decoding: try #require(try ZipParts(data: Data(contentsOf: summary)).read("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<sheetProtection"), "protected like the form templates")

        let again = try MeasuredRun.run(arguments + ["--no-clobber"])
        #expect(again.status == 1, "the form with errors still has them on a rerun: \(again.stderr)")
        let rerun = statuses(try report(output))
        #expect(rerun.filter { $0.value == "skipped (exists)" }.keys.sorted() == ["营养改善.tsv", "街道/党建事务-已填.txt", "街道/党建事务-改金额.txt"].sorted())
        #expect(rerun["街道/党建事务-超分.txt"] == "errors" && rerun["衡山储备粮.tsv"] == "unpaired", "errors and a missing export stay reported")
        #expect(rerun["SYSTEM/环境整治.txt"] == "unpaired" && rerun["SYSTEM/党建事务.json"] == nil, "the forms were still read and paired")
        #expect(again.stderr.contains("0 converted, 0 failed, 5 skipped in "))
        #expect(again.stderr.contains("evalsheet: 1 with errors: 街道/党建事务-超分.txt\n"))
        let alone = try MeasuredRun.run(["batch", filled.path, output.path, "--to", "json", "--no-clobber"])
        #expect(alone.status == 1, "without the exports, 超分 still has its error")
    }

    @Test func filesAreKnownByTheirContentAndNoExportVanishes() throws {
        let (system, filled) = try department()
        // a CSV Excel saved, named .txt; an .xlsx renamed .xls; an unreadable note among the exports
        try FileManager.default.copyItem(at: TestFiles.fixture("csv/libreoffice-seed-comma.csv"), to: filled.appendingPathComponent("导出.txt"))
        try FileManager.default.copyItem(at: TestFiles.fixture("xlsx/libreoffice-seed.xlsx"), to: filled.appendingPathComponent("改名.xls"))
        try "说明, 本文件夹为系统导出\n".write(to: system.appendingPathComponent("说明.txt"), atomically: true, encoding: .utf8)
        let output = filled.deletingLastPathComponent().appendingPathComponent("导入")
        _ = try MeasuredRun.run(["batch", filled.path, output.path, "--to", "json", "--baseline-dir", system.path, "--lang", "en"])
        let entries = try report(output)
        #expect(entries["导出.txt"]?["output"] as? String == "导出.json", "a comma-separated form is a form, whatever its name")
        #expect(entries["改名.xls"]?["output"] as? String == "改名.json", "an .xlsx renamed .xls is read")
        #expect(entries["旧表.xls"]?["status"] as? String == "skipped (not a form file)", "a real Excel 97-2003 file is not")
        #expect(entries["README.txt"]?["status"] as? String == "skipped (not a form file)")
        #expect(entries["SYSTEM/说明.txt"]?["status"] as? String == "skipped (not a form file)", "an export that is not one says so")
    }

    @Test func twoSystemExportsOfOneProjectAreReportedNotGuessed() throws {
        let (system, filled) = try department()
        try FileManager.default.copyItem(at: seed, to: system.appendingPathComponent("党建事务-副本.txt"))
        let output = filled.deletingLastPathComponent().appendingPathComponent("导入")
        let result = try MeasuredRun.run(["batch", filled.path, output.path, "--to", "json", "--baseline-dir", system.path, "--lang", "zh"])
        #expect(result.status == 1)
        let entry = try #require(try report(output)["街道/党建事务-已填.txt"])
        #expect(entry["status"] as? String == "failed")
        #expect(entry["baselines"] as? [String] == ["党建事务-副本.txt", "党建事务.json"])
        #expect((entry["error"] as? String)?.hasPrefix("系统导出中有多份项目 440307220471500100001 (2023) 的表") == true)
        #expect(result.stderr.contains("失败："))
        #expect(!result.stderr.contains("failed"))
    }

    @Test func failureAdviceNeverNamesAnOptionBatchLacks() {
        let encoding = BilingualText(EvalSheetError(.unreadable, "a.txt: not valid utf-8 text; convert again with --encoding set to the file's encoding",
                                                    zh: "a.txt：不是有效的 utf-8 文本；请用 --encoding 指定文件的编码后重新转换"))
        #expect(BatchAdvice.fitted(encoding).en == "a.txt: not valid utf-8 text; save the file as UTF-8 text (or GB18030) and run the batch again")
        let layout = BilingualText(en: "looks like the form; try --input-layout mof, or send the file", zh: "看起来是该表；可尝试 --input-layout mof，或提供此文件")
        #expect(!BatchAdvice.fitted(layout).en.contains("--") && !BatchAdvice.fitted(layout).zh.contains("--"))
        let own = BilingualText(en: "x: still not read when the time ran out (batch --file-seconds); refused", zh: "x")
        #expect(BatchAdvice.fitted(own) == own)
    }

    /// The summary's one sheet as the project's XLSX reader sees it: shown text, and stored numbers.
    private func summaryGrid(_ url: URL) throws -> Grid {
        let parts = try ZipParts(data: Data(contentsOf: url))
        let workbook = try WorkbookPart(parts: parts)
        let strings = try SharedStringsPart(try workbook.sharedStrings.flatMap { try parts.read($0) }, part: workbook.sharedStrings ?? "")
        let styles = try StylesPart(try workbook.styles.flatMap { try parts.read($0) }, part: workbook.styles ?? "")
        let sheet = try #require(workbook.sheets.first)
        return try SheetPart.grid(try #require(try parts.read(sheet.part)), part: sheet.part, sharedStrings: strings.strings, styles: styles)
    }
}
