import Foundation

/// Converts every form under a folder tree into another folder, mirroring the tree, on several cores,
/// going on past bad files and recording what happened to each.
public struct BatchConverter: Sendable {
    /// What happened to one input (or one sheet of a workbook).
    public struct Outcome: Sendable {
        public enum Status: String, Sendable { case ok, warnings, failed, skipped }
        public let input: String
        public let sheet: String?
        public let output: String?
        public let status: Status
        public let findings: [Finding]
        public let error: String?
        public let milliseconds: Double
        /// What else the report says: a name that is not UTF-8, an output renamed to stay unique.
        public var notes: [String] = []
    }

    public let inputRoot: URL
    public let outputRoot: URL
    public let format: any FormFormat
    public let mode: ImportMode
    public let jobs: Int
    public let noClobber: Bool
    /// The time reading one file may take before it is refused.
    public let fileSeconds: Double

    public init(input: URL, output: URL, format: any FormFormat, mode: ImportMode = .export, jobs: Int, noClobber: Bool = false,
                fileSeconds: Double = 60) {
        self.inputRoot = input.standardizedFileURL
        self.outputRoot = output.standardizedFileURL
        self.format = format
        self.mode = mode
        self.jobs = max(1, jobs)
        self.noClobber = noClobber
        self.fileSeconds = fileSeconds
    }

    /// Every input under the root: files with a known extension (and .xls, to say it must be saved as .xlsx), unzipped spreadsheets (folders with
    /// `[Content_Types].xml`), and what is reported instead (link loops, links out of the tree, unreadable folders).
    /// Refuses an output folder that is the input folder; one inside it is left out of the inputs.
    public func inputs() throws -> [BatchInput] {
        var input = stat(), output = stat()
        let hasOutput = stat(outputRoot.path, &output) == 0
        if hasOutput, stat(inputRoot.path, &input) == 0, input.st_dev == output.st_dev, input.st_ino == output.st_ino {
            throw EvalSheetError(.usage, "\(outputRoot.path): is the input folder; write into another folder (the forms would be replaced)")
        }
        var walker = BatchInputWalker(root: Array(inputRoot.path.utf8), output: hasOutput ? (output.st_dev, output.st_ino) : nil,
                                      extensions: Set(FormatRegistry.all().flatMap(\.extensions) + ["xls"]))
        return walker.walk()
    }

    /// Converts `inputs`, calling `progress` after each with the count done; stops between files once
    /// `Interruption.requested`, leaving out what was not started.
    public func run(_ inputs: [BatchInput], progress: @escaping @Sendable (Int, Outcome) -> Void) -> [Outcome] {
        let names = OutputNames()
        let stems = inputs.map { stem($0.relative) }
        let counts = Dictionary(stems.map { ($0, 1) }, uniquingKeysWith: +)
        let planned = inputs.map { input -> (path: String, note: String?) in
            guard input.problem == nil else { return ("", nil) }
            let wanted = outputPath(for: input.relative, sheet: nil, keepExtension: counts[stem(input.relative)]! > 1)
            let path = names.claim(wanted)
            return (path, path == wanted ? nil : "written as \(path): \(wanted) is another output of this batch")
        }
        let queue = WorkQueue(count: inputs.count)
        let results = OutcomeStore(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, inputs.count))) { _ in
            while !Interruption.requested, let index = queue.next() {
                let outcomes = convert(inputs[index], output: planned[index], names: names)
                results.set(index, outcomes)
                for outcome in outcomes { progress(results.done, outcome) }
            }
        }
        return results.all
    }

    /// Converts one input; a workbook holding several forms gives one output per form.
    func convert(_ input: BatchInput, output planned: (path: String, note: String?), names: OutputNames) -> [Outcome] {
        let started = DispatchTime.now()
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6 }
        func failed(_ error: Any, sheet: String? = nil) -> Outcome {
            Outcome(input: input.relative, sheet: sheet, output: nil, status: .failed, findings: [], error: "\(error)",
                    milliseconds: elapsed(), notes: input.notes)
        }
        if let problem = input.problem {
            return [Outcome(input: input.relative, sheet: nil, output: nil, status: problem.fails ? .failed : .skipped, findings: [],
                            error: problem.message, milliseconds: 0)]
        }
        let shown = inputRoot.appendingPathComponent(input.relative).path
        let readings: [FormReading], hidden: Set<String>
        do {
            (readings, hidden) = try Deadline.within(seconds: fileSeconds) {
                if input.isFolder {
                    guard input.notes.isEmpty else { throw EvalSheetError(.unreadable, "\(shown): a folder whose name is not UTF-8; rename it and run again") }
                    return (try FormFiles.read(shown), [])
                }
                return try PathBytes.withOpenFile(Array(inputRoot.path.utf8) + [UInt8(ascii: "/")] + input.bytes) {
                    let readings = try FormFiles.read($0, shownAs: shown)
                    return (readings, readings.contains { $0.sheet != nil } ? FormFiles.hiddenSheets($0) : [])
                }
            }
        } catch let error as EvalSheetError {
            return [failed(error.located(in: shown))]
        } catch {
            return [failed(error)]
        }
        var outcomes: [Outcome] = []
        for reading in readings {
            var notes = input.notes + [planned.note, FormFiles.hiddenSheetNote(reading, hidden: hidden)].compactMap { $0 }
            var output = planned.path
            if readings.count > 1 {
                let wanted = outputPath(for: input.relative, sheet: reading.sheet, keepExtension: false)
                output = names.claim(wanted)
                if output != wanted { notes.append("written as \(output): \(wanted) is another output of this batch") }
            }
            do {
                let checked = try FormImport.check(reading, mode: mode)
                try FileManager.default.createDirectory(at: outputRoot.appendingPathComponent(output).deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try FormFiles.write(checked.form, to: outputRoot.appendingPathComponent(output).path, format: format, noClobber: noClobber)
                let status: Outcome.Status = checked.findings.isEmpty ? .ok : .warnings
                outcomes.append(Outcome(input: input.relative, sheet: reading.sheet, output: output, status: status,
                                        findings: checked.findings, error: nil, milliseconds: elapsed(), notes: notes))
            } catch {
                outcomes.append(failed(error, sheet: reading.sheet))
            }
        }
        return outcomes
    }

    private func stem(_ relative: String) -> String {
        let ext = (relative as NSString).pathExtension
        return ext.isEmpty ? relative : String(relative.dropLast(ext.count + 1))
    }

    /// `a/b/form.txt` → `a/b/form.xlsx`; a sheet of a workbook adds its name: `a/b/book-党建事务.json`;
    /// with `keepExtension` (`a.txt` beside `a.json`) → `a.txt.xlsx`.
    func outputPath(for relative: String, sheet: String?, keepExtension: Bool) -> String {
        var base = keepExtension ? relative : stem(relative)
        if let sheet { base += "-" + sheet.replacingOccurrences(of: "/", with: "_") }
        return base + "." + format.extensions[0]
    }
}

/// The output paths a batch has given out, so no two outcomes write one file: a taken path gets `-2`, `-3`….
final class OutputNames: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = Set<String>()

    func claim(_ path: String) -> String {
        lock.withLock {
            let ext = (path as NSString).pathExtension
            let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
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

/// Hands out indexes to worker threads.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }
}

/// Collects outcomes from worker threads in input order.
private final class OutcomeStore: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [[BatchConverter.Outcome]]
    private var finished = 0
    init(count: Int) { outcomes = Array(repeating: [], count: count) }
    func set(_ index: Int, _ value: [BatchConverter.Outcome]) {
        lock.withLock { outcomes[index] = value; finished += 1 }
    }
    var done: Int { lock.withLock { finished } }
    var all: [BatchConverter.Outcome] { lock.withLock { outcomes.flatMap { $0 } } }
}
