/// Every field of a form with its full path, its template cell (role, label) and its value, in form order.
struct FormField {
    let path: String
    let templateField: String
    let role: Template.Role
    let label: String
    let value: FieldValue
}

extension Form {
    /// Every field, from the template's rows: project, funds, goal, then each indicator, category and item.
    func fields(template: Template = .standard) -> [FormField] {
        var result: [FormField] = []
        for row in template.rows {
            for cell in row.fields {
                let name = cell.field!
                if let value = FormFields.value(of: name, in: self) {
                    result.append(FormField(path: name, templateField: name, role: cell.effectiveRole,
                                            label: template.label(forField: name), value: value))
                }
            }
            guard row.kind == .items else { continue }
            let itemCells = row.fields.filter { FormFields.value(of: $0.field!, in: Item()) != nil }
            for (i, indicator) in indicators.enumerated() {
                let level1 = template.label(forField: "indicator.name")
                result.append(FormField(path: IndicatorPath.indicator(i) + ".name", templateField: "indicator.name", role: .system, label: level1, value: .text(indicator.name)))
                result.append(FormField(path: IndicatorPath.indicator(i) + ".weight", templateField: "indicator.weight", role: .system, label: level1, value: .decimal(indicator.weight)))
                for (c, category) in indicator.categories.enumerated() {
                    result.append(FormField(path: IndicatorPath.category(i, c) + ".name", templateField: "category.name", role: .system,
                                            label: template.label(forField: "category.name"), value: .text(category.name)))
                    for (n, item) in category.items.enumerated() {
                        for cell in itemCells {
                            result.append(FormField(path: FormFields.itemPath(cell.field!, indicator: i, category: c, item: n),
                                                    templateField: cell.field!, role: cell.effectiveRole,
                                                    label: template.label(forField: cell.field!),
                                                    value: FormFields.value(of: cell.field!, in: item)!))
                        }
                    }
                }
            }
        }
        return result
    }

    /// The shape of the indicator table: how many items under each category of each indicator.
    var indicatorShape: [[Int]] { indicators.map { $0.categories.map(\.items.count) } }
}
