/// A sheet of text cells as a reader found it, with the coordinates each row had in its file.
public struct Grid: Sendable {
    /// One row of the grid.
    public struct Row: Sendable {
        /// Zero-based row number in the source (TSV line, sheet row).
        public var number: Int
        /// Cell texts from column A on; missing cells are empty.
        public var cells: [String]
        /// Parallel to `cells`: each numeric cell's stored value as a plain decimal at Excel's 15 significant digits,
        /// whatever its format shows (`2555831.4` shown as `2,555,831`); nil for other cells. Empty when the row has no
        /// numeric cell (TSV rows never have one).
        public var numbers: [String?]

        public init(number: Int, cells: [String], numbers: [String?] = []) {
            self.number = number
            self.cells = cells
            self.numbers = numbers
        }

        public subscript(column: Int) -> String { column < cells.count ? cells[column] : "" }
        /// The stored number of the cell in `column`, nil when it is not a numeric cell.
        public func number(at column: Int) -> String? { column >= 0 && column < numbers.count ? numbers[column] : nil }
        public var isBlank: Bool { cells.allSatisfy(\.isBlank) }
    }

    public var rows: [Row]
    /// Cells (`H19`) holding a formula saved without its result, as openpyxl and pandas save them: they read as
    /// empty until the file is opened and saved in Excel, WPS or LibreOffice.
    public var formulasWithoutValue: Set<String> = []

    public init(rows: [Row]) { self.rows = rows }
}
