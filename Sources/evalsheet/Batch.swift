import ArgumentParser
import EvalSheet
import Foundation

/// `evalsheet batch IN OUT --to FORMAT`: every form under a folder tree, on every core, with a report.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert every form under a folder into another folder, mirroring the tree.",
        discussion: """
        Goes on past bad files; writes OUTPUT_DIR/report.csv and report.json (file, sheet, output, status, findings, error, time) and exits 1 if any file failed. A workbook holding several forms (one per sheet) gives one output per form, named after the sheet.

        Example:
          evalsheet batch 历年自评表/ 转换结果/ --to json --jobs 2
        """
    )

    @Argument(help: "The folder to read.") var inputDirectory: String
    @Argument(help: "The folder to write (created if missing).") var outputDirectory: String

    @Option(help: "Output format: \(FormatRegistry.names).") var to: String
    @Option(help: "Parallel conversions (default: the number of cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "export (default) or import (greyed fields unverified without a baseline).") var mode: String = "export"
    @Option(help: "Language of findings in the report: zh or en (default: from LANG).") var lang: String?
    @Flag(help: "Refuse to replace existing output files.") var noClobber = false
    @Option(help: "Seconds reading one file may take before it is refused (default 60).") var fileSeconds: Double = 60

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard fileSeconds > 0 else { throw ValidationError("--file-seconds must be more than 0") }
        guard ImportMode(rawValue: mode) != nil else { throw ValidationError("unknown mode \"\(mode)\"; use export or import") }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("unknown language \"\(lang)\"; use zh or en") }
    }

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inputDirectory, isDirectory: &isFolder), isFolder.boolValue else {
            throw EvalSheetError(.unreadable, "\(inputDirectory): not a folder; give the folder holding the forms")
        }
        let output = URL(fileURLWithPath: outputDirectory)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw EvalSheetError(.unreadable, "\(outputDirectory): cannot create the output folder (\(error.localizedDescription))")
        }
        let language = lang.flatMap(Language.init(rawValue:)) ?? .fromEnvironment(ProcessInfo.processInfo.environment)
        let converter = BatchConverter(input: URL(fileURLWithPath: inputDirectory), output: output,
                                       format: try FormatRegistry.format(named: to), mode: ImportMode(rawValue: mode)!,
                                       jobs: jobs, noClobber: noClobber, fileSeconds: fileSeconds)
        let inputs = try converter.inputs()
        let lock = try FolderLock(folder: output)
        defer { lock.release() }
        stopBetweenFilesOnInterrupt()
        let progress = Progress(total: inputs.count)
        let started = Date()
        let outcomes = converter.run(inputs) { done, outcome in progress.update(done: done, outcome: outcome) }
        progress.finish()
        let interrupted = Interruption.requested
        try AtomicFile.write(Data(BatchReport.csv(outcomes, language: language, interrupted: interrupted).utf8), to: output.appendingPathComponent("report.csv").path)
        try AtomicFile.write(Data(BatchReport.json(outcomes, language: language, interrupted: interrupted).utf8), to: output.appendingPathComponent("report.json").path)
        let failed = outcomes.filter { $0.status == .failed }.count, skipped = outcomes.filter { $0.status == .skipped }.count
        let seconds = Date().timeIntervalSince(started)
        FileHandle.standardError.write(Data(String(format: "evalsheet: %@%d converted, %d failed, %d skipped in %.2f s; report in %@\n",
                                                   interrupted ? "interrupted: " : "", outcomes.count - failed - skipped, failed, skipped, seconds,
                                                   output.appendingPathComponent("report.csv").path).utf8))
        if interrupted { throw ExitCode(130) }
        if failed > 0 { throw ExitCode(1) }
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

/// A progress bar on a terminal, plain progress lines otherwise, on stderr.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var failed = 0
    private var lastLine = -1

    init(total: Int) { self.total = total }

    func update(done: Int, outcome: BatchConverter.Outcome) {
        lock.withLock {
            if outcome.status == .failed {
                failed += 1
                FileHandle.standardError.write(Data(((isTerminal ? "\r\u{1B}[K" : "") + "failed: \(outcome.error ?? outcome.input)\n").utf8))
            }
            if isTerminal {
                let width = 30
                let filled = total == 0 ? width : width * done / total
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)  failed \(failed)".utf8))
            } else {
                let step = max(1, total / 20)
                if done / step != lastLine || done == total {
                    lastLine = done / step
                    FileHandle.standardError.write(Data("progress: \(done)/\(total) files, \(failed) failed\n".utf8))
                }
            }
        }
    }

    func finish() { if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) } }
}
