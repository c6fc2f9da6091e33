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
        for row in layout.fieldPlan {
            for field in row.placed {
                result.append(FormField(path: field.name, role: field.role, label: field.label, value: self[field.name] ?? field.empty, cell: field.cell))
            }
            guard let items = row.items else { continue }
            for (i, indicator) in indicators.enumerated() {
                result.append(FormField(path: IndicatorPath.indicator(i, field: "name"), role: .system, label: items.level1, value: .text(indicator.name), cell: nil))
                result.append(FormField(path: IndicatorPath.indicator(i, field: "weight"), role: .system, label: items.level1, value: .decimal(indicator.weight), cell: nil))
                for (c, category) in indicator.categories.enumerated() {
                    result.append(FormField(path: IndicatorPath.category(i, c, field: "name"), role: .system,
                                            label: items.level2, value: .text(category.name), cell: nil))
                    for (n, item) in category.items.enumerated() {
                        for column in items.columns {
                            result.append(FormField(place: .item(i, c, n, key: column.name), role: column.role,
                                                    label: column.label, value: item[column.name] ?? column.empty, cell: column.cell))
                        }
                    }
                }
            }
        }
        return result
    }
}

/// What `Form.fields` lists for each row of a layout, worked out the first time the layout is used: the fields its
/// cells place with their role, label and empty value, and for the items row what every item's fields share (a form
/// lists hundreds of fields, and looking each one's label, type and role up again cost a third of the list).
struct FieldPlan: Sendable {
    /// A field as every form lists it: its name (an item's key, for the items row's columns), role, label, value when
    /// the form has none, and cell. A class: every form's list copies it, and a struct's copy counted four references.
    final class Field: Sendable {
        let name: String, role: Layout.Role, label: String, empty: FieldValue, cell: Layout.Cell

        init(name: String, role: Layout.Role, label: String, empty: FieldValue, cell: Layout.Cell) {
            (self.name, self.role, self.label, self.empty, self.cell) = (name, role, label, empty, cell)
        }
    }

    /// The items row's columns and the labels of its level-1 and level-2 indicators.
    struct Items: Sendable {
        let columns: [Field], level1: String, level2: String
    }

    let placed: [Field]
    let items: Items?

    /// The plan of each of `layout`'s rows, in order.
    static func rows(of layout: Layout) -> [FieldPlan] {
        layout.rows.map { row in
            let placed = row.cells.flatMap { cell in
                cell.placedFields.filter { FieldCatalog.shared.isFormValue($0) }.map { name in
                    Field(name: name, role: cell.field == nil ? .system : cell.effectiveRole, label: layout.label(forField: name),
                          empty: .empty(Layout.Cell.format(ofField: name)), cell: cell)
                }
            }
            guard row.kind == .items else { return FieldPlan(placed: placed, items: nil) }
            let columns = row.fields.compactMap { cell in
                cell.itemKey.map { Field(name: $0, role: cell.effectiveRole, label: layout.label(forField: cell.field!),
                                         empty: .empty(cell.effectiveFormat), cell: cell) }
            }
            return FieldPlan(placed: placed, items: Items(columns: columns, level1: layout.label(forField: "indicator.name"),
                                                          level2: layout.label(forField: "category.name")))
        }
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
