import Foundation

/// The system's exports of a department's forms (`batch --baseline-dir`), found by project: every form under the
/// folder, read once before the batch starts.
public struct BaselineIndex: Sendable {
    /// One system export: where it is (`a.xlsx`, or `a.xlsx#sheet` for one of several forms) and its form.
    struct Entry: Sendable {
        let name: String
        let form: Form
    }

    /// What a filled form pairs with.
    enum Match {
        case none
        case one(Entry)
        case several([Entry])
    }

    private let entries: [ProjectKey: [Entry]]
    /// The exports that could not be read, as report rows.
    let failures: [BatchConverter.Outcome]

    /// Reads every form under `folder` on up to `jobs` threads; what is not a form there is left out, what fails to
    /// read is reported.
    public init(folder: URL, fileSeconds: Double, jobs: Int = 1) {
        var walker = BatchInputWalker(root: Array(folder.standardizedFileURL.path.utf8), excluded: [],
                                      extensions: Set(FormatRegistry.all().flatMap(\.extensions)))
        let reader = BatchReader(root: folder.standardizedFileURL, seconds: fileSeconds)
        let inputs = Array(walker.walk())
        let read = ParallelMap.map(inputs.count, jobs: jobs) { index -> Result<[FormReading], Error>? in
            guard inputs[index].problem == nil else { return nil }
            return Result { try reader.read(inputs[index]) }
        }
        var entries: [ProjectKey: [Entry]] = [:]
        var failures: [BatchConverter.Outcome] = []
        for (input, result) in zip(inputs, read) {
            switch result ?? nil {
            case nil:
                if let problem = input.problem { failures.append(.baselineFailure(input.relative, problem.message, status: problem.status)) }
            case .success(let readings):
                for reading in readings {
                    let name = readings.count > 1 ? input.relative + "#" + (reading.sheet ?? "") : input.relative
                    entries[ProjectKey(reading.form), default: []].append(Entry(name: name, form: reading.form))
                }
            case .failure(let failure as BatchFailure):
                failures.append(.baselineFailure(input.relative, failure.message, status: failure.skipped ? .notAForm : .failed))
            case .failure(let error):
                failures.append(.baselineFailure(input.relative, BilingualText(en: "\(error)", zh: "\(error)")))
            }
        }
        self.entries = entries
        self.failures = failures
    }

    /// The system export of `form`'s project.
    func match(_ form: Form) -> Match {
        let found = entries[ProjectKey(form)] ?? []
        switch found.count {
        case 0: return .none
        case 1: return .one(found[0])
        default: return .several(found)
        }
    }

    /// A report row for each export no outcome was paired with (its name not among `paired`), in name order.
    func unpaired(_ paired: Set<String>) -> [BatchConverter.Outcome] {
        entries.flatMap { key, found in
            found.filter { !paired.contains($0.name) }.map { BatchConverter.Outcome.unpairedBaseline($0.name, project: key.shown) }
        }.sorted { $0.baselines.lexicographicallyPrecedes($1.baselines) }
    }
}
