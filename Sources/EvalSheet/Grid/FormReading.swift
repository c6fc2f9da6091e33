/// A form as read from a file, with the cell each field came from (for messages that point at `F19`).
public struct FormReading: Sendable {
    public var form: Form
    /// Field path (`indicators[0].categories[1].items[0].score`) → cell reference in the source (`H19`).
    public var cells: CellMap
    /// The sheet the form was found on, for spreadsheets.
    public var sheet: String?
    /// Whether that sheet is hidden (or `veryHidden`) in Excel, so the user does not see the form they mean.
    public var sheetIsHidden = false
    /// The last row read when the file ends inside the form (no closing row), as `row 41`.
    public var cutShort: String?
    /// Cells holding a formula saved without its result (openpyxl, pandas): empty until saved by a spreadsheet.
    public var formulasWithoutValue: Set<String> = []

    public init(form: Form, cells: CellMap = CellMap(), sheet: String? = nil) {
        self.form = form
        self.cells = cells
        self.sheet = sheet
    }
}
