/// Checks a layout file against Templates/fields.json when it is loaded, so a mistake fails at start-up with the
/// file and key named, never inside a reader.
struct LayoutCheck {
    let layout: Layout
    private var catalog: FieldCatalog { .shared }

    /// Throws the first mistake found.
    func run() throws {
        let expectedID = layout.file.split(separator: "/").last.map { String($0.dropLast(".json".count)) } ?? layout.id
        guard layout.id == expectedID else { throw mistake("id", "\"\(layout.id)\" differs from the file name \"\(expectedID)\"") }
        guard catalog.moneyUnits[layout.moneyUnit] != nil else {
            throw mistake("moneyUnit", "\"\(layout.moneyUnit)\" is not one of \(catalog.moneyUnits.keys.sorted().joined(separator: ", "))")
        }
        var placed: [String: (row: Int, cell: Int)] = [:]
        var sawHeader = false
        var itemsRows = 0
        for (r, row) in layout.rows.enumerated() {
            if row.kind == .header { sawHeader = true }
            if row.kind == .items {
                itemsRows += 1
                guard sawHeader else { throw mistake("rows[\(r)].kind", "the items row needs a header row above it") }
            }
            for (c, cell) in row.cells.enumerated() {
                // made only for a message: most cells need none, and a layout has some two hundred
                func key() -> String { "rows[\(r)].cells[\(c)]" }
                if let field = cell.field { try check(field: field, in: row.kind, key: key() + ".field") }
                for field in cell.pattern?.fields ?? [] { try check(field: field, in: row.kind, key: key() + ".pattern") }
                for field in cell.label.map(Pattern.fields(in:)) ?? [] { try check(field: field, in: row.kind, key: key() + ".label") }
                for synonym in cell.synonyms {
                    for field in Pattern.fields(in: synonym) { try check(field: field, in: row.kind, key: key() + ".synonyms") }
                }
                if let formula = cell.formula {
                    for field in Pattern.fields(in: formula) where !known(field, itemsAllowed: true) {
                        throw mistake(key() + ".formula", "unknown field \"\(field)\" (see Templates/fields.json)")
                    }
                }
                for (name, path) in [("notAbove", cell.notAbove), ("codeField", cell.codeField)] {
                    if let path, !known(path, itemsAllowed: true) { throw mistake("\(key()).\(name)", "unknown field \"\(path)\"") }
                }
                if cell.label == nil, cell.field == nil, cell.text == nil, cell.pattern == nil {
                    throw mistake(key(), "a cell needs a label, text, pattern or field")
                }
                for path in cell.placedFields where path != "extras" {
                    if let other = placed[path] {
                        throw mistake(key(), "duplicate field \"\(path)\", already placed at rows[\(other.row)].cells[\(other.cell)]")
                    }
                    placed[path] = (r, c)
                }
            }
        }
        guard itemsRows == 1 else { throw mistake("rows", "needs exactly one items row, found \(itemsRows)") }
        guard layout.rows.contains(where: { $0.kind == .pairs && !$0.labels.isEmpty }) else {
            throw mistake("rows", "needs a pairs row with a label, where the form starts")
        }
        for field in ["item.name", "indicator.name", "category.name"] where placed[field] == nil {
            throw mistake("rows", "the items row has no \(field) cell")
        }
    }

    private func check(field: String, in kind: Layout.RowKind, key: @autoclosure () -> String) throws {
        guard known(field, itemsAllowed: kind == .items) else {
            throw mistake(key(), "unknown field \"\(field)\" (see Templates/fields.json)")
        }
    }

    private func known(_ path: String, itemsAllowed: Bool) -> Bool {
        if path == "extras" || path.hasPrefix("extras.") { return path.count > 7 || path == "extras" }
        if ["indicator.name", "indicator.weight", "category.name", "category.weight"].contains(path) { return itemsAllowed }
        if path.hasPrefix("item.") { return itemsAllowed && catalog.itemField(String(path.dropFirst(5))) != nil }
        return catalog.isFormValue(path)
    }

    private func mistake(_ key: String, _ message: String) -> EvalSheetError {
        EvalSheetError(.usage, "\(layout.file): \(key): \(message); fix the layout file", zh: "\(layout.file)：\(key)：\(message)；请修正版式文件")
    }
}
