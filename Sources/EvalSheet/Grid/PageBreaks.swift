/// Where the printed pages of a laid-out form break: before a level-1 indicator block that does not fit on the rest
/// of the page but fits on the next, and between level-2 blocks (then rows) only for a block taller than a page.
enum PageBreaks {
    /// Rows that stay on one page when they can, and the smaller blocks they split into when they cannot.
    private struct Block {
        var rows: Range<Int>
        var parts: [Block] = []

        /// The block starting earlier at `row`, the rows before it kept with its first part.
        func starting(at row: Int) -> Block {
            var block = self
            block.rows = row..<rows.upperBound
            if !parts.isEmpty { block.parts[0] = parts[0].starting(at: row) }
            return block
        }
    }

    /// Zero-based rows that begin a new page, for pages `pageHeight` points tall at the sheet's own scale.
    static func rows(of layout: SheetLayout, pageHeight: Double) -> [Int] {
        let header = layout.indicatorHeader
        let headerHeight = header.map { height(layout, $0.lowerBound..<$0.upperBound + 1) } ?? 0
        /// Room on a page beginning at `row`: less the repeated header once the header has been printed.
        func room(from row: Int) -> Double {
            header.map { row > $0.upperBound } == true ? pageHeight - headerHeight : pageHeight
        }
        var breaks: [Int] = []
        var capacity = pageHeight
        var used = 0.0
        func place(_ block: Block) {
            let needed = height(layout, block.rows)
            if used + needed > capacity, used > 0, needed <= room(from: block.rows.lowerBound) || block.parts.isEmpty {
                breaks.append(block.rows.lowerBound)
                capacity = room(from: block.rows.lowerBound)
                used = 0
            }
            if used + needed <= capacity || block.parts.isEmpty {
                used += needed
            } else {
                block.parts.forEach(place)
            }
        }
        blocks(of: layout).forEach(place)
        return breaks
    }

    private static func height(_ layout: SheetLayout, _ rows: Range<Int>) -> Double {
        layout.rows[rows].reduce(0) { $0 + $1.height }
    }

    /// The form's blocks in order: rows held together by labels merged down, each level-1 indicator block with its
    /// level-2 blocks, and the indicator header kept with the first indicator.
    private static func blocks(of layout: SheetLayout) -> [Block] {
        var lastRows: [Int: Int] = [:]
        for merge in layout.merges where merge.lastRow > merge.firstRow { lastRows[merge.firstRow] = max(lastRows[merge.firstRow] ?? 0, merge.lastRow) }
        let header = layout.indicatorHeader
        var blocks: [Block] = []
        var row = 0
        while row < layout.rows.count {
            if layout.rows[row].template.kind == .items {
                var indicators = itemBlocks(layout, from: row)
                row = indicators.last?.rows.upperBound ?? row + 1
                if let header, !indicators.isEmpty { indicators[0] = indicators[0].starting(at: header.lowerBound) }
                blocks += indicators
            } else if let header, header.contains(row) {
                row = header.upperBound + 1
            } else {
                var end = row + 1
                var scan = row
                while scan < end { end = max(end, (lastRows[scan] ?? scan) + 1); scan += 1 }
                blocks.append(Block(rows: row..<end, parts: (row..<end).map { Block(rows: $0..<$0 + 1) }))
                row = end
            }
        }
        return blocks
    }

    /// The level-1 blocks of the indicator rows from `first`, each split into its level-2 blocks and those into rows.
    private static func itemBlocks(_ layout: SheetLayout, from first: Int) -> [Block] {
        var end = first
        while end < layout.rows.count, layout.rows[end].template.kind == .items { end += 1 }
        func starts(_ field: String) -> [Int] {
            (first..<end).filter { row in row == first || layout.rows[row].cells.contains { $0.source.field == field } }
        }
        func split(_ starts: [Int], within rows: Range<Int>) -> [Range<Int>] {
            let inside = starts.filter { rows.contains($0) && $0 > rows.lowerBound }
            return zip([rows.lowerBound] + inside, inside + [rows.upperBound]).map { $0..<$1 }
        }
        let level1 = starts("indicator.name"), level2 = starts("category.name")
        return split(level1, within: first..<end).map { indicator in
            Block(rows: indicator, parts: split(level2, within: indicator).map { category in
                Block(rows: category, parts: category.map { Block(rows: $0..<$0 + 1) })
            })
        }
    }
}

extension SheetLayout {
    /// The header rows right above the first indicator row, which every printed page repeats.
    var indicatorHeader: ClosedRange<Int>? {
        guard let items = rows.firstIndex(where: { $0.template.kind == .items }), items > 0,
              rows[items - 1].template.kind == .header else { return nil }
        var first = items - 1
        while first > 0, rows[first - 1].template.kind == .header { first -= 1 }
        return first...(items - 1)
    }
}
