extension Form {
    /// The same form with every computed system field (the layout's formulas: funds totals, execution rate, funds
    /// score, total weight, total score) worked out from the inputs, in exact decimals, rounded where the formula rounds.
    public func recomputed(layout: Layout? = nil) -> Form {
        guard let layout = layout ?? ownLayout else { return self }
        return recomputing(layout.formulaCells)
    }

    /// The computed fields that depend on what the user fills in (total weight and total score, not the funds
    /// totals, which only the system's amounts make), in the layout's order.
    static func inputDependentCells(_ layout: Layout) -> [Layout.Cell] {
        var dependsOnInput = Set(layout.rows.flatMap(\.fields).filter { $0.effectiveRole.isInput }.map { $0.field! })
        var cells: [Layout.Cell] = []
        for cell in layout.rows.flatMap(\.cells) {
            guard let path = cell.field, let formula = cell.parsedFormula,
                  formula.references.contains(where: dependsOnInput.contains) else { continue }
            dependsOnInput.insert(path)
            cells.append(cell)
        }
        return cells
    }

    /// The form with `cells`' formulas evaluated in order; `asExcel` counts a formula over nothing but empty cells
    /// as 0, as a spreadsheet shows it, where otherwise the field keeps its value.
    func recomputing(_ cells: [Layout.Cell], asExcel: Bool = false) -> Form {
        var form = self
        for cell in cells {
            guard let path = cell.field, let formula = cell.parsedFormula else { continue }
            guard let value = formula.evaluate(form) ?? (asExcel ? 0 : nil) else { continue }
            form[path] = .decimal(FormDecimal(value, atLeast: form.decimal(path)?.scale ?? 0))
        }
        return form
    }
}
