import Foundation

/// Converts every form under a folder tree into another folder, mirroring the tree, on several cores,
/// going on past bad files and recording what happened to each; with system exports, checks each form against its own.
public struct BatchConverter: Sendable {
    public let inputRoot: URL
    public let outputRoot: URL
    /// `outputRoot`'s path.
    private let outputFolder: String
    public let format: any FormFormat
    public let mode: ImportMode
    /// The system exports the forms are checked against in import mode (`--baseline-dir`).
    public let baselines: BaselineIndex?
    public let jobs: Int
    public let noClobber: Bool
    /// The time reading one file may take before it is refused.
    public let fileSeconds: Double

    public init(input: URL, output: URL, format: any FormFormat, mode: ImportMode = .export, baselines: BaselineIndex? = nil,
                jobs: Int, noClobber: Bool = false, fileSeconds: Double = 60) {
        self.inputRoot = input.standardizedFileURL
        self.outputRoot = output.standardizedFileURL
        self.outputFolder = outputRoot.path
        self.format = format
        self.mode = mode
        self.baselines = baselines
        self.jobs = max(1, jobs)
        self.noClobber = noClobber
        self.fileSeconds = fileSeconds
    }

    /// Every file under the root (hidden ones aside): forms by extension, unzipped spreadsheets (folders with
    /// `[Content_Types].xml`), and what is reported instead (files that are not forms, link loops, links out of the tree,
    /// unreadable folders). Refuses an output folder that is the input folder; one inside it, or the baseline folder
    /// inside it, is left out of the inputs.
    public func inputs(baselineFolder: URL? = nil) throws -> [BatchInput] {
        var input = stat(), output = stat(), baseline = stat()
        let hasOutput = stat(outputRoot.path, &output) == 0
        if hasOutput, stat(inputRoot.path, &input) == 0, input.st_dev == output.st_dev, input.st_ino == output.st_ino {
            throw EvalSheetError(.usage, "\(outputRoot.path): is the input folder; write into another folder (the forms would be replaced)",
                                 zh: "\(outputRoot.path)：是输入文件夹；请输出到另一个文件夹（否则表单会被替换）")
        }
        var excluded = hasOutput ? [(output.st_dev, output.st_ino)] : []
        if let baselineFolder, stat(baselineFolder.path, &baseline) == 0 { excluded.append((baseline.st_dev, baseline.st_ino)) }
        var walker = BatchInputWalker(root: Array(inputRoot.path.utf8), excluded: excluded,
                                      extensions: Set(FormatRegistry.all().flatMap(\.extensions)))
        return walker.walk()
    }

    /// Converts `inputs`, calling `progress` after each with the count done; stops between files once
    /// `Interruption.requested`, leaving out what was not started. With system exports, the rows of those that could
    /// not be read, and (unless interrupted) of those no form was paired with, come last.
    public func run(_ inputs: [BatchInput], progress: @escaping @Sendable (Int, Outcome) -> Void) -> [Outcome] {
        let names = OutputNames()
        let stems = inputs.map { Self.stem($0.relative) }
        let counts = Dictionary(stems.map { ($0, 1) }, uniquingKeysWith: +)
        let planned = inputs.indices.map { index -> (path: String, note: BilingualText?) in
            let input = inputs[index]
            guard input.problem == nil else { return ("", nil) }
            let wanted = outputPath(for: input.relative, sheet: nil, keepExtension: counts[stems[index]]! > 1)
            let path = names.claim(wanted)
            return (path, path == wanted ? nil : BatchMessages.renamed(path, wanted: wanted))
        }
        let outcomes = ParallelMap.map(inputs.count, jobs: jobs, stop: { Interruption.requested }) { index in
            convert(inputs[index], output: planned[index], names: names)
        } finished: { done, outcomes in
            for outcome in outcomes { progress(done, outcome) }
        }.flatMap { $0 ?? [] }
        guard let baselines else { return outcomes }
        let unpaired = Interruption.requested ? [] : baselines.unpaired(Set(outcomes.flatMap(\.baselines)))
        return outcomes + baselines.failures + unpaired
    }

    /// Converts one input; a workbook holding several forms gives one output per form.
    func convert(_ input: BatchInput, output planned: (path: String, note: BilingualText?), names: OutputNames) -> [Outcome] {
        let started = DispatchTime.now()
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6 }
        func failed(_ message: BilingualText, status: Outcome.Status = .failed, sheet: String? = nil, baselines: [String] = []) -> Outcome {
            Outcome(input: input.relative, sheet: sheet, output: nil, status: status, findings: [], error: message,
                    milliseconds: elapsed(), notes: input.notes, baselines: baselines)
        }
        if let problem = input.problem {
            return [Outcome(input: input.relative, sheet: nil, output: nil, status: problem.status, findings: [], error: problem.message, milliseconds: 0)]
        }
        let shown = input.shown(under: inputRoot)
        let readings: [FormReading]
        do {
            readings = try BatchReader(root: inputRoot, seconds: fileSeconds).read(input)
        } catch let failure as BatchFailure {
            return [failed(failure.message, status: failure.skipped ? .notAForm : .failed)]
        } catch {
            return [failed(BilingualText(en: "\(shown): \(error)", zh: "\(shown)：\(error)"))]
        }
        var outcomes: [Outcome] = []
        for reading in readings {
            var notes = input.notes + [planned.note].compactMap { $0 }
            if let note = FormFiles.hiddenSheetNote(reading) { notes.append(note) }
            var output = planned.path
            if readings.count > 1 {
                let wanted = outputPath(for: input.relative, sheet: reading.sheet, keepExtension: false)
                output = names.claim(wanted)
                if output != wanted { notes.append(BatchMessages.renamed(output, wanted: wanted)) }
            }
            let pairing = pair(reading.form)
            if case .several(let found) = pairing {
                outcomes.append(failed(BatchMessages.severalBaselines(ProjectKey(reading.form).shown, found.map(\.name)), sheet: reading.sheet,
                                       baselines: found.map(\.name)))
                continue
            }
            let baseline: BaselineIndex.Entry? = if case .one(let entry) = pairing { entry } else { nil }
            do {
                let checked = try FormImport.check(reading, mode: mode, baseline: baseline?.form)
                let findings = checked.findings.map { reworded($0) }
                var status: Outcome.Status = findings.contains { $0.severity == .error } ? .errors
                    : baselines != nil && baseline == nil ? .unpaired : findings.isEmpty ? .ok : .warnings
                // joined as text: a URL's appending, path and parent cost 75,000 instructions a file
                let target = outputFolder.hasSuffix("/") ? outputFolder + output : outputFolder + "/" + output
                let kept = noClobber && access(target, F_OK) == 0
                if kept {
                    // errors and a missing export stay in the report and the exit code; a clean form is just skipped
                    if status == .ok || status == .warnings { status = .exists }
                    notes.append(BatchMessages.exists(output))
                } else {
                    try names.makeFolder(Self.folder(of: target))
                    try FormFiles.write(checked.form, to: target, format: format, noClobber: noClobber)
                }
                outcomes.append(Outcome(input: input.relative, sheet: reading.sheet, output: output, status: status, findings: findings,
                                        error: nil, milliseconds: elapsed(), notes: notes, baselines: baseline.map { [$0.name] } ?? [],
                                        summaryLine: BatchSummary.Line(checked.form), lacksExport: baselines != nil && baseline == nil, keptExisting: kept))
            } catch let error as EvalSheetError {
                outcomes.append(failed(BatchAdvice.fitted(BilingualText(error.located(in: shown))), sheet: reading.sheet,
                                       baselines: baseline.map { [$0.name] } ?? []))
            } catch {
                outcomes.append(failed(BilingualText(en: "\(shown): \(error)", zh: "\(shown)：\(error)"), sheet: reading.sheet))
            }
        }
        return outcomes
    }

    /// The system export `form` is checked against: none outside import mode or without `--baseline-dir`.
    private func pair(_ form: Form) -> BaselineIndex.Match {
        guard mode == .import, let baselines else { return .none }
        return baselines.match(form)
    }

    /// A finding as batch words it: `system-unverified` names `--baseline-dir`, the option batch has.
    private func reworded(_ finding: Finding) -> Finding {
        guard finding.code == "system-unverified" else { return finding }
        let message = BatchMessages.unverified(folderGiven: baselines != nil)
        return Finding(severity: finding.severity, code: finding.code, path: finding.path, label: finding.label, cell: finding.cell,
                       expected: finding.expected, found: finding.found, messageZH: message.zh, messageEN: message.en)
    }

    /// The folder holding the file at absolute `path`: `/out/a/form.json` → `/out/a`, `/form.json` → `/`.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    static func stem(_ relative: String) -> String {
        let ext = PathExtension.of(relative)
        return ext.isEmpty ? relative : String(relative.dropLast(ext.count + 1))
    }

    /// `a/b/form.txt` → `a/b/form.xlsx`; a sheet of a workbook adds its name: `a/b/book-党建事务.json`;
    /// with `keepExtension` (`a.txt` beside `a.json`) → `a.txt.xlsx`.
    func outputPath(for relative: String, sheet: String?, keepExtension: Bool) -> String {
        Self.outputPath(for: relative, sheet: sheet, keepExtension: keepExtension, extension: format.extensions[0])
    }

    /// The same, ending in `ext`.
    static func outputPath(for relative: String, sheet: String?, keepExtension: Bool, extension ext: String) -> String {
        var base = keepExtension ? relative : Self.stem(relative)
        if let sheet { base += "-" + sheet.replacingOccurrences(of: "/", with: "_") }
        return base + "." + ext
    }
}

/// The output paths a batch has given out, so no two outcomes write one file: a taken path gets `-2`, `-3`…; and the
/// output folders it has made.
final class OutputNames: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = Set<String>()
    private var folders = Set<String>()

    /// Makes `folder` and those above it, once a run: Foundation's check of a folder that is there cost a system call
    /// and its path handling for every file.
    func makeFolder(_ path: String) throws {
        if lock.withLock({ folders.contains(path) }) { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        lock.withLock { _ = folders.insert(path) }
    }

    func claim(_ path: String) -> String {
        lock.withLock {
            let ext = PathExtension.of(path)
            let stem = BatchConverter.stem(path)
            var candidate = path
            var number = 1
            while !taken.insert(candidate).inserted {
                number += 1
                candidate = "\(stem)-\(number)" + (ext.isEmpty ? "" : "." + ext)
            }
            return candidate
        }
    }
}
