/// Where each field of a reading stood in its source, for messages that point at `F19`: a field path
/// (`indicators[0].categories[1].items[0].score`) → cell reference. The indicator table's items are kept as a row and
/// the column of each key and named only when asked for: a form has hundreds of item fields, and building a path, a
/// cell name and a hash-table entry for each was about 3,000 instructions a field, for the few a message names.
public struct CellMap: Sendable {
    /// An item's place in the table: indicator, category, item.
    private struct ItemIndex: Hashable, Sendable {
        let indicator: Int, category: Int, item: Int
    }

    /// One item's cells: its row in the sheet (zero-based) and the column of each of its keys.
    private struct ItemCells: Sendable {
        let row: Int
        let columns: [(key: String, column: Int)]
    }

    /// Every other field, by path.
    private var named: [String: String] = [:]
    private var items: [ItemIndex: ItemCells] = [:]

    public init(_ named: [String: String] = [:]) { self.named = named }

    /// The cell reference of the field at `path`; setting one names it outright.
    public subscript(path: String) -> String? {
        get {
            if let reference = named[path] { return reference }
            guard path.hasPrefix("indicators["), let (i, c, n) = IndicatorPath.itemIndexes(path),
                  let close = path.lastIndex(of: "]"), path[path.index(after: close)...].hasPrefix("."),
                  let cells = items[ItemIndex(indicator: i, category: c, item: n)] else { return nil }
            let key = path[path.index(close, offsetBy: 2)...]
            return cells.columns.last { $0.key == key }.map { CellReference.name(row: cells.row, column: $0.column) }
        }
        set { named[path] = newValue }
    }

    /// Records where item `n` of category `c` of indicator `i` stands: sheet row (zero-based) and each key's column.
    mutating func setItem(_ i: Int, _ c: Int, _ n: Int, row: Int, columns: [(key: String, column: Int)]) {
        items[ItemIndex(indicator: i, category: c, item: n)] = ItemCells(row: row, columns: columns)
    }

    mutating func reserveCapacity(fields: Int, items count: Int) {
        named.reserveCapacity(fields)
        items.reserveCapacity(count)
    }
}
