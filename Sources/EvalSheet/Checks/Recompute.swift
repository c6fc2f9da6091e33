extension Form {
    /// The same form with every computed system field (the layout's formulas: funds totals, execution rate, funds
    /// score, total weight, total score) worked out from the inputs, in exact decimals, rounded where the formula rounds.
    public func recomputed(layout: Layout? = nil) -> Form {
        guard let layout = layout ?? ownLayout else { return self }
        var form = self
        for cell in layout.rows.flatMap(\.cells) {
            guard let path = cell.field, let formula = cell.formula, let value = Formula(text: formula).evaluate(form) else { continue }
            let exact = FormDecimal(value, scale: 0)
            form[path] = .decimal(FormDecimal(value, scale: max(form.decimal(path)?.scale ?? 0, exact.significantScale)))
        }
        return form
    }
}
