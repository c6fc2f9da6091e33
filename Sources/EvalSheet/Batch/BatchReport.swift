import Foundation

/// The batch report: `report.csv` for people with a spreadsheet, `report.json` for systems.
public enum BatchReport {
    /// Starts with a byte-order mark (U+FEFF) and ends lines in CRLF, so Excel on a Chinese Windows opens the UTF-8 legibly.
    /// Notes come first in the findings column, as `[note] …`; with `interrupted`, a last row says the batch was stopped
    /// before it was done.
    public static func csv(_ outcomes: [BatchConverter.Outcome], language: Language, interrupted: Bool = false) -> String {
        var lines = ["file,sheet,output,status,findings,error,milliseconds,baseline"]
        for outcome in outcomes {
            let findings = (outcome.notes.map { "[note] \($0.text(language))" }
                + outcome.findings.map { Reports.describe($0, language: language) }).joined(separator: "; ")
            lines.append([outcome.input, outcome.sheet ?? "", outcome.output ?? "", outcome.status.rawValue, findings,
                          outcome.error?.text(language) ?? "", outcome.milliseconds.fixedText(places: 1),
                          outcome.baselines.joined(separator: "; ")].map(field).joined(separator: ","))
        }
        if interrupted { lines.append(",,,interrupted,,\(field(BatchMessages.interrupted.text(language))),,") }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// With `interrupted`, `"interrupted": true` says the batch was stopped before it was done.
    public static func json(_ outcomes: [BatchConverter.Outcome], language: Language, interrupted: Bool = false) -> String {
        func count(_ statuses: BatchConverter.Outcome.Status...) -> JSONOutput.Value {
            .raw(String(outcomes.filter { statuses.contains($0.status) }.count))
        }
        var out = JSONOutput()
        out.object {
            $0.field("interrupted", .raw(interrupted ? "true" : "false"))
            $0.field("converted", .raw(String(outcomes.filter(\.wroteOutput).count)))
            $0.field("errors", count(.errors))
            $0.field("unpaired", count(.unpaired))
            $0.field("failed", count(.failed))
            $0.field("skipped", .raw(String(outcomes.filter(\.status.isSkipped).count)))
            // written as they go: a tree of values and closures cost 18,000 instructions a file
            $0.field("files", array: outcomes) { out, outcome in out.object {
                $0.field("file", .string(outcome.input))
                $0.field("sheet", outcome.sheet.map { .string($0) } ?? .raw("null"))
                $0.field("output", outcome.output.map { .string($0) } ?? .raw("null"))
                $0.field("baselines", .array(outcome.baselines.map { .string($0) }))
                $0.field("status", .string(outcome.status.rawValue))
                $0.field("findings", array: outcome.findings) { out, finding in out.object {
                    $0.field("severity", .string(finding.severity.rawValue))
                    $0.field("code", .string(finding.code))
                    $0.field("path", .string(finding.path))
                    $0.field("place", .string(finding.place(language)))
                    $0.field("cell", finding.cell.map { .string($0) } ?? .raw("null"))
                    $0.field("message", .string(finding.message(language)))
                } }
                $0.field("error", outcome.error.map { .string($0.text(language)) } ?? .raw("null"))
                $0.field("milliseconds", .raw(outcome.milliseconds.fixedText(places: 1)))
                $0.field("notes", .array(outcome.notes.map { .string($0.text(language)) }))
            } }
        }
        return out.text + "\n"
    }

    /// One CSV field, quoted when needed; a leading =, +, - or @ is neutralised so spreadsheets do not run it.
    /// Looked at as bytes: a `\r\n` is one Character, equal to neither `\r` nor `\n`, and went out unquoted, breaking
    /// the row (and by Characters the check cost 2,700 instructions a field, 1,600 fields in a batch of 200).
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.utf8.first, "=+-@".utf8.contains(first) { value = "'" + value }
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
