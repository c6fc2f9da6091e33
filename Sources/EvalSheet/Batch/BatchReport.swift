import Foundation

/// The batch report: `report.csv` for people with a spreadsheet, `report.json` for systems.
public enum BatchReport {
    /// Notes come first in the findings column, as `[note] …`; with `interrupted`, a last row says the batch was stopped before it was done.
    public static func csv(_ outcomes: [BatchConverter.Outcome], language: Language, interrupted: Bool = false) -> String {
        var lines = ["file,sheet,output,status,findings,error,milliseconds"]
        for outcome in outcomes {
            let findings = (outcome.notes.map { "[note] \($0)" } + outcome.findings.map { "[\($0.code)] \($0.path) \($0.message(language))" })
                .joined(separator: "; ")
            lines.append([outcome.input, outcome.sheet ?? "", outcome.output ?? "", outcome.status.rawValue, findings,
                          outcome.error ?? "", String(format: "%.1f", outcome.milliseconds)].map(field).joined(separator: ","))
        }
        if interrupted { lines.append(",,,interrupted,,\(interruptedMessage),") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static let interruptedMessage = "interrupted: the files above were done; run the batch again for the rest"

    /// With `interrupted`, `"interrupted": true` says the batch was stopped before it was done.
    public static func json(_ outcomes: [BatchConverter.Outcome], language: Language, interrupted: Bool = false) -> String {
        var out = JSONOutput()
        out.object {
            $0.field("interrupted", .raw(interrupted ? "true" : "false"))
            $0.field("converted", .raw(String(outcomes.filter { $0.status == .ok || $0.status == .warnings }.count)))
            $0.field("failed", .raw(String(outcomes.filter { $0.status == .failed }.count)))
            $0.field("skipped", .raw(String(outcomes.filter { $0.status == .skipped }.count)))
            $0.field("files", .array(outcomes.map { outcome in .object {
                $0.field("file", .string(outcome.input))
                $0.field("sheet", outcome.sheet.map { .string($0) } ?? .raw("null"))
                $0.field("output", outcome.output.map { .string($0) } ?? .raw("null"))
                $0.field("status", .string(outcome.status.rawValue))
                $0.field("findings", .array(outcome.findings.map { finding in .object {
                    $0.field("severity", .string(finding.severity.rawValue))
                    $0.field("code", .string(finding.code))
                    $0.field("path", .string(finding.path))
                    $0.field("cell", finding.cell.map { .string($0) } ?? .raw("null"))
                    $0.field("message", .string(finding.message(language)))
                } }))
                $0.field("error", outcome.error.map { .string($0) } ?? .raw("null"))
                $0.field("milliseconds", .raw(String(format: "%.1f", outcome.milliseconds)))
                $0.field("notes", .array(outcome.notes.map { .string($0) }))
            } }))
        }
        return out.text + "\n"
    }

    /// One CSV field, quoted when needed; a leading =, +, - or @ is neutralised so spreadsheets do not run it.
    private static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
