import Foundation

/// The department's summary workbook (`batch --summary 汇总.xlsx`): one row per form read, amounts in 元 whatever
/// unit each form used, a totals row, the sheet protected.
public enum BatchSummary {
    /// The column headers; README.md gives them in English.
    static let headers = ["实施单位", "项目名称", "项目编码", "年度", "原金额单位", "全年预算数（元）", "全年执行数（元）", "执行率（%）",
                          "自评得分", "错误数", "警告数", "状态", "文件"]
    static let widths: [Double] = [28, 30, 24, 8, 10, 18, 18, 11, 10, 8, 8, 16, 36]
    static let amountFormat = "#,##0.00", decimalFormat = "0.00", integerFormat = "0"

    /// Writes the summary of `outcomes` (those with a form) to `path`, atomically.
    public static func write(_ outcomes: [BatchConverter.Outcome], to path: String) throws {
        let table = self.table(outcomes)
        try AtomicFile.write(to: path) { try XLSXTableWriter(table: table).write(to: $0) }
    }

    /// What the summary shows of one form.
    public struct Line: Sendable {
        let implementingUnit: String?, name: String?, code: String?
        let year: Int?
        let moneyUnit: String
        /// The annual budget and the executed amount in `moneyUnit` (put in 元 only when a summary is written).
        let budget: FormDecimal?, executed: FormDecimal?
        let executionRate: FormDecimal?, totalScore: FormDecimal?

        public init(_ form: Form) {
            implementingUnit = form.text("project.implementingUnit")
            name = form.text("project.name")
            code = form.text("project.code")
            year = form.integer("project.year")
            moneyUnit = form.moneyUnit
            budget = form.decimal("funds.total.annualBudget")
            executed = form.decimal("funds.total.executed")
            executionRate = form.decimal("funds.executionRate")
            totalScore = form.decimal("totalScore")
        }
    }

    static func table(_ outcomes: [BatchConverter.Outcome]) -> XLSXTable {
        var budgets: [FormDecimal] = [], executed: [FormDecimal] = []
        var errors = 0, warnings = 0
        var rows: [[XLSXTable.Cell]] = []
        for outcome in outcomes {
            guard let line = outcome.summaryLine else { continue }
            let budget = inYuan(line.budget, unit: line.moneyUnit), spent = inYuan(line.executed, unit: line.moneyUnit)
            errors += outcome.errorCount
            warnings += outcome.warningCount
            budgets += [budget].compactMap { $0 }
            executed += [spent].compactMap { $0 }
            rows.append([text(line.implementingUnit), text(line.name), text(line.code),
                         number(line.year.map(FormDecimal.init), integerFormat), .text(line.moneyUnit),
                         number(budget, amountFormat), number(spent, amountFormat),
                         number(line.executionRate, decimalFormat), number(line.totalScore, decimalFormat),
                         number(FormDecimal(outcome.errorCount), integerFormat), number(FormDecimal(outcome.warningCount), integerFormat),
                         .text(statusNames[outcome.status] ?? outcome.status.rawValue), .text(outcome.shownName)])
        }
        let budgetSum = sum(budgets), executedSum = sum(executed)
        let footer: [XLSXTable.Cell] = [.text("合计（\(rows.count) 张表）"), .empty, .empty, .empty, .text("元"),
                                        number(budgetSum, amountFormat), number(executedSum, amountFormat),
                                        number(rate(executedSum, of: budgetSum), decimalFormat), .empty,
                                        number(FormDecimal(errors), integerFormat), number(FormDecimal(warnings), integerFormat),
                                        .empty, .empty]
        return XLSXTable(sheetName: "汇总", headers: headers, widths: widths, rows: rows, footer: footer)
    }

    /// The status as the Chinese summary says it.
    static let statusNames: [BatchConverter.Outcome.Status: String] = [
        .ok: "通过", .warnings: "有警告", .errors: "有错误", .unpaired: "未找到系统导出", .exists: "已存在，未覆盖",
    ]

    /// An amount in 元, exactly: 万元 times 10000 in decimals.
    static func inYuan(_ amount: FormDecimal?, unit: String) -> FormDecimal? {
        amount.map { LayoutConversion.amount($0, from: unit, to: "元") }
    }

    /// executed ÷ budget × 100, rounded half up to 2 places; nil without a budget.
    static func rate(_ executed: FormDecimal?, of budget: FormDecimal?) -> FormDecimal? {
        guard let executed, let budget, budget.value != 0 else { return nil }
        return FormDecimal(executed.value / budget.value * 100, scale: 2).rounded(2)
    }

    private static func sum(_ amounts: [FormDecimal]) -> FormDecimal? { amounts.isEmpty ? nil : amounts.reduce(FormDecimal(0, scale: 2), +) }
    private static func text(_ value: String?) -> XLSXTable.Cell { value.map { .text($0) } ?? .empty }
    private static func number(_ value: FormDecimal?, _ format: String) -> XLSXTable.Cell { value.map { .number($0, format: format) } ?? .empty }
}
