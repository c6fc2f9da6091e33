/// Findings and differences as text for people and as JSON for systems (shapes documented in README.md).
public enum Reports {
    /// One line per finding, its place in the form's words:
    /// `form.xlsx: H14: 错误 绩效指标 › 产出指标 › 数量指标 › 党建事务 · 得分: 得分15超过了该项分值10。 [score-above-weight]`.
    public static func text(_ findings: [Finding], file: String, language: Language) -> String {
        findings.map { "\(file): \(describe($0, language: language))\n" }.joined()
    }

    /// A finding for people: `H14: 错误 绩效指标 › … · 得分: message [code]`, without the cell when it has none.
    public static func describe(_ finding: Finding, language: Language) -> String {
        let place = finding.place(language).isEmpty ? "" : " " + finding.place(language)
        let severity = language == .zh ? (finding.severity == .error ? "错误" : "警告") : finding.severity.rawValue
        return (finding.cell.map { $0 + ": " } ?? "") + "\(severity)\(place): \(finding.message(language)) [\(finding.code)]"
    }

    public static func json(_ findings: [Finding], file: String, sheet: String?, mode: ImportMode, language: Language) -> String {
        var out = JSONOutput()
        let errors = findings.filter { $0.severity == .error }.count
        out.object {
            $0.field("file", .string(file))
            $0.field("sheet", sheet.map { .string($0) } ?? .raw("null"))
            $0.field("mode", .string(mode.rawValue))
            $0.field("valid", .raw(errors == 0 ? "true" : "false"))
            $0.field("blankTemplate", .raw(findings.contains { $0.code == "blank-template" } ? "true" : "false"))
            $0.field("errors", .raw(String(errors)))
            $0.field("warnings", .raw(String(findings.count - errors)))
            $0.field("findings", .array(findings.map { finding in .object {
                $0.field("severity", .string(finding.severity.rawValue))
                $0.field("code", .string(finding.code))
                $0.field("path", .string(finding.path))
                $0.field("label", .string(finding.label))
                $0.field("place", .string(finding.place(language)))
                $0.field("cell", finding.cell.map { .string($0) } ?? .raw("null"))
                $0.field("expected", finding.expected.map { .string($0) } ?? .raw("null"))
                $0.field("found", finding.found.map { .string($0) } ?? .raw("null"))
                $0.field("message", .string(finding.message(language)))
            } }))
        }
        return out.text + "\n"
    }

    public static func text(_ differences: [FieldDifference]) -> String {
        differences.map { "\($0.path) (\(LabelText.normalized($0.label))): \(quoted($0.a)) → \(quoted($0.b))\n" }.joined()
    }

    public static func json(_ differences: [FieldDifference], a: String, b: String) -> String {
        var out = JSONOutput()
        out.object {
            $0.field("a", .string(a))
            $0.field("b", .string(b))
            $0.field("equal", .raw(differences.isEmpty ? "true" : "false"))
            $0.field("differences", .array(differences.map { difference in .object {
                $0.field("path", .string(difference.path))
                $0.field("label", .string(difference.label))
                $0.field("a", difference.a.map { .string($0) } ?? .raw("null"))
                $0.field("b", difference.b.map { .string($0) } ?? .raw("null"))
            } }))
        }
        return out.text + "\n"
    }

    private static func quoted(_ value: String?) -> String {
        value.map { "\"\($0.prefix(80))\"" } ?? "(absent)"
    }
}
