/// The value held by one field of the form, typed by what the field holds.
public enum FieldValue: Sendable, Equatable {
    case text(String)
    case decimal(FormDecimal?)
    case integer(Int?)

    /// The value as the TSV export and messages show it.
    public var displayText: String {
        switch self {
        case .text(let text): return text
        case .decimal(let value): return value?.description ?? ""
        case .integer(let value): return value.map(String.init) ?? ""
        }
    }

    /// True when nothing is filled in.
    public var isEmpty: Bool { displayText.isEmpty }
}

/// Maps the JSON paths that Templates/ names (`funds.total.executed`, `item.score`) to the model's properties.
enum FormFields {
    nonisolated(unsafe) static let formTexts: [String: WritableKeyPath<Form, String>] = [
        "project.code": \.project.code,
        "project.name": \.project.name,
        "project.implementingUnit": \.project.implementingUnit,
        "project.primaryBudgetUnit": \.project.primaryBudgetUnit,
        "overallGoal.expected": \.overallGoal.expected,
        "overallGoal.actual": \.overallGoal.actual,
    ]
    nonisolated(unsafe) static let formIntegers: [String: WritableKeyPath<Form, Int?>] = ["project.year": \.project.year]
    nonisolated(unsafe) static let formDecimals: [String: WritableKeyPath<Form, FormDecimal?>] = {
        var paths: [String: WritableKeyPath<Form, FormDecimal?>] = [
            "funds.weight": \.funds.weight,
            "funds.executionRate": \.funds.executionRate,
            "funds.score": \.funds.score,
            "totalWeight": \.totalWeight,
            "totalScore": \.totalScore,
        ]
        let rows: [(String, WritableKeyPath<Form, FundsRow>)] = [
            ("total", \.funds.total), ("currentAppropriation", \.funds.currentAppropriation),
            ("carryover", \.funds.carryover), ("other", \.funds.other),
        ]
        let columns: [(String, WritableKeyPath<FundsRow, FormDecimal?>)] = [
            ("initialBudget", \.initialBudget), ("annualBudget", \.annualBudget), ("executed", \.executed),
        ]
        for (row, rowPath) in rows {
            for (column, columnPath) in columns {
                paths["funds.\(row).\(column)"] = rowPath.appending(path: columnPath)
            }
        }
        return paths
    }()

    nonisolated(unsafe) static let itemTexts: [String: WritableKeyPath<Item, String>] = [
        "item.name": \.name, "item.target": \.target, "item.actual": \.actual,
        "item.deviationReason": \.deviationReason,
    ]
    nonisolated(unsafe) static let itemDecimals: [String: WritableKeyPath<Item, FormDecimal?>] = [
        "item.weight": \.weight, "item.score": \.score,
    ]

    static func value(of path: String, in form: Form) -> FieldValue? {
        if let key = formTexts[path] { return .text(form[keyPath: key]) }
        if let key = formDecimals[path] { return .decimal(form[keyPath: key]) }
        if let key = formIntegers[path] { return .integer(form[keyPath: key]) }
        return nil
    }

    static func value(of path: String, in item: Item) -> FieldValue? {
        if let key = itemTexts[path] { return .text(item[keyPath: key]) }
        if let key = itemDecimals[path] { return .decimal(item[keyPath: key]) }
        return nil
    }

    /// The full JSON path of an item field: `item.score` → `indicators[0].categories[2].items[1].score`.
    static func itemPath(_ path: String, indicator: Int, category: Int, item: Int) -> String {
        let field = path.split(separator: ".").last.map(String.init) ?? path
        switch path {
        case "indicator.name": return IndicatorPath.indicator(indicator) + ".name"
        case "category.name": return IndicatorPath.category(indicator, category) + ".name"
        default: return IndicatorPath.item(indicator, category, item) + "." + field
        }
    }
}

/// The JSON paths of the indicator table, `indicators[i].categories[c].items[n]`, written and read in one place.
enum IndicatorPath {
    static func indicator(_ i: Int) -> String { "indicators[\(i)]" }
    static func category(_ i: Int, _ c: Int) -> String { "indicators[\(i)].categories[\(c)]" }
    static func item(_ i: Int, _ c: Int, _ n: Int) -> String { "indicators[\(i)].categories[\(c)].items[\(n)]" }

    /// The indexes back out of `indicators[i].categories[c].items[n].…`.
    static func itemIndexes(_ path: String) -> (Int, Int, Int)? {
        let numbers = path.split(whereSeparator: { $0 == "[" || $0 == "]" }).compactMap { Int($0) }
        return numbers.count == 3 ? (numbers[0], numbers[1], numbers[2]) : nil
    }
}
