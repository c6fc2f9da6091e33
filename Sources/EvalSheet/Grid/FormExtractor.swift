/// Finds the form in a grid by its labels, as Templates/ declares them, and reads every field into the model.
struct FormExtractor {
    private let template: Template
    private let rows: [Grid.Row]
    private var normalizedRows: [[String]?]
    private let knownLabels: Set<String>
    private let level1Label: Level1Label
    /// Longest cell that can be a label; longer cells are values and are never normalised.
    private static let maximumLabelLength = 40
    private var reading = FormReading(form: Form())
    private var cursor = 0

    init(grid: Grid, template: Template = .standard) {
        self.template = template
        self.rows = grid.rows.filter { !$0.isBlank }
        self.normalizedRows = Array(repeating: nil, count: rows.count)
        self.knownLabels = template.normalizedLabels
        self.level1Label = Level1Label(template.level1Label)
    }

    /// Columns of the last header row: where each template column sits in this file.
    private struct Header {
        var columns: [Int: Int] = [:]
        var starts: [Int] = []

        /// The columns a value under the header at `column` may occupy: up to the next header.
        func span(of column: Int) -> Range<Int>? {
            guard let start = columns[column] else { return nil }
            let end = starts.first(where: { $0 > start }) ?? Int.max
            return start..<end
        }
    }

    /// Reads the whole form or explains which label is missing.
    mutating func extract() throws -> FormReading {
        var header = Header()
        var lastFound = "the start of the file"
        for (index, row) in template.rows.enumerated() {
            switch row.kind {
            case .title, .note:
                continue
            case .section:
                if let label = row.rowLabel, let found = find(label, from: cursor) {
                    cursor = found.row + 1
                    lastFound = label
                }
            case .pairs:
                try readPairs(row, after: lastFound)
                lastFound = row.labels.last?.label ?? lastFound
            case .header:
                header = try readHeader(row, after: lastFound)
                lastFound = row.labels.first?.label ?? lastFound
            case .table:
                guard let label = row.rowLabel else { continue }
                guard let found = find(label, from: cursor) else { throw EvalSheetError.notTheForm(missing: label, after: lastFound) }
                for cell in row.fields { try readField(cell, in: found.row, under: header) }
                cursor = found.row + 1
                lastFound = label
            case .items:
                let end = try endOfItems(after: index, lastFound: lastFound)
                try readItems(row, rows: cursor..<end, under: header)
                cursor = end
            }
        }
        return reading
    }

    // MARK: Finding labels

    private mutating func find(_ label: String, from start: Int, inRow only: Int? = nil) -> (row: Int, column: Int)? {
        let wanted = LabelText.normalized(label)
        let range = only.map { $0...$0 } ?? (start...max(start, rows.count - 1))
        for rowIndex in range where rowIndex < rows.count {
            if let column = normalized(rowIndex).firstIndex(of: wanted) { return (rowIndex, column) }
        }
        return nil
    }

    /// The row's cells as comparable labels, worked out when first searched.
    private mutating func normalized(_ row: Int) -> [String] {
        if let cached = normalizedRows[row] { return cached }
        let cells = rows[row].cells.map { $0.count > Self.maximumLabelLength ? "" : LabelText.normalized($0) }
        normalizedRows[row] = cells
        return cells
    }

    private mutating func endOfItems(after index: Int, lastFound: String) throws -> Int {
        guard let closing = template.rows[(index + 1)...].first(where: { $0.kind == .table })?.rowLabel else {
            return rows.count
        }
        guard let found = find(closing, from: cursor) else { throw EvalSheetError.notTheForm(missing: closing, after: lastFound) }
        return found.row
    }

    // MARK: Rows

    private mutating func readPairs(_ row: Template.Row, after lastFound: String) throws {
        guard let first = row.labels.first?.label else { return }
        guard let anchor = find(first, from: cursor) else { throw EvalSheetError.notTheForm(missing: first, after: lastFound) }
        var lastRow = anchor.row
        for field in row.fields {
            guard let label = row.cells.last(where: { $0.label != nil && $0.col < field.col })?.label else { continue }
            guard let found = find(label, from: anchor.row, inRow: anchor.row) ?? find(label, from: cursor) else {
                throw EvalSheetError.notTheForm(missing: label, after: first)
            }
            let cells = rows[found.row].cells
            var column = found.column + 1
            var text = ""
            while column < cells.count {
                let candidate = cells[column]
                if !candidate.isBlank {
                    if !knownLabels.contains(normalized(found.row)[column]) { text = candidate }
                    break
                }
                column += 1
            }
            try store(text, cell: field, path: field.field!, row: found.row, column: min(column, found.column + 1))
            lastRow = max(lastRow, found.row)
        }
        cursor = lastRow + 1
    }

    private mutating func readHeader(_ row: Template.Row, after lastFound: String) throws -> Header {
        guard let first = row.labels.first?.label else { return Header() }
        guard let anchor = find(first, from: cursor) else { throw EvalSheetError.notTheForm(missing: first, after: lastFound) }
        var header = Header()
        for cell in row.labels {
            guard let found = find(cell.label!, from: anchor.row, inRow: anchor.row) else {
                throw EvalSheetError.notTheForm(missing: cell.label!, after: first)
            }
            header.columns[cell.col.index] = found.column
        }
        header.starts = header.columns.values.sorted()
        cursor = anchor.row + 1
        return header
    }

    private mutating func readField(_ cell: Template.Cell, in row: Int, under header: Header) throws {
        let (text, column) = value(at: cell.col.index, in: row, under: header, paragraphs: cell.format == .paragraphs)
        try store(text, cell: cell, path: cell.field!, row: row, column: column)
    }

    /// The text under a header column (paragraph cells joined by newlines) and where it starts.
    private func value(at templateColumn: Int, in row: Int, under header: Header, paragraphs: Bool) -> (String, Int) {
        let cells = rows[row].cells
        guard let span = header.span(of: templateColumn) else {
            return (rows[row][templateColumn], templateColumn)
        }
        var parts: [String] = []
        var first: Int?
        for column in span.lowerBound..<max(span.lowerBound, min(span.upperBound, cells.count)) where !cells[column].isEmpty {
            if first == nil { first = column }
            if paragraphs { parts += CellText.paragraphs(cells[column]) } else { parts.append(cells[column]); break }
        }
        return (parts.joined(separator: "\n"), first ?? span.lowerBound)
    }

    private mutating func readItems(_ row: Template.Row, rows range: Range<Int>, under header: Header) throws {
        guard let level1 = row.cells.first(where: { $0.field == "indicator.name" }),
              let level2 = row.cells.first(where: { $0.field == "category.name" }) else { return }
        let itemFields = row.fields.filter { FormFields.itemTexts[$0.field!] != nil || FormFields.itemDecimals[$0.field!] != nil }
        let fieldNames = itemFields.map { $0.field!.split(separator: ".").last.map(String.init) ?? "" }
        var indicators: [Indicator] = []
        for rowIndex in range {
            let (level1Text, level1Column) = value(at: level1.col.index, in: rowIndex, under: header, paragraphs: false)
            let (level2Text, level2Column) = value(at: level2.col.index, in: rowIndex, under: header, paragraphs: false)
            let cellName = CellReference.name(row: rows[rowIndex].number, column: level1Column)
            var startedIndicator = false
            if let parsed = level1Label.parse(level1Text) {
                if let name = parsed.name, name != indicators.last?.name {
                    indicators.append(Indicator(name: name))
                    startedIndicator = true
                    reading.cells[IndicatorPath.indicator(indicators.count - 1) + ".name"] = cellName
                }
                if let weight = parsed.weight {
                    guard !indicators.isEmpty else {
                        throw EvalSheetError(.invalidForm, "cell \(cellName): weight \(level1Text) comes before any 一级指标; put the 一级指标 name first")
                    }
                    indicators[indicators.count - 1].weight = weight
                    reading.cells[IndicatorPath.indicator(indicators.count - 1) + ".weight"] = cellName
                }
            } else if !level1Text.isEmpty {
                throw EvalSheetError.badValue(cell: cellName, path: IndicatorPath.indicator(indicators.count) + ".weight",
                                              label: "一级指标", expected: "a name with its weight such as 产出指标 (50分)", found: level1Text)
            }
            guard !indicators.isEmpty else {
                throw EvalSheetError(.invalidForm, "cell \(cellName): indicator row without 一级指标; fill in the 一级指标 of the first row")
            }
            let i = indicators.count - 1
            let level2Name = level2Text.trimmed
            if startedIndicator || (!level2Name.isEmpty && level2Name != indicators[i].categories.last?.name) {
                indicators[i].categories.append(Category(name: level2Name))
                reading.cells[IndicatorPath.category(i, indicators[i].categories.count - 1) + ".name"] =
                    CellReference.name(row: rows[rowIndex].number, column: level2Column)
            }
            let c = indicators[i].categories.count - 1
            var item = Item()
            let itemIndex = indicators[i].categories[c].items.count
            let prefix = IndicatorPath.item(i, c, itemIndex) + "."
            for (cell, fieldName) in zip(itemFields, fieldNames) {
                let (text, column) = value(at: cell.col.index, in: rowIndex, under: header, paragraphs: false)
                let path = prefix + fieldName
                let ref = CellReference.name(row: rows[rowIndex].number, column: column)
                reading.cells[path] = ref
                switch try parse(text, cell: cell, path: path, ref: ref) {
                case .text(let value): item[keyPath: FormFields.itemTexts[cell.field!]!] = value
                case .decimal(let value): item[keyPath: FormFields.itemDecimals[cell.field!]!] = value
                case .integer: break
                }
            }
            indicators[i].categories[c].items.append(item)
        }
        reading.form.indicators = indicators
    }

    // MARK: Values

    private mutating func store(_ text: String, cell: Template.Cell, path: String, row: Int, column: Int) throws {
        let ref = CellReference.name(row: rows[row].number, column: column)
        reading.cells[path] = ref
        switch try parse(text, cell: cell, path: path, ref: ref) {
        case .text(let value): reading.form[keyPath: FormFields.formTexts[path]!] = value
        case .decimal(let value): reading.form[keyPath: FormFields.formDecimals[path]!] = value
        case .integer(let value): reading.form[keyPath: FormFields.formIntegers[path]!] = value
        }
    }

    private func parse(_ text: String, cell: Template.Cell, path: String, ref: String) throws -> FieldValue {
        var label: String { template.label(forField: cell.field!) }
        switch cell.effectiveFormat {
        case .text, .level1:
            return .text(text)
        case .paragraphs:
            return .text(text)
        case .integer:
            guard let value = CellText.integer(text) else {
                throw EvalSheetError.badValue(cell: ref, path: path, label: label, expected: "a whole number", found: text)
            }
            return .integer(value)
        case .amount, .decimal, .percent:
            guard let value = CellText.decimal(text, percent: cell.effectiveFormat == .percent) else {
                throw EvalSheetError.badValue(cell: ref, path: path, label: label, expected: "a decimal number", found: text)
            }
            return .decimal(value)
        }
    }
}
