import ArgumentParser
import CMallocTuning
import EvalSheet
import Foundation

/// `evalsheet batch IN OUT --to FORMAT`: every form under a folder tree, on every core, with a report; for a
/// department, each filled form checked against its system export and a summary workbook.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert every form under a folder into another folder, mirroring the tree; check a department's forms.",
        discussion: """
        Goes on past bad files; writes OUTPUT_DIR/report.csv (UTF-8 with BOM, for Excel) and report.json: file, sheet, output, status, findings, error, time, baseline. Every file under the input folder has a row; status is ok, warnings, errors, unpaired, failed, skipped, skipped (exists) or skipped (not a form file). A workbook holding several forms (one per sheet) gives one output per form, named after the sheet.

        With --baseline-dir (implies --mode import), each filled form is checked as validate --baseline checks it, against the system export of the same project: same project code and year, or, without a code, same project name, implementing unit and year. Forms without a system export, and system exports without a filled form, are reported as unpaired; two exports of one project are reported, not guessed.

        --summary writes a protected workbook with one row per form (unit, project, code, year, money unit, annual budget and executed in 元, execution rate, total score, errors, warnings, status) and a totals row.

        Exit codes: 0 nothing failed and no errors found (warnings, unpaired and skipped files allowed), 1 a file failed or a form has errors, 2 usage errors, 130 interrupted.

        Examples:
          evalsheet batch 历年自评表/ 转换结果/ --to json --jobs 2
          evalsheet batch 各单位已填/ 导入/ --to json --baseline-dir 系统导出/ --summary 汇总.xlsx --lang zh
        """
    )

    @Argument(help: "The folder to read.") var inputDirectory: String
    @Argument(help: "The folder to write (created if missing).") var outputDirectory: String

    @Option(help: "Output format: \(FormatRegistry.names).") var to: String
    @Option(help: "Parallel conversions (default: the number of cores).") var jobs: Int = Cores.available
    @Option(help: "export (default) or import (greyed fields belong to the system; see --baseline-dir).") var mode: String?
    @Option(help: "A folder of system exports (any format) to check each filled form against; implies --mode import.") var baselineDir: String?
    @Option(help: "Also write a summary workbook (.xlsx) with one row per form and a totals row.") var summary: String?
    @OptionGroup var messages: LanguageOption
    @Flag(help: "Keep existing output files: their forms are reported as skipped (exists).") var noClobber = false
    @Option(help: "Seconds reading one file may take before it is refused (default 60).") var fileSeconds: Double = 60

    func validate() throws {
        func refuse(_ en: String, zh: String) -> ValidationError { ValidationError(CommandLanguage.text(en, zh: zh)) }
        guard jobs >= 1 else { throw refuse("--jobs must be at least 1", zh: "--jobs 至少为 1") }
        guard fileSeconds > 0 else { throw refuse("--file-seconds must be more than 0", zh: "--file-seconds 须大于 0") }
        if let mode, ImportMode(rawValue: mode) == nil {
            throw refuse("unknown mode \"\(mode)\"; use export or import", zh: "未知模式 \"\(mode)\"；请使用 export 或 import")
        }
        if mode == "export", baselineDir != nil { throw refuse("--baseline-dir belongs to --mode import", zh: "--baseline-dir 只用于 --mode import") }
        if let summary, !summary.lowercased().hasSuffix(".xlsx") {
            throw refuse("--summary writes a workbook; give a name ending in .xlsx", zh: "--summary 写出工作簿；请给出以 .xlsx 结尾的文件名")
        }
    }

    func run() throws {
        // many files, each allocating and freeing the same megabytes: keep them (a server would rather give them back)
        evalsheet_keep_freed_memory()
        try run(in: CommandLanguage.current)
    }

    private func run(in language: Language) throws {
        let output = URL(fileURLWithPath: outputDirectory)
        let baselineFolder = try baselineDir.map { try folder($0, what: BatchText.baselineFolder) }
        let input = try folder(inputDirectory, what: BatchText.inputFolder)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw EvalSheetError(.unreadable, "\(outputDirectory): cannot create the output folder (\(error.localizedDescription))",
                                 zh: "\(outputDirectory)：无法创建输出文件夹（\(error.localizedDescription)）")
        }
        let converter = BatchConverter(input: input, output: output, format: try FormatRegistry.format(named: to),
                                       mode: baselineDir != nil ? .import : mode.flatMap(ImportMode.init(rawValue:)) ?? .export,
                                       baselines: baselineFolder.map { BaselineIndex(folder: $0, fileSeconds: fileSeconds, jobs: jobs) },
                                       jobs: jobs, noClobber: noClobber, fileSeconds: fileSeconds)
        let inputs = try converter.inputs(baselineFolder: baselineFolder)
        let lock = try FolderLock(folder: output)
        defer { lock.release() }
        stopBetweenFilesOnInterrupt()
        let progress = BatchProgress(total: inputs.count, language: language)
        let started = Date()
        let outcomes = converter.run(inputs) { done, outcome in progress.update(done: done, outcome: outcome) }
        progress.finish()
        let interrupted = Interruption.requested
        let report = output.appendingPathComponent("report.csv").path
        try AtomicFile.write(Data(BatchReport.csv(outcomes, language: language, interrupted: interrupted).utf8), to: report)
        try AtomicFile.write(Data(BatchReport.json(outcomes, language: language, interrupted: interrupted).utf8), to: output.appendingPathComponent("report.json").path)
        if let summary { try BatchSummary.write(outcomes, to: summary) }
        let text = BatchText.summary(outcomes, interrupted: interrupted, seconds: Date().timeIntervalSince(started), report: report, language: language)
        FileHandle.standardError.write(Data(text.utf8))
        if interrupted { throw ExitCode(130) }
        if outcomes.contains(where: { $0.status == .failed || $0.status == .errors }) { throw ExitCode(1) }
    }

    /// The folder at `path`, or a refusal naming `what` it was to be.
    private func folder(_ path: String, what: BilingualText) throws -> URL {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw EvalSheetError(.unreadable, "\(path): not a folder; give \(what.en)", zh: "\(path)：不是文件夹；请给出\(what.zh)")
        }
        return URL(fileURLWithPath: path)
    }

    /// The first Ctrl-C or SIGTERM lets the files in hand finish and the report be written; a second one stops at once.
    private func stopBetweenFilesOnInterrupt() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { number in
                if Interruption.requested {
                    TemporaryFiles.removeAll()
                    _exit(128 + number)
                }
                Interruption.request()
            }
        }
    }
}
