/// Every layout's label wordings, indexed by their hash, built once: one pass over a sheet's cells tells which
/// labels of which layouts it holds.
struct LabelIndex: Sendable {
    private struct Entry: Sendable {
        let text: String
        let layout: Int
        let label: Int
    }

    private let entries: [Int: [Entry]]
    /// How many label cells each layout has.
    let labelCounts: [Int]

    init(_ layouts: [Layout]) {
        var entries: [Int: [Entry]] = [:]
        for (l, layout) in layouts.enumerated() {
            for (n, label) in layout.detectionLabels.enumerated() {
                for wording in label.wordings {
                    entries[LabelHash.of(wording).whole, default: []].append(Entry(text: wording, layout: l, label: n))
                }
            }
        }
        self.entries = entries
        labelCounts = layouts.map(\.detectionLabels.count)
    }

    /// For each layout, which of its labels stand in `rows` of `cells` (a whole cell, or the `label` of `label:value`).
    func found(in cells: LabelCells, rows: [Int]) -> [[Bool]] {
        var found = labelCounts.map { Array(repeating: false, count: $0) }
        for row in rows {
            let labels = cells.row(row)
            for (column, text) in labels.texts.enumerated() where !text.isEmpty {
                for entry in entries[labels.hashes[column].whole] ?? [] where LabelHash.bytes(of: text, startWith: entry.text, whole: true) {
                    found[entry.layout][entry.label] = true
                }
                guard labels.hashes[column].prefix != 0 else { continue }
                for entry in entries[labels.hashes[column].prefix] ?? [] where LabelHash.bytes(of: text, startWith: entry.text, whole: false) {
                    found[entry.layout][entry.label] = true
                }
            }
        }
        return found
    }
}
