import Foundation

/// The number format code of each cell style (`cellXfs`), which decides how a number is shown.
final class StylesPart: XMLEventHandler {
    /// Excel's built-in number formats that matter for this form.
    static let builtIn: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 49: "@",
    ]

    private var customFormats: [Int: String] = [:]
    private var styleFormatIDs: [Int] = []
    private var inCellXfs = false

    init(_ data: Data?, part: String) throws {
        guard let data else { return }
        try XMLEventParser.parse(data, part: part, into: self)
    }

    /// The format code of style index `style` (General when unknown).
    func formatCode(style: Int) -> String {
        guard style >= 0, style < styleFormatIDs.count else { return "General" }
        let id = styleFormatIDs[style]
        return customFormats[id] ?? Self.builtIn[id] ?? "General"
    }

    func start(_ name: XMLName, attributes: XMLAttributes) {
        switch name {
        case "numFmt":
            if let id = attributes.integer("numFmtId"), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: styleFormatIDs.append(attributes.integer("numFmtId") ?? 0)
        default: break
        }
    }

    func end(_ name: XMLName) { if name == "cellXfs" { inCellXfs = false } }
}
