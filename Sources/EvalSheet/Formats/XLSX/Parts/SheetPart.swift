import Foundation

/// One worksheet's cells as the user sees them, in a grid; errors name the cell.
final class SheetPart: XMLEventHandler {
    /// Excel's grid: 16,384 columns by 1,048,576 rows.
    static let maximumColumns = 16_384
    static let maximumRows = 1_048_576
    /// Most non-empty cells accepted on one sheet; a form has a few thousand, the largest the writer writes 2,700,000.
    static let maximumCells = 4_000_000

    private let sharedStrings: [String]
    private let styles: StylesPart
    @exclusivity(unchecked) private var formats: [Int: NumberFormat] = [:]
    /// The cells met so far, in file order, in one list: sheets list them row by row, top to bottom, and a list for
    /// each row grew (and was allocated) again for every row.
    @exclusivity(unchecked) private var cells: [(row: Int, column: Int, text: String, number: String?)] = []
    /// True while no cell has come after a cell of a later row.
    @exclusivity(unchecked) private var inRowOrder = true
    @exclusivity(unchecked) private var cellCount = 0
    @exclusivity(unchecked) private(set) var failure: EvalSheetError?

    @exclusivity(unchecked) private var row = -1
    @exclusivity(unchecked) private var column = -1
    @exclusivity(unchecked) private var type = CellType.number
    @exclusivity(unchecked) private var style = 0
    /// The UTF-8 of the cell's `<v>` or inline `<t>` text.
    @exclusivity(unchecked) private var value: [UInt8] = []
    @exclusivity(unchecked) private var capturing = false
    @exclusivity(unchecked) private var inPhonetic = false
    @exclusivity(unchecked) private var hasFormula = false
    @exclusivity(unchecked) private var formulasWithoutValue: Set<String> = []

    init(sharedStrings: [String], styles: StylesPart) {
        self.sharedStrings = sharedStrings
        self.styles = styles
    }

    /// Parses `data` into a grid.
    static func grid(_ data: Data, part: String, sharedStrings: [String], styles: StylesPart) throws -> Grid {
        let sheet = SheetPart(sharedStrings: sharedStrings, styles: styles)
        try XMLEventParser.parse(data, part: part, into: sheet)
        if let failure = sheet.failure { throw failure }
        // rows top to bottom, each row's cells in file order (a stable sort keeps that order when a row comes back)
        let cells = sheet.inRowOrder ? sheet.cells
            : sheet.cells.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element)
        var rows: [Grid.Row] = []
        var start = 0
        while start < cells.count {
            var end = start + 1
            while end < cells.count, cells[end].row == cells[start].row { end += 1 }
            rows.append(row(cells[start..<end]))
            start = end
        }
        var grid = Grid(rows: rows)
        grid.formulasWithoutValue = sheet.formulasWithoutValue
        return grid
    }

    /// One row of the grid from its cells, all of one row number.
    private static func row(_ values: ArraySlice<(row: Int, column: Int, text: String, number: String?)>) -> Grid.Row {
        let width = values.reduce(-1) { max($0, $1.column) } + 1
        var row = Array(repeating: "", count: width)
        var numbers: [String?] = values.contains { $0.number != nil } ? Array(repeating: nil, count: width) : []
        for value in values {
            row[value.column] = value.text
            if value.number != nil { numbers[value.column] = value.number }
        }
        return Grid.Row(number: values.first!.row, cells: row, numbers: numbers)
    }

    func start(_ name: XMLName, attributes: XMLAttributes) {
        guard failure == nil else { return }
        switch name {
        case "row":
            row = attributes.integer("r").map { $0 - 1 } ?? row + 1
            column = -1
            if row < 0 || row >= Self.maximumRows { fail("row \(attributes["r"] ?? "") lies beyond Excel's 1,048,576 rows", zh: "第 \(attributes["r"] ?? "") 行超出 Excel 的 1,048,576 行") }
        case "c":
            if let reference = attributes.value("r") {
                guard let (r, c) = Self.parse(reference) ?? Self.parse(String(cString: reference)) else {
                    return fail("cell reference \(String(cString: reference).prefix(20)) lies beyond Excel's grid (XFD1048576)",
                                zh: "单元格引用 \(String(cString: reference).prefix(20)) 超出 Excel 的网格（XFD1048576）")
                }
                row = r
                column = c
            } else {
                column += 1
            }
            hasFormula = false
            type = CellType(attributes.value("t"))
            style = attributes.integer("s") ?? 0
            value.removeAll(keepingCapacity: true)
        case "f": hasFormula = true
        case "v": capturing = true
        case "t": capturing = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ name: XMLName) {
        switch name {
        case "v", "t": capturing = false
        case "rPh": inPhonetic = false
        case "c" where failure == nil: store()
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) { if capturing { value.append(contentsOf: bytes) } }

    private func store() {
        if hasFormula, value.isEmpty, type != .inlineString { formulasWithoutValue.insert(CellReference.name(row: row, column: column)) }
        let shown: String
        var number: String?
        switch type {
        case .shared:
            guard let index = Self.index(value) ?? Int(String(decoding: value, as: UTF8.self).trimmed), index >= 0, index < sharedStrings.count else {
                let text = String(decoding: value, as: UTF8.self)
                return fail("cell \(CellReference.name(row: row, column: column)) points to shared string \(text.prefix(20)), but the file has \(sharedStrings.count); the file is damaged",
                            zh: "单元格 \(CellReference.name(row: row, column: column)) 指向共享字符串 \(text.prefix(20))，而文件只有 \(sharedStrings.count) 个；文件已损坏")
            }
            shown = sharedStrings[index]
        case .bool: shown = value == [UInt8(ascii: "1")] ? "TRUE" : "FALSE"
        case .number:
            if value.isEmpty { return }
            let text = String(decoding: value, as: UTF8.self)
            let format: NumberFormat
            if let known = formats[style] {
                format = known
            } else {
                format = NumberFormat.of(code: styles.formatCode(style: style))
                formats[style] = format
            }
            let plain = NumberFormat.plainStored(text)
            shown = format.display(text, plain: plain)
            number = plain ?? NumberFormat.stored(text)
        case .inlineString, .other: shown = XString.decode(String(decoding: value, as: UTF8.self))
        }
        guard !shown.isEmpty || number != nil else { return }
        cellCount += 1
        if cellCount > Self.maximumCells { return fail("more than \(Self.maximumCells) cells on one sheet; not a form", zh: "一张工作表上超过 \(Self.maximumCells) 个单元格；不是表") }
        if let last = cells.last, last.row > row { inRowOrder = false }
        cells.append((row, column, shown, number))
    }

    private func fail(_ message: String, zh: String) {
        if failure == nil { failure = EvalSheetError(.unreadable, message, zh: zh) }
    }

    /// A cell's `t` attribute: how its value is stored.
    private enum CellType {
        case shared, bool, number, inlineString, other

        /// `s`, `b`, `n` (or no `t` at all), `inlineStr`; anything else (`str`, `e`) is text as it stands.
        init(_ attribute: UnsafePointer<CChar>?) {
            guard let attribute else { self = .number; return }
            // `s` (nearly every text cell) without making a String
            if attribute[0] == CChar(UInt8(ascii: "s")), attribute[1] == 0 { self = .shared; return }
            switch String(cString: attribute) {
            case "s": self = .shared
            case "b": self = .bool
            case "n": self = .number
            case "inlineStr": self = .inlineString
            default: self = .other
            }
        }
    }

    /// A shared string index as Excel writes it (plain digits), without making a String; nil for anything else.
    private static func index(_ bytes: [UInt8]) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var index = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            index = index * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return index
    }

    /// The common reference, `[A-Za-z]{1,3}[0-9]{1,7}` within the grid, read from its bytes; nil for anything else,
    /// which `parse(_: String)` then decides.
    static func parse(_ reference: UnsafePointer<CChar>) -> (Int, Int)? {
        var cursor = reference, column = 0, letters = 0, row = 0, digits = 0
        while letters < 4, case let byte = UInt8(bitPattern: cursor.pointee), (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") {
            column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
            letters += 1
            cursor += 1
        }
        while digits < 8, case let byte = UInt8(bitPattern: cursor.pointee), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            row = row * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            cursor += 1
        }
        guard cursor.pointee == 0, (1...3).contains(letters), (1...7).contains(digits), column <= maximumColumns,
              row >= 1, row <= maximumRows else { return nil }
        return (row - 1, column - 1)
    }

    /// `B5` → (4, 1), nil when beyond the grid.
    static func parse(_ reference: String) -> (Int, Int)? {
        let letters = reference.prefix { $0.isLetter }
        let digits = reference.dropFirst(letters.count)
        guard let column = CellReference.columnIndex(letters.uppercased()), column < maximumColumns,
              digits.count <= 7, let row = Int(digits), row >= 1, row <= maximumRows else { return nil }
        return (row - 1, column)
    }
}
