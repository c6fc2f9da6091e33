import Foundation

/// Checks a form the way a finance office does before accepting it: required inputs, types, and the layout's
/// formulas evaluated in decimals.
public struct FormValidator {
    let layout: Layout
    private var findings: [Finding] = []
    private var cells = CellMap()
    /// The form's field list, and its path → label made from it when the first finding needs one.
    private var fields: [FormField] = []
    private var labels: [String: String]?

    public init(layout: Layout) { self.layout = layout }

    /// Every finding for the form as read; a blank template gets one warning instead of missing-input errors.
    public mutating func validate(_ reading: FormReading) -> [Finding] {
        findings = []
        cells = reading.cells
        let form = reading.form
        let fields = form.fields(layout: layout)
        self.fields = fields
        labels = nil
        let inputs = fields.filter { $0.role.isInput }
        let isBlank = !inputs.isEmpty && inputs.allSatisfy { $0.value.isEmpty }
        if let last = reading.cutShort {
            add(.error, "form-cut-short", "", expected: nil, found: last,
                zh: "表格不完整：读到\(last)为止（缺少总分行），已按读到的内容转换。",
                en: "The form is cut short: it ends at \(last) with no total row; what was there has been read.")
        }
        if isBlank {
            add(.warning, "blank-template", "", expected: nil, found: nil,
                zh: "这是空白导入模板：所有填报项均未填写。", en: "This is a blank import template: no input field is filled in.")
        } else {
            checkRequired(fields, formulasWithoutValue: reading.formulasWithoutValue)
            checkFormulas(form, fields)
            checkIndicators(form)
        }
        checkTypes(form, fields, blank: isBlank)
        return findings
    }

    // MARK: Rules

    private mutating func checkRequired(_ fields: [FormField], formulasWithoutValue: Set<String>) {
        for field in fields where field.role == .required && field.value.isEmpty {
            if let cell = cells[field.path], formulasWithoutValue.contains(cell) {
                add(.error, "formula-without-value", field.path, expected: "a value", found: "",
                    zh: "“\(field.label)”是公式，但文件保存时没有计算结果（openpyxl、pandas 等程序保存的文件如此）：请在 Excel、WPS 或 LibreOffice 中打开并保存后再转换。",
                    en: "\(field.label) holds a formula saved without its result (as openpyxl or pandas save files): open and save the file in Excel, WPS or LibreOffice, then convert again.")
            } else {
                add(.error, "required-missing", field.path, expected: "a value", found: "",
                    zh: "必填项“\(field.label)”未填写。", en: "Required field \(field.label) is empty.")
            }
        }
    }

    /// Types of system fields; a blank template may leave code and year empty.
    private mutating func checkTypes(_ form: Form, _ fields: [FormField], blank: Bool) {
        if layout.has("project.code") {
            let code = form.text("project.code") ?? ""
            if (code.isEmpty && !blank) || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                add(.error, "code-invalid", "project.code", expected: "letters and digits only", found: code,
                    zh: "项目编码应只含字母和数字，现为“\(code)”。", en: "The project code must be letters and digits only; found \"\(code)\".")
            }
        }
        if let year = form.integer("project.year"), !(1000...9999).contains(year) {
            add(.error, "year-invalid", "project.year", expected: "a four-digit year", found: String(year),
                zh: "绩效自评年度应为四位年份，现为\(year)。", en: "The year must have four digits; found \(year).")
        } else if form.integer("project.year") == nil, !blank, layout.has("project.year") {
            add(.error, "year-invalid", "project.year", expected: "a four-digit year", found: "",
                zh: "绩效自评年度未填写。", en: "The year is missing.")
        }
        // Amounts are kept to the cent: two places in 元, six in 万元.
        let amountPlaces = 2 + String(FieldCatalog.shared.moneyUnits[form.moneyUnit] ?? 1).count - 1
        for field in fields {
            guard case .decimal(let value?) = field.value else { continue }
            if value.value < 0 {
                add(.error, "negative-number", field.path, expected: "≥ 0", found: value.description,
                    zh: "“\(field.label)”不能为负数，现为\(value)。", en: "\(field.label) must not be negative; found \(value).")
            }
            if field.cell?.effectiveFormat == .amount, value.significantScale > amountPlaces {
                add(.error, "amount-precision", field.path, expected: "at most \(amountPlaces) decimal places", found: value.description,
                    zh: "金额“\(field.label)”最多保留\(amountPlaces)位小数（到分），现为\(value)。",
                    en: "Amount \(field.label) may have at most \(amountPlaces) decimal places (cents); found \(value).")
            }
        }
    }

    /// Each computed field against its formula, in decimals.
    private mutating func checkFormulas(_ form: Form, _ fields: [FormField]) {
        for field in fields {
            guard let cell = field.cell, let formula = cell.formula, let found = field.value.decimal,
                  let expected = cell.parsedFormula?.evaluate(form) else { continue }
            // The formula rounds where the form rounds (ROUND(…, 2)); sums of amounts stay exact.
            let rounded = FormDecimal(expected, atLeast: found.scale)
            guard rounded != found else { continue }
            let code = cell.rule ?? "formula"
            let (zh, en) = Self.ruleText[code] ?? ("“\(field.label)”应等于公式 \(formula) 的结果", "\(field.label) must equal its formula \(formula)")
            add(.error, code, field.path, expected: rounded.description, found: found.description,
                zh: "\(zh)：应为\(rounded)，现为\(found)。", en: "\(en): expected \(rounded), found \(found).")
        }
    }

    /// What each rule of the layouts checks, for the messages.
    private static let ruleText: [String: (String, String)] = [
        "funds-sum": ("年度资金总额应等于各资金来源之和", "The total must equal the sum of the funds rows"),
        "execution-rate": ("执行率应为全年执行数÷全年预算数×100（保留两位小数）", "The execution rate must be executed ÷ annual budget × 100, to two places"),
        "funds-score": ("资金得分应为分值×执行率（不超过100%）", "The funds score must be weight × execution rate (at most 100%)"),
        "total-weight": ("总分值应等于资金分值与各三级指标分值之和", "The total weight must equal the funds weight plus every item's weight"),
        "total-score": ("总得分应等于资金得分与各三级指标得分之和", "The total score must equal the funds score plus every item's score"),
    ]

    /// The indicator tree: level-1 weights, scores within weights, and the full marks.
    private mutating func checkIndicators(_ form: Form) {
        let itemsHaveWeights = layout.has("item.weight")
        // each level 1's weight: its own, else (where items carry weights) the sum of its items'
        var levelWeights: [FormDecimal?] = []
        for (i, indicator) in form.indicators.enumerated() {
            let sum = indicator.categories.flatMap(\.items).compactMap { $0.decimal("weight") }.reduce(FormDecimal(0), +)
            levelWeights.append(indicator.weight ?? (itemsHaveWeights ? sum : nil))
            if itemsHaveWeights, let weight = indicator.weight, weight != sum {
                add(.error, "indicator-weight", IndicatorPath.indicator(i, field: "weight"), expected: sum.description, found: weight.description,
                    zh: "“\(indicator.name)”的分值应等于其三级指标分值之和：应为\(sum)，现为\(weight)。",
                    en: "The weight of \(indicator.name) must equal the sum of its items' weights: expected \(sum), found \(weight).")
            }
            for (c, category) in indicator.categories.enumerated() {
                for (n, item) in category.items.enumerated() {
                    guard let score = item.decimal("score"), let weight = item.decimal("weight"), score > weight else { continue }
                    add(.error, "score-above-weight", IndicatorPath.item(i, c, n, field: "score"), expected: "≤ \(weight)", found: score.description,
                        zh: "得分\(score)超过了该项分值\(weight)。", en: "The score \(score) is above the item's weight \(weight).")
                }
            }
        }
        let fundsWeight = layout.fundsInFullMarks ? form.decimal("funds.weight") : FormDecimal(0)
        guard let fundsWeight, !form.indicators.isEmpty, !levelWeights.contains(nil) else { return }
        let total = levelWeights.compactMap { $0 }.reduce(fundsWeight, +)
        let fullMarks = FormDecimal(FieldCatalog.shared.fullMarks)
        if total != fullMarks {
            add(.error, "total-weight-not-\(fullMarks)", "totalWeight", expected: fullMarks.description, found: total.description,
                zh: "资金分值与各一级指标分值之和应为\(fullMarks)，现为\(total)。", en: "The funds weight and level-1 weights must add up to \(fullMarks); they add up to \(total).")
        }
    }

    // MARK: Building findings

    private mutating func add(_ severity: Finding.Severity, _ code: String, _ path: String, expected: String?, found: String?, zh: String, en: String) {
        if labels == nil { labels = Dictionary(fields.map { ($0.path, $0.label) }, uniquingKeysWith: { first, _ in first }) }
        findings.append(Finding(severity: severity, code: code, path: path, label: labels?[path] ?? "", cell: cells[path],
                                expected: expected, found: found, messageZH: zh, messageEN: en))
    }
}

extension Finding {
    /// Builds a finding about one field, labelled from the layout.
    static func about(_ field: FormField, severity: Severity, code: String, cell: String?, expected: String?, found: String?, zh: String, en: String) -> Finding {
        Finding(severity: severity, code: code, path: field.path, label: field.label, cell: cell,
                expected: expected, found: found, messageZH: zh, messageEN: en)
    }
}
