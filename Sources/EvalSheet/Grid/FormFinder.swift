/// Finds which layout a sheet is in, by scoring each layout's labels against it, and reads its forms.
enum FormFinder {
    /// How well one layout's labels fit a sheet.
    struct Fit {
        let layout: Layout
        /// For each of the layout's label cells, whether the sheet holds it.
        let holds: [Bool]
        let found: Int
        var total: Int { holds.count }
        var score: Int { 2 * found - total }
        /// Enough of the layout's labels are there to try reading it.
        var isPlausible: Bool { found >= 3 && found * 5 >= total * 2 }
        /// The labels not found, for the message when no layout fits.
        var missing: [String] { zip(layout.detectionLabels, holds).filter { !$0.1 }.map(\.0.label) }
    }

    /// Every form in `grid`, in `layout` when given, else in the layout that fits best.
    static func read(_ grid: Grid, layout forced: String? = nil) throws -> [FormReading] {
        var readings = try readForms(grid, layout: forced)
        for index in readings.indices { readings[index].formulasWithoutValue = grid.formulasWithoutValue }
        return readings
    }

    private static func readForms(_ grid: Grid, layout forced: String?) throws -> [FormReading] {
        let cells = LabelCells(grid)
        if let forced {
            let reader = LayoutReader(cells: cells, layout: try Layouts.named(forced))
            return try reader.readAll()
        }
        let fits = try fits(for: cells)
        var firstError: EvalSheetError?
        for fit in fits where fit.isPlausible {
            do {
                let reader = LayoutReader(cells: cells, layout: fit.layout)
                return try reader.readAll()
            } catch let error as EvalSheetError {
                // the layout fits and a cell is wrong: a worse-fitting layout that happens to take the value would
                // misread the form (`255.58万` in a table of 元 read in a layout of 万元)
                if error.isBadCellValue { throw error }
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        throw noLayout(fits.first, looksLikeTheForm: looksLikeTheForm(grid))
    }

    /// The labels of every layout, indexed once.
    private static let index = LabelIndex((try? Layouts.all()) ?? [])

    /// Each layout's fit, best first (declaration order breaks ties).
    static func fits(for cells: LabelCells) throws -> [Fit] {
        let count = cells.rows.count
        let rows = count <= headRows + tailRows ? Array(0..<count) : Array(0..<headRows) + Array((count - tailRows)..<count)
        let found = index.found(in: cells, rows: rows)
        let fits = try Layouts.all().enumerated().map { l, layout in
            Fit(layout: layout, holds: found[l], found: found[l].reduce(0) { $0 + ($1 ? 1 : 0) })
        }
        // Best first; declaration order breaks ties.
        return fits.indices.sorted { (fits[$0].score, -$0) > (fits[$1].score, -$1) }.map { fits[$0] }
    }

    /// Rows looked at for the layout's labels: a form's labels are near its top, its total near its end.
    private static let headRows = 300, tailRows = 60

    private static func looksLikeTheForm(_ grid: Grid) -> Bool {
        grid.rows.contains { $0.cells.contains { $0.count < 80 && ($0.contains("绩效自评表") || $0.contains("绩效目标自评表")) } }
    }

    private static func noLayout(_ closest: Fit?, looksLikeTheForm: Bool) -> EvalSheetError {
        guard let closest else { return EvalSheetError(.invalidForm, "not a 项目支出绩效自评表; no layout is declared", zh: "不是项目支出绩效自评表；没有声明任何版式") }
        let total = closest.total
        let missing = closest.missing.prefix(8).map { "\u{201C}\($0)\u{201D}" }.joined(separator: ", ")
        let more = closest.missing.count > 8 ? " …" : ""
        let en = looksLikeTheForm
            ? "this looks like a 项目支出绩效自评表, but in a layout evalsheet does not know: closest is \(closest.layout.id) (\(closest.found) of \(total) labels found; not found: \(missing)\(more)); try --input-layout \(closest.layout.id), or send the file so its layout can be added"
            : "not a 项目支出绩效自评表 in any known layout: closest is \(closest.layout.id) (\(closest.found) of \(total) labels found; not found: \(missing)\(more)); check that this file is the form (evalsheet layouts lists the layouts)"
        let zh = looksLikeTheForm
            ? "看起来是项目支出绩效自评表，但版式未知：最接近的是 \(closest.layout.id)（\(total) 个标签中找到 \(closest.found) 个；未找到：\(missing)\(more)）；可尝试 --input-layout \(closest.layout.id)，或提供此文件以便增加该版式"
            : "不是已知版式的项目支出绩效自评表：最接近的是 \(closest.layout.id)（\(total) 个标签中找到 \(closest.found) 个；未找到：\(missing)\(more)）；请确认文件是否为该表（evalsheet layouts 列出所有版式）"
        return EvalSheetError(.invalidForm, en, zh: zh)
    }
}
