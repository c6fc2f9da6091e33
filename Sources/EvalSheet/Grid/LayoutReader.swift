/// Reads the forms of one layout from a grid by the layout's labels: each block is found on its own, wherever it
/// sits; the indicator columns are mapped by their headers; several forms one after another give one reading each.
struct LayoutReader {
    let layout: Layout
    private let cells: LabelCells
    private var rows: [Grid.Row] { cells.rows }
    /// Rows above a form's first label that may hold its title.
    private static let titleLookback = 3

    init(cells: LabelCells, layout: Layout) {
        self.layout = layout
        self.cells = cells
    }

    /// Every form of this layout in the grid, one per occurrence of the label the layout starts with.
    func readAll() throws -> [FormReading] {
        guard let start = layout.rows.first(where: { $0.kind == .pairs && !$0.labels.isEmpty })?.labels.first else { return [] }
        let starts = rows.indices.filter { find(start, in: $0..<($0 + 1)) != nil }
        guard !starts.isEmpty else { throw EvalSheetError.notTheForm(missing: start.label ?? "", after: ("the start of the file", "文件开头")) }
        var readings: [FormReading] = []
        for (index, row) in starts.enumerated() {
            let previous = index > 0 ? starts[index - 1] : -1
            let next = index + 1 < starts.count ? titleStart(before: starts[index + 1], after: row) : rows.count
            readings.append(try read(titleStart(before: row, after: previous)..<next))
        }
        return readings
    }

    /// The row of the form's title when one of the few rows above `row` holds it, else `row`.
    private func titleStart(before row: Int, after previous: Int) -> Int {
        var start = row
        for candidate in stride(from: row - 1, through: max(previous + 1, row - Self.titleLookback), by: -1) {
            if normalized(candidate).contains(where: { LabelText.range(of: "自评表", in: $0[...], last: false) != nil }) { start = candidate }
        }
        return start
    }

    // MARK: One form

    /// The header the following rows are read under: template column → where that column sits in the file.
    private struct Header {
        var row = -1
        var columns: [Int: Int] = [:]
        var starts: [Int] = []

        /// The file columns a value under the template column may occupy: up to the next header column.
        func span(of templateColumn: Int) -> Range<Int>? {
            guard let start = columns[templateColumn] else { return nil }
            return start..<(starts.first(where: { $0 > start }) ?? Int.max)
        }
    }

    private func read(_ segment: Range<Int>) throws -> FormReading {
        var reading = FormReading(form: Form(reservingCapacity: layout.placedFieldCount))
        // room for the items too, once: the items row reserving more later rehashed every field read before it
        reading.cells.reserveCapacity(fields: layout.placedFieldCount + 2 * min(segment.count, 1024), items: min(segment.count, 1024))
        reading.form.layout = layout.id
        var header = Header()
        var unlabeledRows = 0
        var previousKind: Layout.RowKind?
        for (index, row) in layout.rows.enumerated() {
            defer { previousKind = row.kind }
            try readPatterns(row, in: segment, into: &reading)
            switch row.kind {
            case .title, .note, .section:
                continue
            case .pairs:
                try readPairs(row, in: segment, into: &reading)
            case .header:
                if previousKind != .header { header = Header() }
                readHeader(row, in: segment, into: &header)
                unlabeledRows = 0
            case .table:
                guard header.row >= 0 || row.rowLabel != nil else { continue }
                let after = max(header.row + 1, segment.lowerBound)
                if let label = row.rowLabel {
                    if let found = find(label, in: after..<segment.upperBound) {
                        let shift = collapsedShift(of: row, label: label, foundAt: found.column, under: header)
                        try readTableRow(row, at: found.row, under: header, shift: shift, into: &reading)
                    }
                } else if after + unlabeledRows < segment.upperBound {
                    try readValuesRow(row, at: after + unlabeledRows, under: header, into: &reading)
                    unlabeledRows += 1
                }
            case .items:
                guard header.row >= 0 else { continue }
                let first = header.row + 1
                let closing = layout.rows[(index + 1)...].flatMap(\.labels)
                    .compactMap { find($0, in: first..<segment.upperBound)?.row }.min()
                if closing == nil, let last = segment.last { reading.cutShort = "row \(rows[last].number + 1)" }
                try readItems(row, rows: first..<(closing ?? segment.upperBound), under: header, into: &reading)
            }
        }
        return reading
    }

    // MARK: Finding labels

    /// Where a label cell (any of its wordings) first appears in `range`; `inline` is what follows `label:` in the same cell.
    private func find(_ cell: Layout.Cell, in range: Range<Int>) -> (row: Int, column: Int, inline: String?)? {
        for rowIndex in range where rowIndex >= 0 && rowIndex < rows.count {
            if let (column, inline) = match(cell, inRow: rowIndex) { return (rowIndex, column, inline) }
        }
        return nil
    }

    /// The first column of row `rowIndex` that holds a label cell (any of its wordings), and what follows `label:` there.
    private func match(_ cell: Layout.Cell, inRow rowIndex: Int) -> (column: Int, inline: String?)? {
        let row = cells.row(rowIndex)
        // no wording's hash is among the row's, and no pattern to try: most searches end here
        if !row.mask.intersects(cell.plainLabelMask), cell.labelPatterns.isEmpty || cell.label == nil { return nil }
        let labels = cell.plainLabels, hashes = cell.plainLabelHashes
        let patterns = cell.label == nil ? [] : cell.labelPatterns
        let texts = row.texts, cellHashes = row.hashes
        for column in texts.indices {
            if !patterns.isEmpty, case let text = texts[column], !text.isEmpty, patterns.contains(where: { $0.match(text) != nil }) {
                return (column, nil)
            }
            // Hashes first (no text is touched unless one matches), then the normalised UTF-8 bytes: much faster
            // than String's canonical comparison. An empty cell (or one too long to be a label) matches nothing.
            let (whole, prefix) = cellHashes[column]
            for index in labels.indices where hashes[index] == whole || hashes[index] == prefix {
                let label = labels[index], text = texts[column]
                if text.isEmpty { break }
                if hashes[index] == whole, LabelHash.bytes(of: text, startWith: label, whole: true) { return (column, nil) }
                if hashes[index] == prefix, LabelHash.bytes(of: text, startWith: label, whole: false) {
                    let raw = rows[rowIndex][column]
                    let rest = raw.firstIndex(where: { $0 == ":" || $0 == "：" }).map { raw[raw.index(after: $0)...].trimmed } ?? ""
                    return (column, rest)
                }
            }
        }
        return nil
    }

    /// The row's cells as comparable labels.
    private func normalized(_ row: Int) -> [String] { cells.row(row).texts }

    // MARK: Blocks

    /// Fields carried inside a label or text: the year in the title, the money unit in `项目资金（万元）`.
    private func readPatterns(_ row: Layout.Row, in segment: Range<Int>, into reading: inout FormReading) throws {
        for cell in row.cells {
            let patterns = cell.labelPatterns
            guard !patterns.isEmpty, cell.placedFields.contains(where: { reading.form[$0] == nil }) || cell.field == nil else { continue }
            search: for rowIndex in segment {
                for (column, text) in normalized(rowIndex).enumerated() where !text.isEmpty {
                    for pattern in patterns {
                        guard let captures = pattern.match(text) else { continue }
                        var values: [(String, FieldValue)] = []
                        for path in pattern.fields {
                            guard let captured = captures[path] else { continue }
                            guard let value = try? parse(captured, format: Layout.Cell.format(ofField: path), path: path, ref: "") else { continue }
                            values.append((path, value))
                        }
                        guard values.count == captures.count else { continue }
                        for (path, value) in values { store(value, at: path, row: rowIndex, column: column, into: &reading) }
                        break search
                    }
                }
            }
        }
    }

    private func readPairs(_ row: Layout.Row, in segment: Range<Int>, into reading: inout FormReading) throws {
        var at: (row: Int, column: Int, inline: String?)?
        var taken = 0
        for cell in row.cells {
            if cell.label != nil {
                at = find(cell, in: segment)
                taken = 0
                continue
            }
            guard let path = cell.field, let found = at else { continue }
            defer { taken += 1 }
            var text = ""
            var column = found.column + 1
            if let inline = found.inline, taken == 0 {
                text = inline
                column = found.column
            } else {
                let cells = rows[found.row].cells
                var seen = found.inline == nil ? 0 : 1
                var scan = found.column + 1
                while scan < cells.count {
                    if !cells[scan].isBlank {
                        if layout.normalizedLabels.contains(normalized(found.row)[scan]) { break }
                        if seen == taken {
                            text = cell.effectiveFormat == .paragraphs ? CellText.paragraphs(cells[scan]).joined(separator: "\n") : cells[scan]
                            column = scan
                            break
                        }
                        seen += 1
                    }
                    scan += 1
                }
            }
            let label = path == "extras" ? rows[found.row][found.column] : nil
            try store(text, cell: cell, path: path, extraLabel: label, row: found.row, column: column, into: &reading)
        }
    }

    private func readHeader(_ row: Layout.Row, in segment: Range<Int>, into header: inout Header) {
        var best: (row: Int, found: [(Int, Int)])?
        let labels = row.labels
        for rowIndex in segment {
            var found: [(Int, Int)] = []
            for cell in labels {
                guard let at = match(cell, inRow: rowIndex) else { continue }
                found.append((cell.col.index, at.column))
            }
            if found.count > (best?.found.count ?? 0) { best = (rowIndex, found) }
            if found.count == labels.count { break }
        }
        guard let best, best.found.count * 2 >= labels.count else { return }
        for (templateColumn, fileColumn) in best.found {
            header.columns[templateColumn] = fileColumn
            // A merged header label covers the template columns up to its mergeTo.
            if let cell = labels.first(where: { $0.col.index == templateColumn }), let last = cell.mergeTo?.index, last > templateColumn {
                for covered in (templateColumn + 1)...last where header.columns[covered] == nil { header.columns[covered] = fileColumn }
            }
        }
        header.starts = Array(Set(header.starts + best.found.map(\.1))).sorted()
        header.row = max(header.row, best.row)
    }

    private func readTableRow(_ row: Layout.Row, at rowIndex: Int, under header: Header, shift: Int = 0,
                              into reading: inout FormReading) throws {
        for cell in row.fields {
            let (text, column) = value(at: cell.col.index, in: rowIndex, under: header, paragraphs: cell.effectiveFormat == .paragraphs,
                                       shift: shift)
            let label = cell.field == "extras" ? headerLabel(above: cell, header: header) : nil
            try store(text, cell: cell, path: cell.field!, extraLabel: label, row: rowIndex, column: column, shift: shift, into: &reading)
        }
    }

    /// The printed header text above a template column, for an extras cell under a header.
    private func headerLabel(above cell: Layout.Cell, header: Header) -> String? {
        guard let column = header.columns[cell.col.index], header.row >= 0 else { return nil }
        return rows[header.row][column].trimmed
    }

    /// A row of values without a label (the goal texts under their header): each value under its header column;
    /// in a collapsed copy (a value stands left of the first header column) the values in order.
    private func readValuesRow(_ row: Layout.Row, at rowIndex: Int, under header: Header, into reading: inout FormReading) throws {
        let cells = rows[rowIndex].cells
        let fields = row.fields
        let firstStart = fields.compactMap { header.span(of: $0.col.index)?.lowerBound }.min() ?? 0
        guard cells.prefix(firstStart).contains(where: { !$0.isBlank }) else {
            return try readTableRow(row, at: rowIndex, under: header, into: &reading)
        }
        for (index, cell) in fields.enumerated() {
            let text = index < cells.count ? cells[index] : ""
            let value = cell.effectiveFormat == .paragraphs ? CellText.paragraphs(text).joined(separator: "\n") : text
            try store(value, cell: cell, path: cell.field!, extraLabel: nil, row: rowIndex, column: index, into: &reading)
        }
    }

    /// How far a copied table row stands left of its place: a browser's copy of an HTML table leaves out the cells
    /// a merged cell above covers, so a row label expected under column B arrives in column A.
    private func collapsedShift(of row: Layout.Row, label: Layout.Cell, foundAt column: Int, under header: Header) -> Int {
        guard let anchor = row.fields.first(where: { header.columns[$0.col.index] != nil }),
              let anchorColumn = header.columns[anchor.col.index] else { return 0 }
        let expected = anchorColumn - (anchor.col.index - label.col.index)
        return max(0, expected - column)
    }

    /// The text under a header column (paragraph cells joined by newlines) and where it starts; `shift` moves a
    /// collapsed row's cells right to where they belong.
    private func value(at templateColumn: Int, in row: Int, under header: Header, paragraphs: Bool, shift: Int = 0) -> (String, Int) {
        let cells = rows[row].cells
        guard let span = header.span(of: templateColumn) else {
            return (templateColumn >= shift ? rows[row][templateColumn - shift] : "", templateColumn)
        }
        var parts: [String] = []
        var first: Int?
        let end = min(span.upperBound, cells.count + shift)
        for column in span.lowerBound..<max(span.lowerBound, end) where column - shift >= 0 && !cells[column - shift].isEmpty {
            // a plain value is the first filled cell as it stands, with no list to join
            guard paragraphs else { return (cells[column - shift], column) }
            if first == nil { first = column }
            parts += CellText.paragraphs(cells[column - shift])
        }
        return (parts.joined(separator: "\n"), first ?? span.lowerBound)
    }

    // MARK: Indicators

    private func readItems(_ row: Layout.Row, rows range: Range<Int>, under header: Header, into reading: inout FormReading) throws {
        guard let level1 = row.cells.first(where: { $0.field == "indicator.name" }),
              let level2 = row.cells.first(where: { $0.field == "category.name" }) else { return }
        let itemCells = row.fields.filter { $0.field!.hasPrefix("item.") && header.span(of: $0.col.index) != nil }
        let level1Label = layout.level1Format
        let level2Label = layout.categoryFormat
        var indicators: [Indicator] = []
        reading.cells.reserveCapacity(fields: layout.placedFieldCount + 2 * min(range.count, 1024), items: min(range.count, 1024))
        let width = (header.starts.last ?? 0) + 1
        let level1Start = header.span(of: level1.col.index)?.lowerBound ?? 0
        for rowIndex in range {
            let shift = collapsedItemShift(rowIndex, width: width, level1Start: level1Start)
            let (level1Text, level1Column) = value(at: level1.col.index, in: rowIndex, under: header, paragraphs: false, shift: shift)
            let (level2Text, level2Column) = value(at: level2.col.index, in: rowIndex, under: header, paragraphs: false, shift: shift)
            let cellName = CellReference.name(row: rows[rowIndex].number, column: level1Column)
            var startedIndicator = false
            if let parsed = level1Label.parse(level1Text) {
                if let name = parsed.name, name != indicators.last?.name {
                    indicators.append(Indicator(name: name))
                    startedIndicator = true
                    reading.cells[IndicatorPath.indicator(indicators.count - 1, field: "name")] = cellName
                }
                if let weight = parsed.weight {
                    guard !indicators.isEmpty else {
                        throw EvalSheetError(.invalidForm, "cell \(cellName): weight \(level1Text) comes before any 一级指标; put the 一级指标 name first", zh: "单元格 \(cellName)：权重 \(level1Text) 出现在任何一级指标之前；请先填写一级指标名称")
                    }
                    indicators[indicators.count - 1].weight = weight
                    reading.cells[IndicatorPath.indicator(indicators.count - 1, field: "weight")] = cellName
                }
            } else if !level1Text.isEmpty {
                throw EvalSheetError.badValue(cell: cellName, path: IndicatorPath.indicator(indicators.count, field: "weight"),
                                              label: "一级指标", expected: ("a name with its weight such as 产出指标 (50分)", "带分值的名称，如 产出指标 (50分)"), found: level1Text)
            }
            var texts: [(Layout.Cell, String, Int)] = []
            texts.reserveCapacity(itemCells.count)
            for cell in itemCells {
                let (text, column) = value(at: cell.col.index, in: rowIndex, under: header, paragraphs: false, shift: shift)
                texts.append((cell, text, column))
            }
            let isPlaceholder = !layout.keepsBlankItems
                && texts.allSatisfy { $0.1.isBlank || ($0.0.field == "item.name" && Self.isPlaceholder($0.1)) }
            guard !indicators.isEmpty else {
                if isPlaceholder && level2Text.isBlank { continue }
                throw EvalSheetError(.invalidForm, "cell \(cellName): indicator row without 一级指标; fill in the 一级指标 of the first row", zh: "单元格 \(cellName)：指标行没有一级指标；请填写第一行的一级指标")
            }
            let i = indicators.count - 1
            let parsed2 = level2Label.parse(level2Text)
            let level2Name = parsed2?.name ?? ""
            // A new level 1 starts a level 2 when the row names one or holds an item (a level 1 cut short after its
            // name, as a page ending mid-form leaves it, has none).
            if (startedIndicator && (!level2Name.isEmpty || texts.contains { !$0.1.isBlank }))
                || (!level2Name.isEmpty && level2Name != indicators[i].categories.last?.name) {
                indicators[i].categories.append(Category(name: level2Name, weight: parsed2?.weight))
                reading.cells[IndicatorPath.category(i, indicators[i].categories.count - 1, field: "name")] =
                    CellReference.name(row: rows[rowIndex].number, column: level2Column)
            }
            guard !isPlaceholder, !indicators[i].categories.isEmpty else { continue }
            let c = indicators[i].categories.count - 1
            var item = Item(reservingCapacity: texts.count)
            let itemIndex = indicators[i].categories[c].items.count
            var columns: [(key: String, column: Int)] = []
            columns.reserveCapacity(texts.count)
            for (cell, text, column) in texts {
                let key = cell.itemKey!
                columns.append((key, column))
                item[key] = try parse(stored(text, row: rowIndex, column: column - shift, format: cell.effectiveFormat), format: cell.effectiveFormat,
                                      path: IndicatorPath.item(i, c, itemIndex, field: key), ref: CellReference.name(row: rows[rowIndex].number, column: column))
            }
            reading.cells.setItem(i, c, itemIndex, row: rows[rowIndex].number, columns: columns)
            indicators[i].categories[c].items.append(item)
        }
        reading.form.indicators = indicators
    }

    /// How far a browser's copy of an indicator row stands left of its place: the copy leaves out the level-1 and
    /// level-2 cells that merged cells above cover but keeps every cell to the right, so a row that starts left of
    /// the level-1 column (with no label there) belongs against the header's right edge.
    private func collapsedItemShift(_ rowIndex: Int, width: Int, level1Start: Int) -> Int {
        let cells = rows[rowIndex].cells
        guard let first = cells.firstIndex(where: { !$0.isBlank }), first < level1Start, cells.count < width,
              !layout.normalizedLabels.contains(normalized(rowIndex)[first]) else { return 0 }
        return width - cells.count
    }

    /// Template rows left in a published form: `指标1`, `指标2：`, `……`.
    static func isPlaceholder(_ text: String) -> Bool {
        let compact = LabelText.normalized(text)
        if !compact.isEmpty, compact.allSatisfy({ $0 == "…" || $0 == "." || $0 == "。" }) { return true }
        guard compact.hasPrefix("指标") else { return false }
        let rest = compact.dropFirst(2)
        return !rest.isEmpty && rest.allSatisfy(\.isASCIIDigit)
    }

    // MARK: Values

    private func store(_ text: String, cell: Layout.Cell, path: String, extraLabel: String?, row: Int, column: Int,
                       shift: Int = 0, into reading: inout FormReading) throws {
        let ref = CellReference.name(row: rows[row].number, column: column)
        if path == "extras" {
            // The label as printed, joined across its in-cell line breaks.
            let label = LabelText.halfWidth(extraLabel ?? "").split(whereSeparator: \.isNewline).map(\.trimmed).joined().trimmingColons
            reading.form.extras.append(Extra(label: label, value: text.trimmed))
            return
        }
        if let codeField = cell.codeField, let (code, name) = Self.splitCode(text) {
            store(.text(code), at: codeField, row: row, column: column, into: &reading, ref: ref)
            store(.text(name), at: path, row: row, column: column, into: &reading, ref: ref)
            return
        }
        var source = stored(text, row: row, column: column - shift, format: cell.effectiveFormat)
        if cell.effectiveFormat == .amount { source = withoutUnit(source, unit: reading.form.text("funds.unit") ?? layout.moneyUnit) }
        store(try parse(source, format: cell.effectiveFormat, path: path, ref: ref, shown: text), at: path, row: row, column: column, into: &reading, ref: ref)
    }

    /// True when `shown` is the stored number `raw` written out, maybe with grouping commas and more fraction zeros.
    /// Walks both texts' bytes in place: every amount cell asks, and copying them into arrays cost an allocation each.
    static func shows(_ shown: String, stored raw: String) -> Bool {
        var plain = shown.utf8.lazy.filter { $0 != UInt8(ascii: ",") }.makeIterator()
        var storedHasPoint = false
        for byte in raw.utf8 {
            guard plain.next() == byte else { return false }
            if byte == UInt8(ascii: ".") { storedHasPoint = true }
        }
        guard let first = plain.next() else { return true }
        // what follows may only be more fraction zeros: after the stored point, or after a point a whole number lacks
        var zeros = 0
        if first == UInt8(ascii: "0"), storedHasPoint {
            zeros = 1
        } else if first != UInt8(ascii: ".") || storedHasPoint {
            return false
        }
        while let byte = plain.next() {
            guard byte == UInt8(ascii: "0") else { return false }
            zeros += 1
        }
        return zeros > 0
    }

    /// An amount without a suffix that restates the table's own money unit (`150万` in a table of 万元); any other
    /// suffix stays, so the amount is refused rather than read in the wrong unit.
    private func withoutUnit(_ text: String, unit: String) -> String {
        let suffixes = unit == "万元" ? ["万元", "万"] : [unit]
        // most amounts end in a digit: when the last scalar ends no suffix, there is nothing to take off
        let last = text.unicodeScalars.last { !$0.isSpace }.map(LabelText.halfWidth)
        guard unit.isEmpty || suffixes.contains(where: { $0.unicodeScalars.last == last }) else { return text }
        let trimmed = LabelText.halfWidth(text).trimmed
        guard let suffix = suffixes.first(where: { trimmed.hasSuffix($0) && trimmed.count > $0.count }) else { return text }
        return String(trimmed.dropLast(suffix.count)).trimmed
    }

    /// What a field is parsed from: for a decimal field, the number the sheet stores (at Excel's 15 digits) where it
    /// has one, so a format that hides decimals (`#,##0`) never changes the money; with the places the cell shows,
    /// when the stored number has no more; a percent-formatted rate × 100. Text fields take the text shown.
    private func stored(_ text: String, row: Int, column: Int, format: Layout.ValueFormat) -> String {
        guard format == .amount || format == .decimal || format == .percent, let raw = rows[row].number(at: column) else { return text }
        let shown = LabelText.halfWidth(text).trimmed
        let isPercent = format == .percent && shown.hasSuffix("%")
        // Most cells show what they store (`2,560,000.00` for 2560000): then the text, with its places, is the value.
        if !isPercent, Self.shows(shown, stored: raw) { return text }
        guard let number = FormDecimal(parsing: raw) else { return text }
        let shownScale = FormDecimal(parsing: isPercent ? String(shown.dropLast()) : String(shown.filter { $0 != "," }))?.scale ?? 0
        var value = number.value
        if isPercent { value *= 100 }
        return FormDecimal(value, atLeast: shownScale).description
    }

    private func store(_ value: FieldValue, at path: String, row: Int, column: Int, into reading: inout FormReading, ref: String? = nil) {
        let ref = ref ?? CellReference.name(row: rows[row].number, column: column)
        if path.hasPrefix("extras.") {
            reading.form.extras.append(Extra(label: String(path.dropFirst(7)), value: value.displayText))
            return
        }
        reading.cells[path] = ref
        reading.form[path] = value
    }

    /// `51092324T000010263357-工资性支出` → code and name; nil when the text does not start with a code.
    static func splitCode(_ text: String) -> (String, String)? {
        let trimmed = text.trimmed
        guard let dash = trimmed.firstIndex(where: { $0 == "-" || $0 == "－" }) else { return nil }
        let code = trimmed[..<dash]
        guard code.count >= 6, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), code.contains(where: \.isNumber) else { return nil }
        return (String(code), trimmed[trimmed.index(after: dash)...].trimmed)
    }

    /// The value of `text` in `format`; `path` and `ref` (the field and its cell) are worked out only for the error,
    /// which quotes `shown`, the cell as written, where `text` was taken from it (a restated unit taken off).
    private func parse(_ text: String, format: Layout.ValueFormat, path: @autoclosure () -> String, ref: @autoclosure () -> String,
                       shown: String? = nil) throws -> FieldValue {
        var label: String {
            let path = path()
            return layout.label(forField: path.hasPrefix("indicators[") ? "item." + (path.split(separator: ".").last.map(String.init) ?? "") : path)
        }
        switch format {
        case .text, .level1:
            return .text(text)
        case .paragraphs:
            return .text(text)
        case .unit:
            let unit = LabelText.halfWidth(text).trimmed
            guard FieldCatalog.shared.moneyUnits[unit] != nil else {
                throw EvalSheetError.badValue(cell: ref(), path: path(), label: label, expected: ("元 or 万元", "元或万元"), found: shown ?? text)
            }
            return .text(unit)
        case .integer:
            guard let value = CellText.integer(text) else {
                throw EvalSheetError.badValue(cell: ref(), path: path(), label: label, expected: ("a whole number", "整数"), found: shown ?? text)
            }
            return .integer(value)
        case .amount, .decimal, .percent:
            guard let value = CellText.decimal(text, percent: format == .percent) else {
                throw EvalSheetError.badValue(cell: ref(), path: path(), label: label, expected: ("a decimal number", "数字"), found: shown ?? text)
            }
            return .decimal(value)
        }
    }
}

extension String {
    /// The text without trailing colons.
    var trimmingColons: String {
        var text = self
        while text.last == ":" || text.last == "：" { text.removeLast() }
        return text.trimmed
    }
}
