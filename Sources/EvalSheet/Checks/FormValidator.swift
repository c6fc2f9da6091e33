import Foundation

/// Checks a form the way a finance office does before accepting it: required inputs, types, arithmetic.
public struct FormValidator {
    let template: Template
    private var findings: [Finding] = []
    private var cells: [String: String] = [:]
    /// Field path → label, from the form's field list.
    private var labels: [String: String] = [:]

    public init(template: Template = .standard) { self.template = template }

    /// Every finding for the form as read; a blank template gets one warning instead of missing-input errors.
    public mutating func validate(_ reading: FormReading) -> [Finding] {
        findings = []
        cells = reading.cells
        let form = reading.form
        let fields = form.fields(template: template)
        labels = Dictionary(fields.map { ($0.path, $0.label) }, uniquingKeysWith: { first, _ in first })
        let inputs = fields.filter { $0.role.isInput }
        let isBlank = !inputs.isEmpty && inputs.allSatisfy { $0.value.isEmpty }
        if isBlank {
            add(.warning, "blank-template", "", expected: nil, found: nil,
                zh: "这是空白导入模板：所有填报项均未填写。", en: "This is a blank import template: no input field is filled in.")
        } else {
            checkRequired(fields)
            checkArithmetic(form)
        }
        checkTypes(form, fields, blank: isBlank)
        return findings
    }

    // MARK: Rules

    private mutating func checkRequired(_ fields: [FormField]) {
        for field in fields where field.role == .required && field.value.isEmpty {
            add(.error, "required-missing", field.path, expected: "a value", found: "",
                zh: "必填项“\(field.label)”未填写。", en: "Required field \(field.label) is empty.")
        }
    }

    /// Types of system fields; a blank template may leave code and year empty.
    private mutating func checkTypes(_ form: Form, _ fields: [FormField], blank: Bool) {
        let code = form.project.code
        if (code.isEmpty && !blank) || !code.allSatisfy(\.isASCIIDigit) {
            add(.error, "code-invalid", "project.code", expected: "digits only", found: code,
                zh: "项目编码应只含数字，现为“\(code)”。", en: "The project code must be digits only; found \"\(code)\".")
        }
        if let year = form.project.year, !(1000...9999).contains(year) {
            add(.error, "year-invalid", "project.year", expected: "a four-digit year", found: String(year),
                zh: "绩效自评年度应为四位年份，现为\(year)。", en: "The year must have four digits; found \(year).")
        } else if form.project.year == nil, !blank {
            add(.error, "year-invalid", "project.year", expected: "a four-digit year", found: "",
                zh: "绩效自评年度未填写。", en: "The year is missing.")
        }
        for field in fields {
            guard case .decimal(let value?) = field.value else { continue }
            let isAmount = template.cell(forField: field.templateField)?.cell.format == .amount
            if value.value < 0 {
                add(.error, "negative-number", field.path, expected: "≥ 0", found: value.description,
                    zh: "“\(field.label)”不能为负数，现为\(value)。", en: "\(field.label) must not be negative; found \(value).")
            }
            if isAmount, value.significantScale > 2 {
                add(.error, "amount-precision", field.path, expected: "at most 2 decimal places", found: value.description,
                    zh: "金额“\(field.label)”最多保留两位小数，现为\(value)。", en: "Amount \(field.label) may have at most two decimal places; found \(value).")
            }
        }
    }

    private mutating func checkArithmetic(_ form: Form) {
        let funds = form.funds
        for (key, column) in [("initialBudget", \FundsRow.initialBudget), ("annualBudget", \.annualBudget), ("executed", \.executed)] {
            let parts = [funds.currentAppropriation, funds.carryover, funds.other].map { $0[keyPath: column] }
            guard let total = funds.total[keyPath: column], parts.contains(where: { $0 != nil }) else { continue }
            let sum = Arithmetic.sum(parts)
            if sum != total {
                mismatch("funds-sum", "funds.total.\(key)", expected: sum, found: total,
                         zh: "年度资金总额应等于当年财政拨款、上年结转资金与其他资金之和", en: "The total must equal the sum of the three funds rows")
            }
        }
        let rate = Arithmetic.executionRate(funds)
        if let rate, let found = funds.executionRate, rate != found {
            mismatch("execution-rate", "funds.executionRate", expected: rate, found: found,
                     zh: "执行率应为全年执行数÷全年预算数×100（保留两位小数）", en: "The execution rate must be executed ÷ annual budget × 100, to two places")
        }
        if let expected = Arithmetic.fundsScore(weight: funds.weight, rate: funds.executionRate ?? rate), let found = funds.score, expected != found {
            mismatch("funds-score", "funds.score", expected: expected, found: found,
                     zh: "资金得分应为分值×执行率（不超过100%）", en: "The funds score must be weight × execution rate (at most 100%)")
        }
        for (i, indicator) in form.indicators.enumerated() {
            let items = indicator.categories.flatMap(\.items)
            let sum = Arithmetic.sum(items.map(\.weight))
            if let weight = indicator.weight, weight != sum {
                mismatch("indicator-weight", IndicatorPath.indicator(i) + ".weight", expected: sum, found: weight,
                         zh: "“\(indicator.name)”的分值应等于其三级指标分值之和", en: "The weight of \(indicator.name) must equal the sum of its items' weights")
            }
            for (c, category) in indicator.categories.enumerated() {
                for (n, item) in category.items.enumerated() {
                    guard let score = item.score, let weight = item.weight, score > weight else { continue }
                    let path = IndicatorPath.item(i, c, n) + ".score"
                    add(.error, "score-above-weight", path, expected: "≤ \(weight)", found: score.description,
                        zh: "得分\(score)超过了该项分值\(weight)。", en: "The score \(score) is above the item's weight \(weight).")
                }
            }
        }
        let totalWeight = Arithmetic.totalWeight(form)
        if let found = form.totalWeight, found != totalWeight {
            mismatch("total-weight", "totalWeight", expected: totalWeight, found: found,
                     zh: "总分值应等于资金分值与各一级指标分值之和", en: "The total weight must equal the funds weight plus the level-1 weights")
        }
        if totalWeight != FormDecimal(100) {
            add(.error, "total-weight-not-100", "totalWeight", expected: "100", found: totalWeight.description,
                zh: "资金分值与各一级指标分值之和应为100，现为\(totalWeight)。", en: "The funds weight and level-1 weights must add up to 100; they add up to \(totalWeight).")
        }
        let totalScore = Arithmetic.totalScore(form)
        if let found = form.totalScore, found != totalScore {
            mismatch("total-score", "totalScore", expected: totalScore, found: found,
                     zh: "总得分应等于资金得分与各三级指标得分之和", en: "The total score must equal the funds score plus every item's score")
        }
    }

    // MARK: Building findings

    private mutating func mismatch(_ code: String, _ path: String, expected: FormDecimal, found: FormDecimal, zh: String, en: String) {
        add(.error, code, path, expected: expected.description, found: found.description,
            zh: "\(zh)：应为\(expected)，现为\(found)。", en: "\(en): expected \(expected), found \(found).")
    }

    private mutating func add(_ severity: Finding.Severity, _ code: String, _ path: String, expected: String?, found: String?, zh: String, en: String) {
        findings.append(Finding(severity: severity, code: code, path: path, label: labels[path] ?? "", cell: cells[path],
                                expected: expected, found: found, messageZH: zh, messageEN: en))
    }
}

extension Finding {
    /// Builds a finding about one field, labelled from the template.
    static func about(_ field: FormField, severity: Severity, code: String, cell: String?, expected: String?, found: String?, zh: String, en: String) -> Finding {
        Finding(severity: severity, code: code, path: field.path, label: field.label, cell: cell,
                expected: expected, found: found, messageZH: zh, messageEN: en)
    }
}
