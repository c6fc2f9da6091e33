/// The form laid out on a sheet by its layout in Templates/layouts/: every label and value with its cell, merges and formulas.
public struct SheetLayout: Sendable {
    /// What one cell shows.
    public enum Content: Sendable, Equatable {
        /// A label of the form (greyed, read-only).
        case label(String)
        /// A fixed text such as `—` or the note.
        case constant(String)
        /// A field's value.
        case value(FieldValue)
    }

    /// One placed cell.
    public struct Cell: Sendable {
        public let row: Int
        public let column: Int
        public let content: Content
        public let source: Layout.Cell
        /// The field's full JSON path, for value cells.
        public let path: String?
        /// The formula, with cell references resolved, for computed cells.
        public var formula: String?
        /// How a field's value is written; nil for labels and fixed texts.
        public var format: Layout.ValueFormat? { path == nil ? nil : source.effectiveFormat }
        /// Where the cell sits in the TSV export.
        public var tsvColumn: Int { source.tsvCol?.index ?? column }
    }

    /// One row of the sheet and the template row it came from.
    public struct Row: Sendable {
        public let index: Int
        public let template: Layout.Row
        public var cells: [Cell]
        /// Height in points that shows every text of the row in full.
        public var height: Double = 0
        /// An extra row that only gives a tall row more height (merged into the row above); not in the TSV export.
        public var isContinuation = false
    }

    /// A merged block, inclusive, zero-based.
    public struct Merge: Sendable, Equatable {
        public let firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
    }

    public private(set) var rows: [Row] = []
    public private(set) var merges: [Merge] = []
    /// Field path → (row, column) of its cell, for formulas and messages.
    public private(set) var fieldCells: [String: (row: Int, column: Int)] = [:]
    public let template: Layout
    /// Column widths in points by column index, for measuring texts.
    private let widths: [Double]

    /// Lays out `form` as `template` places it (amounts already in the layout's money unit).
    public init(form: Form, template: Layout) {
        self.template = template
        var widths = Array(repeating: TextMeasure.points(ofColumnWidth: 8.43), count: (template.columns.map(\.col.index).max() ?? 0) + 1)
        for column in template.columns { widths[column.col.index] = TextMeasure.points(ofColumnWidth: column.width) }
        self.widths = widths
        var itemRows: Range<Int> = 0..<0
        var header: Layout.Row?
        for templateRow in template.rows {
            if templateRow.kind == .header { header = templateRow }
            if templateRow.kind == .items {
                let start = rows.count
                layItems(templateRow, form: form)
                itemRows = start..<rows.count
            } else {
                layRow(templateRow, form: form, header: header)
            }
        }
        resolveFormulas(itemRows: itemRows)
        fitMergedBlocks()
    }

    private mutating func layRow(_ templateRow: Layout.Row, form: Form, header: Layout.Row?) {
        let index = rows.count
        var row = Row(index: index, template: templateRow, cells: [])
        for source in templateRow.cells {
            let content: Content
            if let pattern = source.writtenPattern {
                content = .label(pattern.render { $0 == "funds.unit" ? template.moneyUnit : Self.text(of: $0, in: form) }
                                 ?? source.text ?? pattern.render { _ in "" } ?? "")
            } else if let label = source.label {
                content = .label(label)
            } else if source.field == "extras" {
                let beside = templateRow.cells.last(where: { $0.label != nil && $0.col < source.col })
                let above = templateRow.kind == .table ? header?.cells.first(where: { $0.label != nil && $0.col == source.col }) : nil
                let labels = [above, beside].compactMap { $0?.label.map(LabelText.normalized) }
                content = .value(.text(form.extras.first { extra in labels.contains { LabelText.normalized(extra.label).hasSuffix($0) } }?.value ?? ""))
            } else if let path = source.field, let codeField = source.codeField, let code = form.text(codeField), !code.isEmpty {
                content = .value(.text(code + "-" + (form.text(path) ?? "")))
                fieldCells[path] = (index, source.col.index)
            } else if let path = source.field {
                content = .value(form[path] ?? FieldValue.empty(source.effectiveFormat))
                fieldCells[path] = (index, source.col.index)
            } else {
                content = .constant(source.text ?? "")
            }
            row.cells.append(Cell(row: index, column: source.col.index, content: content, source: source,
                                  path: source.field, formula: source.formula))
        }
        row.height = height(of: row)
        let extra = row.height > TextMeasure.maximumRowHeight
            ? Int((row.height / TextMeasure.maximumRowHeight).rounded(.up)) - 1 : 0
        if extra > 0 { row.height = row.height / Double(extra + 1) }
        rows.append(row)
        for _ in 0..<extra {
            rows.append(Row(index: rows.count, template: templateRow, cells: [], height: row.height, isContinuation: true))
        }
        for source in templateRow.cells {
            let down = source.mergeDown.flatMap { if case .rows(let n) = $0 { n } else { nil } } ?? 1
            addMerge(source, row: index, down: max(down, 1 + extra))
        }
    }

    /// The text a pattern shows for `path`: a field's value, or the value of an extra (`extras.部门`).
    private static func text(of path: String, in form: Form) -> String? {
        guard path.hasPrefix("extras.") else { return form[path]?.displayText }
        let label = String(path.dropFirst(7))
        return form.extras.first { $0.label == label }?.value
    }

    /// The height that shows the row's tallest text, from the template's column widths and font; labels merged down
    /// over several rows count in `fitMergedBlocks` instead.
    private func height(of row: Row) -> Double {
        let lines = row.cells.filter { $0.source.mergeDown == nil }.map(lines).max() ?? 1
        return max(row.template.height ?? 0, TextMeasure.height(lines: lines, fontSize: template.font.size))
    }

    /// Lines a cell's text takes across its columns.
    private func lines(_ cell: Cell) -> Int {
        let last = cell.source.mergeTo?.index ?? cell.column
        let width = (cell.column...last).reduce(0) { $0 + ($1 < widths.count ? widths[$1] : TextMeasure.points(ofColumnWidth: 8.43)) }
        return TextMeasure.lines(cell.content.displayText, width: width, fontSize: template.font.size)
    }

    /// Makes the last row under a label merged down taller when the rows it spans are together too short for its text.
    private mutating func fitMergedBlocks() {
        var lastRows: [Int: Int] = [:]
        for merge in merges { lastRows[merge.firstRow << 16 | merge.firstColumn] = merge.lastRow }
        for row in rows.indices {
            for cell in rows[row].cells where cell.source.mergeDown != nil {
                let last = lastRows[row << 16 | cell.column] ?? row
                let needed = TextMeasure.height(lines: lines(cell), fontSize: template.font.size)
                let have = rows[row...last].reduce(0) { $0 + $1.height }
                if needed > have { rows[last].height = min(rows[last].height + needed - have, TextMeasure.maximumRowHeight) }
            }
        }
    }

    private mutating func layItems(_ templateRow: Layout.Row, form: Form) {
        let level1 = template.level1Format
        let level2 = template.categoryFormat
        let itemsStart = rows.count
        for (i, indicator) in form.indicators.enumerated() {
            let indicatorStart = rows.count
            // A level 1 without level 2 (a form cut short after its name) still gets its row.
            for (c, category) in (indicator.categories.isEmpty ? [Category()] : indicator.categories).enumerated() {
                let categoryStart = rows.count
                for (n, item) in (category.items.isEmpty ? [Item()] : category.items).enumerated() {
                    let index = rows.count
                    var row = Row(index: index, template: templateRow, cells: [])
                    for source in templateRow.cells {
                        let isFirst: Bool
                        let content: Content
                        switch source.field {
                        case "indicator.name":
                            isFirst = index == indicatorStart
                            content = .value(.text(level1.format(name: indicator.name, weight: indicator.weight)))
                        case "category.name":
                            isFirst = index == categoryStart
                            content = .value(.text(level2.format(name: category.name, weight: category.weight)))
                        case .some:
                            isFirst = true
                            content = .value(source.itemKey.flatMap { item[$0] } ?? FieldValue.empty(source.effectiveFormat))
                        case nil:
                            isFirst = index == itemsStart
                            content = source.label.map(Content.label) ?? .constant(source.text ?? "")
                        }
                        guard isFirst else { continue }
                        let path: String?
                        switch source.field {
                        case "indicator.name": path = IndicatorPath.indicator(i, field: "name")
                        case "category.name": path = IndicatorPath.category(i, c, field: "name")
                        case .some: path = source.itemKey.map { IndicatorPath.item(i, c, n, field: $0) }
                        case nil: path = nil
                        }
                        row.cells.append(Cell(row: index, column: source.col.index, content: content, source: source,
                                              path: path, formula: nil))
                    }
                    row.height = min(height(of: row), TextMeasure.maximumRowHeight)
                    rows.append(row)
                }
                mergeDown(templateRow, "category.name", from: categoryStart, to: rows.count - 1)
            }
            mergeDown(templateRow, "indicator.name", from: indicatorStart, to: rows.count - 1)
        }
        if let label = templateRow.cells.first(where: { $0.mergeDown == .items }), rows.count - 1 > itemsStart {
            merges.append(Merge(firstRow: itemsStart, firstColumn: label.col.index, lastRow: rows.count - 1, lastColumn: label.col.index))
        }
    }

    private mutating func mergeDown(_ templateRow: Layout.Row, _ field: String, from first: Int, to last: Int) {
        guard last > first, let cell = templateRow.cells.first(where: { $0.field == field }) else { return }
        merges.append(Merge(firstRow: first, firstColumn: cell.col.index, lastRow: last, lastColumn: cell.col.index))
    }

    private mutating func addMerge(_ source: Layout.Cell, row: Int, down: Int) {
        let lastColumn = source.mergeTo?.index ?? source.col.index
        guard lastColumn > source.col.index || down > 1 else { return }
        merges.append(Merge(firstRow: row, firstColumn: source.col.index, lastRow: row + down - 1, lastColumn: lastColumn))
    }

    /// Replaces `{funds.weight}` by `F9` and `{item.weight}` by the item column's range.
    private mutating func resolveFormulas(itemRows: Range<Int>) {
        let itemColumns = Dictionary(
            (template.rows.first { $0.kind == .items }?.fields ?? []).map { ($0.field!, $0.col.index) },
            uniquingKeysWith: { first, _ in first })
        for r in rows.indices {
            for c in rows[r].cells.indices {
                guard let formula = rows[r].cells[c].formula else { continue }
                var resolved = ""
                var rest = Substring(formula)
                while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                    resolved += rest[..<open]
                    let path = String(rest[rest.index(after: open)..<close])
                    if let cell = fieldCells[path] {
                        resolved += CellReference.name(row: cell.row, column: cell.column)
                    } else if path == "funds.unit" {
                        resolved += "1"
                    } else if let column = itemColumns[path], !itemRows.isEmpty {
                        resolved += CellReference.name(row: itemRows.lowerBound, column: column) + ":" +
                            CellReference.name(row: itemRows.upperBound - 1, column: column)
                    } else {
                        resolved += "0"
                    }
                    rest = rest[rest.index(after: close)...]
                }
                rows[r].cells[c].formula = resolved + rest
            }
        }
    }
}

extension SheetLayout.Content {
    /// The text the cell shows, for measuring.
    var displayText: String {
        switch self {
        case .label(let text), .constant(let text): return text
        case .value(let value): return value.displayText
        }
    }
}
