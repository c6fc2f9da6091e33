/// Every field of a form with its full path, its layout cell (role, label) and its value, in form order.
struct FormField {
    /// Where the field is: its path, or an item of the indicator table, whose path is built only when asked for (a
    /// check names an item field only in a finding, and a form has hundreds of them).
    enum Place {
        case path(String)
        case item(Int, Int, Int, key: String)
    }

    let place: Place
    let role: Layout.Role
    let label: String
    let value: FieldValue
    /// The layout's cell, for its format and formula.
    let cell: Layout.Cell?

    var path: String {
        switch place {
        case .path(let path): return path
        case .item(let i, let c, let n, let key): return IndicatorPath.item(i, c, n, field: key)
        }
    }
}

extension FormField {
    init(path: String, role: Layout.Role, label: String, value: FieldValue, cell: Layout.Cell?) {
        self.init(place: .path(path), role: role, label: label, value: value, cell: cell)
    }
}

extension Form {
    /// Every field the layout places: project, funds, goal, then each indicator, category and item, then the rest.
    func fields(layout: Layout) -> [FormField] {
        var result: [FormField] = []
        for row in layout.rows {
            for cell in row.cells {
                for name in cell.placedFields where FieldCatalog.shared.isFormValue(name) {
                    let format = Layout.Cell.format(ofField: name)
                    result.append(FormField(path: name, role: cell.field == nil ? .system : cell.effectiveRole,
                                            label: layout.label(forField: name), value: self[name] ?? .empty(format), cell: cell))
                }
            }
            guard row.kind == .items else { continue }
            // what every item's fields share, worked out once: key, label, role and the empty value of each column
            let itemColumns = row.fields.compactMap { cell in
                cell.itemKey.map { (cell: cell, key: $0, label: layout.label(forField: cell.field!), role: cell.effectiveRole,
                                    empty: FieldValue.empty(cell.effectiveFormat)) }
            }
            let level1 = layout.label(forField: "indicator.name"), level2 = layout.label(forField: "category.name")
            for (i, indicator) in indicators.enumerated() {
                result.append(FormField(path: IndicatorPath.indicator(i, field: "name"), role: .system, label: level1, value: .text(indicator.name), cell: nil))
                result.append(FormField(path: IndicatorPath.indicator(i, field: "weight"), role: .system, label: level1, value: .decimal(indicator.weight), cell: nil))
                for (c, category) in indicator.categories.enumerated() {
                    result.append(FormField(path: IndicatorPath.category(i, c, field: "name"), role: .system,
                                            label: level2, value: .text(category.name), cell: nil))
                    for (n, item) in category.items.enumerated() {
                        for column in itemColumns {
                            result.append(FormField(place: .item(i, c, n, key: column.key), role: column.role,
                                                    label: column.label, value: item[column.key] ?? column.empty, cell: column.cell))
                        }
                    }
                }
            }
        }
        return result
    }
}

/// The JSON paths of the indicator table, `indicators[i].categories[c].items[n]`, written and read in one place.
enum IndicatorPath {
    static func indicator(_ i: Int, field: String? = nil) -> String { path(i, nil, nil, field) }
    static func category(_ i: Int, _ c: Int, field: String? = nil) -> String { path(i, c, nil, field) }
    static func item(_ i: Int, _ c: Int, _ n: Int, field: String? = nil) -> String { path(i, c, n, field) }

    /// The path down to the deepest index given, then `.field` (every form has thousands of them).
    private static func path(_ i: Int, _ c: Int?, _ n: Int?, _ field: String?) -> String {
        ASCIIText.make(capacity: 96 + (field?.utf8.count ?? 0)) { text in
            text.append("indicators[")
            text.append(i)
            if let c {
                text.append("].categories[")
                text.append(c)
            }
            if let n {
                text.append("].items[")
                text.append(n)
            }
            text.append("]")
            if let field {
                text.append(".")
                text.append(field)
            }
        }
    }

    /// The indexes back out of `indicators[i].categories[c].items[n].…`.
    static func itemIndexes(_ path: String) -> (Int, Int, Int)? {
        let numbers = indexes(path)
        return numbers.count == 3 ? (numbers[0], numbers[1], numbers[2]) : nil
    }

    /// Every index in a path, outermost first: `[i]`, `[i, c]` or `[i, c, n]`.
    static func indexes(_ path: String) -> [Int] {
        path.split(whereSeparator: { $0 == "[" || $0 == "]" }).compactMap { Int($0) }
    }
}

extension Form {
    /// Sets one field at its place (form-level and item-level fields; the indicator and category names are not set).
    mutating func set(_ field: FormField) {
        switch field.place {
        case .item(let i, let c, let n, let key): indicators[i].categories[c].items[n][key] = field.value
        case .path(let path): if !path.hasPrefix("indicators[") { self[path] = field.value }
        }
    }

    /// The layout the form was read in, or the standard one.
    var ownLayout: Layout? { (try? Layouts.of(self)) ?? (try? Layouts.standard) }
}
