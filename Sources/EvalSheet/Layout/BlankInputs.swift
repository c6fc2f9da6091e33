extension Form {
    /// The same form with every field its layout marks as user input emptied: a blank import template. Its
    /// computed fields hold what their formulas give over the blank inputs (empty counts 0, as in Excel), so every
    /// spreadsheet program shows the same before it recalculates.
    public func clearingInputs(layout: Layout) -> Form {
        var form = self
        for cell in layout.rows.flatMap(\.fields) where cell.effectiveRole.isInput {
            let path = cell.field!
            if path.hasPrefix("item.") {
                let key = String(path.dropFirst(5))
                form.updateItems { $0[key] = .empty(cell.effectiveFormat) }
            } else {
                form[path] = .empty(cell.effectiveFormat)
            }
        }
        return form.recomputing(layout.formulaCells, asExcel: true)
    }
}
