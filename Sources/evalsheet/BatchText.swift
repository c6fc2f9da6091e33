import EvalSheet
import Foundation

/// What `evalsheet batch` says on stderr, in English and Chinese.
enum BatchText {
    static let inputFolder = BilingualText(en: "the folder holding the forms", zh: "存放表单的文件夹")
    static let baselineFolder = BilingualText(en: "the folder holding the system exports", zh: "存放系统导出的文件夹")

    /// The closing lines: counts, time and the report's path; then the forms with errors and the unpaired on both sides.
    static func summary(_ outcomes: [BatchConverter.Outcome], interrupted: Bool, seconds: Double, report: String, language: Language) -> String {
        let converted = outcomes.filter(\.wroteOutput).count
        let failed = outcomes.filter { $0.status == .failed }.count, skipped = outcomes.filter(\.status.isSkipped).count
        let withErrors = outcomes.filter { $0.status == .errors }.map(\.shownName)
        let noExport = outcomes.filter(\.lacksExport).map(\.shownName)
        let noForm = outcomes.filter { $0.status == .unpaired && $0.input.isEmpty }.flatMap(\.baselines)
        var lines = [BilingualText(
            en: "\(interrupted ? "interrupted: " : "")\(converted) converted, \(failed) failed, \(skipped) skipped in \(seconds.fixedText(places: 2)) s; report in \(report)",
            zh: "\(interrupted ? "已中断：" : "")已转换 \(converted) 个，失败 \(failed) 个，跳过 \(skipped) 个，用时 \(seconds.fixedText(places: 2)) 秒；报告见 \(report)")]
        for (names, en, zh) in [(withErrors, "with errors", "张表有错误"), (noExport, "without a system export", "张表没有对应的系统导出"),
                                (noForm, "system exports without a filled form", "份系统导出没有对应的已填表")] where !names.isEmpty {
            lines.append(BilingualText(en: "\(names.count) \(en): \(list(names))", zh: "\(names.count) \(zh)：\(list(names))"))
        }
        return lines.map { "evalsheet: " + $0.text(language) + "\n" }.joined()
    }

    /// The progress line printed when a file failed.
    static func failed(_ what: String, language: Language) -> String { (language == .zh ? "失败：" : "failed: ") + what + "\n" }

    /// The plain progress line (not on a terminal).
    static func progress(done: Int, total: Int, failed: Int, language: Language) -> String {
        language == .zh ? "进度：\(done)/\(total) 个文件，失败 \(failed) 个\n" : "progress: \(done)/\(total) files, \(failed) failed\n"
    }

    /// The first ten names, then how many more.
    private static func list(_ names: [String]) -> String {
        names.prefix(10).joined(separator: ", ") + (names.count > 10 ? " … (+\(names.count - 10))" : "")
    }
}
