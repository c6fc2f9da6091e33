import Foundation

/// Converts every form under a folder tree into another folder, mirroring the tree, on several cores,
/// going on past bad files and recording what happened to each.
public struct BatchConverter: Sendable {
    /// What happened to one input (or one sheet of a workbook).
    public struct Outcome: Sendable {
        public enum Status: String, Sendable { case ok, warnings, failed }
        public let input: String
        public let sheet: String?
        public let output: String?
        public let status: Status
        public let findings: [Finding]
        public let error: String?
        public let milliseconds: Double
    }

    public let inputRoot: URL
    public let outputRoot: URL
    public let format: any FormFormat
    public let mode: ImportMode
    public let jobs: Int
    public let noClobber: Bool
    /// Stems that more than one input shares (`a.txt`, `a.json`): their outputs keep the input's extension.
    private var colliding: Set<String> = []

    private init(copying other: BatchConverter, colliding: Set<String>) {
        self = other
        self.colliding = colliding
    }

    public init(input: URL, output: URL, format: any FormFormat, mode: ImportMode = .export, jobs: Int, noClobber: Bool = false) {
        self.inputRoot = input.standardizedFileURL
        self.outputRoot = output.standardizedFileURL
        self.format = format
        self.mode = mode
        self.jobs = max(1, jobs)
        self.noClobber = noClobber
    }

    /// Every input under the root: files with a known extension, and unzipped spreadsheets (folders with `[Content_Types].xml`).
    public func inputs() throws -> [String] {
        let known = Set(FormatRegistry.all().flatMap(\.extensions))
        var found: [String] = []
        func walk(_ folder: URL, _ relative: String) throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            for name in names where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                let path = relative.isEmpty ? name : relative + "/" + name
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    if url.standardizedFileURL.path == outputRoot.path { continue }
                    if FileManager.default.fileExists(atPath: url.appendingPathComponent("[Content_Types].xml").path) {
                        found.append(path)
                    } else {
                        try walk(url, path)
                    }
                } else if known.contains(url.pathExtension.lowercased()) {
                    found.append(path)
                }
            }
        }
        try walk(inputRoot, "")
        return found
    }

    /// Converts `inputs` (paths relative to the input root), calling `progress` after each with the count done.
    public func run(_ inputs: [String], progress: @escaping @Sendable (Int, Outcome) -> Void) -> [Outcome] {
        let stems = inputs.map(stem)
        let counts = Dictionary(stems.map { ($0, 1) }, uniquingKeysWith: +)
        let converter = BatchConverter(copying: self, colliding: Set(counts.filter { $0.value > 1 }.keys))
        let queue = WorkQueue(count: inputs.count)
        let results = OutcomeStore(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, inputs.count))) { _ in
            while let index = queue.next() {
                let outcomes = converter.convert(inputs[index])
                results.set(index, outcomes)
                for outcome in outcomes { progress(results.done, outcome) }
            }
        }
        return results.all
    }

    /// Converts one input; a workbook holding several forms gives one output per form.
    func convert(_ relative: String) -> [Outcome] {
        let started = DispatchTime.now()
        let inputPath = inputRoot.appendingPathComponent(relative).path
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6 }
        let readings: [FormReading]
        do {
            readings = try FormFiles.read(inputPath)
        } catch {
            return [Outcome(input: relative, sheet: nil, output: nil, status: .failed, findings: [], error: "\(error)", milliseconds: elapsed())]
        }
        var outcomes: [Outcome] = []
        for reading in readings {
            let output = outputPath(for: relative, sheet: readings.count > 1 ? reading.sheet : nil)
            do {
                let checked = try FormImport.check(reading, mode: mode)
                try FileManager.default.createDirectory(at: outputRoot.appendingPathComponent(output).deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try FormFiles.write(checked.form, to: outputRoot.appendingPathComponent(output).path, format: format, noClobber: noClobber)
                let status: Outcome.Status = checked.findings.isEmpty ? .ok : .warnings
                outcomes.append(Outcome(input: relative, sheet: reading.sheet, output: output, status: status,
                                        findings: checked.findings, error: nil, milliseconds: elapsed()))
            } catch {
                outcomes.append(Outcome(input: relative, sheet: reading.sheet, output: nil, status: .failed, findings: [],
                                        error: "\(error)", milliseconds: elapsed()))
            }
        }
        return outcomes
    }

    private func stem(_ relative: String) -> String {
        let ext = (relative as NSString).pathExtension
        return ext.isEmpty ? relative : String(relative.dropLast(ext.count + 1))
    }

    /// `a/b/form.txt` → `a/b/form.xlsx`; a sheet of a workbook adds its name: `a/b/book-党建事务.json`;
    /// `a.txt` beside `a.json` → `a.txt.xlsx`.
    func outputPath(for relative: String, sheet: String?) -> String {
        var base = stem(relative)
        if colliding.contains(base) { base = relative }
        if let sheet { base += "-" + sheet.replacingOccurrences(of: "/", with: "_") }
        return base + "." + format.extensions[0]
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
