/// The canonical form: what every reader produces and every writer consumes.
/// Its fields are those of Templates/fields.json, held by path; a field the form's layout lacks is absent.
public struct Form: Sendable, Equatable {
    /// The schema name and version written into canonical JSON.
    public static var schema: String { FieldCatalog.shared.schema }

    /// The id of the layout the form was read in, when it came from a sheet.
    public var layout: String?
    /// Every field outside the indicator table, by path (`funds.total.executed`); absent means null.
    public private(set) var values: [String: FieldValue] = [:]
    public var indicators: [Indicator] = []
    /// Labelled cells a layout declares that have no field of their own (项目类别, 填报日期 …), in order.
    public var extras: [Extra] = []

    public init() {}

    /// An empty form with room for `count` fields, so a reader filling it never grows and rehashes its table.
    init(reservingCapacity count: Int) { values.reserveCapacity(count) }

    /// The value at `path`; setting nil, or an empty number, removes it.
    public subscript(path: String) -> FieldValue? {
        get { values[path] }
        set { values[path] = newValue.flatMap { $0.isNull ? nil : $0 } }
    }

    public func text(_ path: String) -> String? { values[path]?.text }
    public func decimal(_ path: String) -> FormDecimal? { values[path]?.decimal }
    public func integer(_ path: String) -> Int? { values[path]?.integer }

    /// The money unit the amounts are written in (元 unless the form says otherwise).
    public var moneyUnit: String { text("funds.unit") ?? "元" }

    /// Every level-3 item, in order.
    public var allItems: [Item] { indicators.flatMap(\.categories).flatMap(\.items) }

    /// The shape of the indicator table: how many items under each category of each indicator.
    public var indicatorShape: [[Int]] { indicators.map { $0.categories.map(\.items.count) } }

    /// Applies `change` to every level-3 item.
    public mutating func updateItems(_ change: (inout Item) -> Void) {
        for i in indicators.indices {
            for c in indicators[i].categories.indices {
                for n in indicators[i].categories[c].items.indices { change(&indicators[i].categories[c].items[n]) }
            }
        }
    }
}

/// A labelled cell kept as it was printed: `{"label": "项目类别", "value": "…"}`.
public struct Extra: Sendable, Equatable {
    public var label: String
    public var value: String
    public init(label: String, value: String) { self.label = label; self.value = value }
}

/// A level-1 indicator such as 产出指标, with its weight where the layout states it.
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
    public var weight: FormDecimal?
    public var items: [Item] = []
    public init(name: String = "", weight: FormDecimal? = nil, items: [Item] = []) {
        self.name = name; self.weight = weight; self.items = items
    }
}

/// A level-3 indicator: one row of the indicator table, its fields by key (`target`, `score`).
public struct Item: Sendable, Equatable {
    public private(set) var values: [String: FieldValue] = [:]

    public init(_ values: [String: FieldValue] = [:]) {
        for (key, value) in values { self[key] = value }
    }

    /// An empty item with room for `count` fields, so a reader filling it never grows and rehashes its table.
    init(reservingCapacity count: Int) { values.reserveCapacity(count) }

    /// The value of field `key`; setting nil, or an empty number, removes it.
    public subscript(key: String) -> FieldValue? {
        get { values[key] }
        set { values[key] = newValue.flatMap { $0.isNull ? nil : $0 } }
    }

    public func text(_ key: String) -> String? { values[key]?.text }
    public func decimal(_ key: String) -> FormDecimal? { values[key]?.decimal }
}
