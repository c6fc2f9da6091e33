/// Splits TSV text into records of cells, honouring Excel's quoting (`"a""b"`, tabs and newlines inside quotes).
enum TSVRecords {
    /// Each record with the zero-based line it starts on.
    static func parse(_ text: String) -> [(line: Int, cells: [String])] {
        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var cell = ""
        var line = 0
        var recordLine = 0
        var inQuotes = false
        var atCellStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endRecord() {
            cells.append(cell)
            records.append((recordLine, cells))
            cells = []
            cell = ""
            atCellStart = true
        }
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" { cell.unicodeScalars.append("\""); pending = iterator.next() } else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r" && pending == "\n" { continue }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atCellStart:
                inQuotes = true
                atCellStart = false
            case "\t":
                cells.append(cell)
                cell = ""
                atCellStart = true
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                cell.unicodeScalars.append(scalar)
                atCellStart = false
            }
        }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        return records
    }

    /// One cell as Excel writes it: quoted when it holds a tab, newline or quote.
    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\"" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
