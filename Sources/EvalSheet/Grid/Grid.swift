/// A sheet of text cells as a reader found it, with the coordinates each row had in its file.
public struct Grid: Sendable {
    /// One row of the grid.
    public struct Row: Sendable {
        /// Zero-based row number in the source (TSV line, sheet row).
        public var number: Int
        /// Cell texts from column A on; missing cells are empty.
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }

        public subscript(column: Int) -> String { column < cells.count ? cells[column] : "" }
        public var isBlank: Bool { cells.allSatisfy(\.isBlank) }
    }

    public var rows: [Row]
    public init(rows: [Row]) { self.rows = rows }
}
