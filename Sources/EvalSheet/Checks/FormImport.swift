/// How a file is taken in: as an export (every field as read) or as an import (greyed fields belong to the system).
public enum ImportMode: String, Sendable, CaseIterable {
    case export
    case `import`
}

/// A form after import and validation: the form to write and everything found on the way.
public struct CheckedForm: Sendable {
    public var form: Form
    public var findings: [Finding]
    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
}

/// Applies the form's note: on import, greyed system fields are taken from the system's record, inputs from the file.
public enum FormImport {
    /// Reads `file` in `mode`; in import mode with a baseline, system fields come from it and every changed one is reported.
    /// `recompute` works out the computed system fields before validating.
    public static func check(_ file: FormReading, mode: ImportMode, baseline: Form? = nil, recompute: Bool = false) throws -> CheckedForm {
        let layout = try Layouts.of(file.form)
        var findings: [Finding] = []
        var form = file.form
        if mode == .import {
            if let baseline {
                (form, findings) = try merge(file, into: baseline, layout: layout)
            } else {
                findings.append(Finding(severity: .warning, code: "system-unverified", path: "", label: "", cell: nil, expected: nil, found: nil,
                    messageZH: "未提供系统基准数据（--baseline），置灰信息按文件读取，未能核对。",
                    messageEN: "No system baseline (--baseline): greyed fields were read as they stand and could not be verified."))
            }
        }
        if recompute { form = form.recomputed(layout: layout) }
        var validator = FormValidator(layout: layout)
        var checked = file
        checked.form = form
        findings += validator.validate(checked)
        return CheckedForm(form: form, findings: inFormOrder(findings).map { $0.placed(in: form) })
    }

    /// Findings about the whole form first, then the others in the order of the form: its fields as the catalog lists
    /// them (project, funds, goals, indicators, totals, evaluation), indicator rows by their place in the table.
    private static func inFormOrder(_ findings: [Finding]) -> [Finding] {
        func key(_ path: String) -> (Int, Int, Int, Int, Int) {
            guard !path.isEmpty else { return (-1, 0, 0, 0, 0) }
            let catalog = FieldCatalog.shared
            guard path.hasPrefix("indicators[") else {
                return (catalog.fields.firstIndex { $0.path == path } ?? catalog.fields.count, 0, 0, 0, 0)
            }
            let numbers = IndicatorPath.indexes(path)
            let column = path.split(separator: ".").last.map(String.init) ?? ""
            let indexes = numbers + Array(repeating: -1, count: max(0, 3 - numbers.count))
            return (catalog.fields.firstIndex { $0.path == "indicators" } ?? 0, indexes[0], indexes[1], indexes[2],
                    numbers.count == 3 ? catalog.itemFields.firstIndex { $0.path == column } ?? -1 : -1)
        }
        let keys = findings.map { key($0.path) }
        return findings.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }.map { findings[$0] }
    }

    private static func merge(_ file: FormReading, into baseline: Form, layout: Layout) throws -> (Form, [Finding]) {
        let incoming = file.form
        func project(_ form: Form) -> String {
            "\(form.text("project.code") ?? form.text("project.name") ?? "?") (\(form.integer("project.year").map(String.init) ?? "no year"))"
        }
        guard incoming["project.code"] == baseline["project.code"], incoming["project.year"] == baseline["project.year"] else {
            throw EvalSheetError(.invalidForm, "the baseline is the system's record of project \(project(baseline)), but the file is project \(project(incoming)); give the baseline of the same project and year", zh: "基准数据是系统中项目 \(project(baseline)) 的记录，而文件是项目 \(project(incoming))；请提供同一项目和年度的基准数据")
        }
        guard incoming.indicatorShape == baseline.indicatorShape else {
            throw EvalSheetError(.invalidForm, "the file's indicator rows (\(incoming.indicatorShape)) differ from the system's (\(baseline.indicatorShape)); indicator rows are greyed and cannot be added or removed, so start from a template of this form", zh: "文件的指标行（\(incoming.indicatorShape)）与系统的（\(baseline.indicatorShape)）不同；指标行置灰，不能增删，请从该表的模板开始填写")
        }
        var merged = baseline
        var findings: [Finding] = []
        let systemValues = Dictionary(baseline.fields(layout: layout).map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
        // Totals that follow from the inputs (total weight, total score) are worked out again, not compared with the
        // system's: a changed score changes them legitimately.
        let dependents = layout.inputDependentCells
        let dependentPaths = Set(dependents.compactMap(\.field))
        var fileTotals: [FormField] = []
        for field in incoming.fields(layout: layout) {
            let isComputed = field.cell?.formula != nil
            if field.role.isInput {
                merged.set(field)
            } else if dependentPaths.contains(field.path) {
                fileTotals.append(field)
            } else if field.value.isEmpty, isComputed {
                continue  // a formula saved without its cached value (openpyxl does this): nothing was changed
            } else if let system = systemValues[field.path], system != field.value {
                findings.append(.about(field, severity: .warning, code: "system-changed", cell: file.cells[field.path],
                    expected: system.displayText, found: field.value.displayText,
                    zh: "置灰项“\(field.label)”被改为“\(field.value.displayText.prefix(40))”，已保留系统值“\(system.displayText.prefix(40))”。",
                    en: "Greyed field \(field.label) was changed to \"\(field.value.displayText.prefix(40))\"; the system value \"\(system.displayText.prefix(40))\" was kept."))
            }
        }
        merged = merged.recomputing(dependents)
        for field in fileTotals where !field.value.isEmpty {
            guard let worked = merged[field.path], worked != field.value else { continue }
            findings.append(.about(field, severity: .warning, code: "total-recomputed", cell: file.cells[field.path],
                expected: worked.displayText, found: field.value.displayText,
                zh: "“\(field.label)”在文件中为\(field.value.displayText)，与所填分值、得分不符，已按填报内容重新计算为\(worked.displayText)。",
                en: "\(field.label) is \(field.value.displayText) in the file, which does not follow from the weights and scores filled in; it was worked out again as \(worked.displayText)."))
        }
        return (merged, findings)
    }
}
