/// The canonical form: what every reader produces and every writer consumes.
public struct Form: Sendable, Equatable {
    /// The schema name and version written into canonical JSON.
    public static let schema = "evalsheet/project-self-evaluation@1"

    public var project = Project()
    public var funds = Funds()
    public var overallGoal = Goal()
    public var indicators: [Indicator] = []
    public var totalWeight: FormDecimal?
    public var totalScore: FormDecimal?

    public init() {}
}

/// Who the form is for: the greyed header fields.
public struct Project: Sendable, Equatable {
    public var code = ""
    public var name = ""
    public var year: Int?
    public var implementingUnit = ""
    public var primaryBudgetUnit = ""
}

/// The funds table: four rows of amounts, with weight, rate and score on the total row.
public struct Funds: Sendable, Equatable {
    public var total = FundsRow()
    public var currentAppropriation = FundsRow()
    public var carryover = FundsRow()
    public var other = FundsRow()
    public var weight: FormDecimal?
    public var executionRate: FormDecimal?
    public var score: FormDecimal?
}

/// One row of the funds table.
public struct FundsRow: Sendable, Equatable {
    public var initialBudget: FormDecimal?
    public var annualBudget: FormDecimal?
    public var executed: FormDecimal?
}

/// The year's overall goal: what was expected (system) and what was achieved (input).
public struct Goal: Sendable, Equatable {
    public var expected = ""
    public var actual = ""
}

/// A level-1 indicator such as 产出指标 with its weight.
public struct Indicator: Sendable, Equatable {
    public var name = ""
    public var weight: FormDecimal?
    public var categories: [Category] = []
    public init(name: String = "", weight: FormDecimal? = nil, categories: [Category] = []) {
        self.name = name; self.weight = weight; self.categories = categories
    }
}

/// A level-2 indicator such as 数量指标.
public struct Category: Sendable, Equatable {
    public var name = ""
    public var items: [Item] = []
    public init(name: String = "", items: [Item] = []) { self.name = name; self.items = items }
}

/// A level-3 indicator: one row of the indicator table.
public struct Item: Sendable, Equatable {
    public var name = ""
    public var target = ""
    public var actual = ""
    public var weight: FormDecimal?
    public var score: FormDecimal?
    public var deviationReason = ""
    public init(name: String = "", target: String = "", actual: String = "", weight: FormDecimal? = nil,
                score: FormDecimal? = nil, deviationReason: String = "") {
        self.name = name; self.target = target; self.actual = actual
        self.weight = weight; self.score = score; self.deviationReason = deviationReason
    }
}
