extension BatchConverter {
    /// What happened to one input (or one sheet of a workbook), or to a system export no filled form was paired with.
    public struct Outcome: Sendable {
        /// The report's status; its raw value is what report.csv and report.json say.
        public enum Status: String, Sendable {
            /// Converted; the checks found nothing.
            case ok
            /// Converted; the checks found warnings only.
            case warnings
            /// Converted; the checks found errors (the batch exits 1).
            case errors
            /// Converted without a system export to check it against, or a system export without a filled form.
            case unpaired
            /// Not converted: unreadable, not the form, or several system exports for its project (the batch exits 1).
            case failed
            /// Not followed: a link out of the tree or into a folder already read.
            case skipped
            /// Read and checked, but its output was already there and `--no-clobber` kept it.
            case exists = "skipped (exists)"
            /// Not a form file (a README, a .doc, an .xls), left alone.
            case notAForm = "skipped (not a form file)"

            /// True for the statuses that say the input was left alone.
            public var isSkipped: Bool { [.skipped, .exists, .notAForm].contains(self) }
        }

        /// The path below the input folder; empty for a system export's row.
        public let input: String
        public let sheet: String?
        /// The input as the summaries name it: `a/book.xlsx (党建事务)` for one sheet of a workbook.
        public var shownName: String { input + (sheet.map { " (\($0))" } ?? "") }
        public let output: String?
        public let status: Status
        public let findings: [Finding]
        public let error: BilingualText?
        public let milliseconds: Double
        /// What else the report says: a name that is not UTF-8, an output renamed to stay unique.
        public var notes: [BilingualText] = []
        /// The system exports (below `--baseline-dir`) the form was checked against, or that this row is about.
        public var baselines: [String] = []
        /// What the summary workbook shows of the form as checked; nil when none was read. Not the form itself: a batch
        /// held every form it read until the end (about 18 KB each).
        public var summaryLine: BatchSummary.Line?
        /// A filled form read with `--baseline-dir` that no system export is the project of, whatever its status.
        public var lacksExport = false
        /// `--no-clobber` kept an output that was already there (the status stays `errors` or `unpaired` when it is).
        public var keptExisting = false

        /// True when this batch wrote the form's output.
        public var wroteOutput: Bool { output != nil && !keptExisting && [.ok, .warnings, .errors, .unpaired].contains(status) }
        public var errorCount: Int { findings.filter { $0.severity == .error }.count }
        public var warningCount: Int { findings.count - errorCount }

        /// A system export that could not be read (`failed`), or that is not a form file (`skipped (not a form file)`).
        static func baselineFailure(_ name: String, _ message: BilingualText, status: Status = .failed) -> Outcome {
            Outcome(input: "", sheet: nil, output: nil, status: status, findings: [], error: message, milliseconds: 0, baselines: [name])
        }

        /// A system export no filled form under the input folder is the project of.
        static func unpairedBaseline(_ name: String, project: String) -> Outcome {
            Outcome(input: "", sheet: nil, output: nil, status: .unpaired, findings: [], error: nil, milliseconds: 0,
                    notes: [BatchMessages.noFilledForm(project)], baselines: [name])
        }
    }
}
