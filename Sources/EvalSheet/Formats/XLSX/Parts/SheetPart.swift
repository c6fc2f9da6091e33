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
    private var formats: [Int: NumberFormat] = [:]
    private var cells: [Int: [(column: Int, text: String, number: String?)]] = [:]
    private var cellCount = 0
    private(set) var failure: EvalSheetError?

    private var row = -1
    private var column = -1
    private var type = ""
    private var style = 0
    private var value = ""
    private var capturing = false
    private var inPhonetic = false
    private var hasFormula = false
    private var formulasWithoutValue: Set<String> = []

    init(sharedStrings: [String], styles: StylesPart) {
        self.sharedStrings = sharedStrings
        self.styles = styles
    }

    /// Parses `data` into a grid.
    static func grid(_ data: Data, part: String, sharedStrings: [String], styles: StylesPart) throws -> Grid {
        let sheet = SheetPart(sharedStrings: sharedStrings, styles: styles)
        try XMLEventParser.parse(data, part: part, into: sheet)
        if let failure = sheet.failure { throw failure }
        var grid = Grid(rows: sheet.cells.keys.sorted().map { number in
            let values = sheet.cells[number]!
            let width = (values.map(\.column).max() ?? -1) + 1
            var row = Array(repeating: "", count: width)
            var numbers: [String?] = values.contains { $0.number != nil } ? Array(repeating: nil, count: width) : []
            for (column, text, stored) in values {
                row[column] = text
                if stored != nil { numbers[column] = stored }
            }
            return Grid.Row(number: number, cells: row, numbers: numbers)
        })
        grid.formulasWithoutValue = sheet.formulasWithoutValue
        return grid
    }

    func start(_ name: String, attributes: XMLAttributes) {
        guard failure == nil else { return }
        switch name {
        case "row":
            row = attributes["r"].flatMap { Int($0) }.map { $0 - 1 } ?? row + 1
            column = -1
            if row < 0 || row >= Self.maximumRows { fail("row \(attributes["r"] ?? "") lies beyond Excel's 1,048,576 rows", zh: "第 \(attributes["r"] ?? "") 行超出 Excel 的 1,048,576 行") }
        case "c":
            if let reference = attributes["r"] {
                guard let (r, c) = Self.parse(reference) else {
                    return fail("cell reference \(reference.prefix(20)) lies beyond Excel's grid (XFD1048576)", zh: "单元格引用 \(reference.prefix(20)) 超出 Excel 的网格（XFD1048576）")
                }
                row = r
                column = c
            } else {
                column += 1
            }
            hasFormula = false
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
        case "f": hasFormula = true
        case "v": capturing = true
        case "t": capturing = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "v", "t": capturing = false
        case "rPh": inPhonetic = false
        case "c" where failure == nil: store()
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) { if capturing { value += String(decoding: bytes, as: UTF8.self) } }

    private func store() {
        let cell = CellReference.name(row: row, column: column)
        if hasFormula, value.isEmpty, type != "inlineStr" { formulasWithoutValue.insert(cell) }
        let shown: String
        var number: String?
        switch type {
        case "s":
            guard let index = Int(value.trimmed), index >= 0, index < sharedStrings.count else {
                return fail("cell \(cell) points to shared string \(value.prefix(20)), but the file has \(sharedStrings.count); the file is damaged",
                            zh: "单元格 \(cell) 指向共享字符串 \(value.prefix(20))，而文件只有 \(sharedStrings.count) 个；文件已损坏")
            }
            shown = sharedStrings[index]
        case "b": shown = value == "1" ? "TRUE" : "FALSE"
        case "n":
            if value.isEmpty { return }
            let code = styles.formatCode(style: style)
            if formats[style] == nil { formats[style] = NumberFormat(code: code) }
            shown = formats[style]!.display(value)
            number = NumberFormat.stored(value)
        default: shown = XString.decode(value)
        }
        guard !shown.isEmpty || number != nil else { return }
        cellCount += 1
        if cellCount > Self.maximumCells { return fail("more than \(Self.maximumCells) cells on one sheet; not a form", zh: "一张工作表上超过 \(Self.maximumCells) 个单元格；不是表") }
        cells[row, default: []].append((column, shown, number))
    }

    private func fail(_ message: String, zh: String) {
        if failure == nil { failure = EvalSheetError(.unreadable, message, zh: zh) }
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
