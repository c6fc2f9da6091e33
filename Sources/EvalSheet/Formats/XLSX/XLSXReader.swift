import Foundation

/// Reads forms from an XLSX package: workbook → sheets → cells as shown → the form, found by its labels on any sheet.
struct XLSXReader {
    let parts: XLSXParts

    init(parts: XLSXParts) { self.parts = BoundedParts(parts) }

    func read(options: ReadOptions) throws -> [FormReading] {
        let workbook = try WorkbookPart(parts: parts)
        let strings = try SharedStringsPart(try workbook.sharedStrings.flatMap { try parts.read($0) }, part: workbook.sharedStrings ?? "")
        let styles = try StylesPart(try workbook.styles.flatMap { try parts.read($0) }, part: workbook.styles ?? "")
        var sheets = workbook.sheets
        if let wanted = options.sheet {
            sheets = sheets.filter { $0.name == wanted }
            guard !sheets.isEmpty else {
                let names = workbook.sheets.map(\.name).joined(separator: ", ")
                throw EvalSheetError(.usage, "no sheet named \"\(wanted)\"; the workbook has: \(names)", zh: "没有名为\u{201C}\(wanted)\u{201D}的工作表；工作簿中有：\(names)")
            }
        }
        guard !sheets.isEmpty else { throw EvalSheetError(.invalidForm, "the workbook has no sheets", zh: "工作簿中没有工作表") }
        var readings: [FormReading] = []
        var firstFailure: EvalSheetError?
        var partsRead = Set<String>()
        // Visible sheets first; a hidden one is read only when no visible sheet holds a form, or when asked for by name.
        for sheet in sheets.filter({ !$0.hidden }) + sheets.filter(\.hidden) {
            if sheet.hidden, options.sheet == nil, !readings.isEmpty { break }
            guard partsRead.insert(sheet.part).inserted else { continue }
            do {
                guard let data = try parts.read(sheet.part) else {
                    throw EvalSheetError(.unreadable, "part \(sheet.part) is missing from the package", zh: "包中缺少部件 \(sheet.part)")
                }
                let grid = try SheetPart.grid(data, part: sheet.part, sharedStrings: strings.strings, styles: styles)
                for var reading in try FormFinder.read(grid, layout: options.layout) {
                    reading.sheet = sheet.name
                    reading.sheetIsHidden = sheet.hidden
                    readings.append(reading)
                }
            } catch let error as EvalSheetError {
                let located = EvalSheetError(error.kind, "sheet \(sheet.name): \(error.message)", zh: "工作表 \(sheet.name)：\(error.messageZH)")
                if error.kind == .unreadable { throw located }
                if firstFailure == nil { firstFailure = located }
            }
        }
        if readings.isEmpty, let firstFailure { throw firstFailure }
        return readings
    }
}
