import Foundation

/// Puts a form into a layout for writing: amounts converted exactly to the layout's money unit, totals that the
/// layout computes differently worked out by its formulas, and a note for each of these and for every filled field
/// the layout has no cell for, so nothing is lost or changed without a word.
public enum LayoutConversion {
    /// The layout a form is written in: the one asked for, else the one it was read in, else the standard one.
    public static func target(for form: Form, requested: String?) throws -> Layout {
        try requested.map(Layouts.named) ?? Layouts.of(form)
    }

    /// The form as `layout` holds it: amounts in its money unit, its own totals.
    public static func prepare(_ form: Form, for layout: Layout) -> Form {
        convertingUnit(form, for: layout).recomputing(differentFormulas(form, layout))
    }

    /// The form with its amounts in `layout`'s money unit (decimal × or ÷ 10,000, exact).
    private static func convertingUnit(_ form: Form, for layout: Layout) -> Form {
        guard form.moneyUnit != layout.moneyUnit else { return form }
        var converted = form
        for field in FieldCatalog.shared.fields where field.type == .amount {
            guard let amount = form.decimal(field.path) else { continue }
            converted[field.path] = .decimal(Self.amount(amount, from: form.moneyUnit, to: layout.moneyUnit))
        }
        converted["funds.unit"] = .text(layout.moneyUnit)
        return converted
    }

    /// `amount` in `from` (元, 万元) written in `to`: × or ÷ 10,000 in decimals, exact, to the cent at least.
    static func amount(_ amount: FormDecimal, from: String, to: String) -> FormDecimal {
        let units = FieldCatalog.shared.moneyUnits
        return FormDecimal(amount.value * Decimal(units[from] ?? 1) / Decimal(units[to] ?? 1), atLeast: 2)
    }

    /// The computed fields whose formula in `layout` differs from the one in the layout the form was read in
    /// (衔接资金's 总分 leaves the funds out); only where that layout has every field the formula takes, so a total
    /// is never rebuilt from rows the form did not have (Sichuan's funds into the seed's rows).
    private static func differentFormulas(_ form: Form, _ layout: Layout) -> [Layout.Cell] {
        guard let own = form.layout, own != layout.id, let source = try? Layouts.named(own) else { return [] }
        return layout.formulaCells.filter { cell in
            guard let theirs = source.cell(forField: cell.field!)?.formula else { return false }
            return theirs != cell.formula && cell.parsedFormula!.references.allSatisfy(source.has)
        }
    }

    /// What writing `form` in `layout` changes: a unit conversion, totals computed the layout's way, and each filled
    /// field with no cell in the layout.
    public static func notes(for form: Form, in layout: Layout) -> [BilingualText] {
        var notes: [BilingualText] = []
        let converted = convertingUnit(form, for: layout)
        let cells = differentFormulas(form, layout)
        let prepared = converted.recomputing(cells)
        for cell in cells where prepared[cell.field!] != converted[cell.field!] {
            let path = cell.field!
            let change = (converted[path]?.displayText, prepared[path]?.displayText)
            notes.append(BilingualText(en: "\(path) worked out as layout \(layout.id) does (\(cell.formula!)): \(change.0 ?? "empty") → \(change.1 ?? "empty")",
                                   zh: "\(path) 按版式 \(layout.id) 的算法计算（\(cell.formula!)）：\(change.0 ?? "空") → \(change.1 ?? "空")"))
        }
        if form.moneyUnit != layout.moneyUnit, form.text("funds.unit") != nil || layout.moneyUnit != "元" {
            notes.append(BilingualText(en: "amounts converted from \(form.moneyUnit) to \(layout.moneyUnit), the unit of layout \(layout.id)",
                                   zh: "金额已从\(form.moneyUnit)换算为\(layout.moneyUnit)（版式 \(layout.id) 的单位）"))
        }
        var lost: [String] = []
        for (path, value) in form.values.sorted(by: { $0.key < $1.key }) where !value.isEmpty && path != "funds.unit" && !layout.has(path) {
            lost.append(path)
        }
        let itemKeys = Set(form.allItems.flatMap { item in item.values.filter { !$0.value.isEmpty }.map(\.key) })
        for key in itemKeys.sorted() where !layout.has("item." + key) { lost.append("indicators[].categories[].items[].\(key)") }
        if !layout.categoryLabel.contains("{weight}"), form.indicators.contains(where: { $0.categories.contains { $0.weight != nil } }) {
            lost.append("indicators[].categories[].weight")
        }
        if !layout.level1Label.contains("{weight}"), form.indicators.contains(where: { $0.weight != nil }) {
            lost.append("indicators[].weight")
        }
        let extraLabels = Set(layout.rows.flatMap(\.cells).flatMap(\.alternatives).flatMap { alternative in
            alternative.fields.filter { $0.hasPrefix("extras.") }.map { String($0.dropFirst(7)) } + (alternative.plainLabel.map { [$0] } ?? [])
        })
        for extra in form.extras where !extraLabels.contains(LabelText.normalized(extra.label)) && !extraLabels.contains(extra.label) {
            lost.append("extras \u{201C}\(extra.label)\u{201D}")
        }
        if !lost.isEmpty {
            notes.append(BilingualText(en: "layout \(layout.id) has no cell for \(lost.joined(separator: ", ")); not written (kept in JSON)",
                                   zh: "版式 \(layout.id) 没有 \(lost.joined(separator: "、")) 的单元格；未写入（JSON 中保留）"))
        }
        return notes
    }
}
