// Times evalsheet's readers and writers in-process, for `make bench` (Benchmarks/run.py) to compare.
// Usage: evalsheet-bench time OPERATION FILE REPEATS   (OPERATION: read-tsv, read-xlsx, read-json, tsv-to-json, xlsx-to-json, tsv-to-xlsx, layout, write-xlsx)
//        evalsheet-bench dump FORM                      (the laid-out cells, for the C floor program)
import EvalSheet
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("evalsheet-bench: \(message)\n".utf8))
    exit(2)
}

func load(_ path: String) -> Form {
    do { return try FormFiles.read(path)[0].form } catch { fail("\(error)") }
}

/// Runs `body` `repeats` times and prints the median and best milliseconds per run as JSON.
func time(_ repeats: Int, _ body: () throws -> Void) {
    var samples: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        do { try body() } catch { fail("\(error)") }
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    samples.sort()
    print(String(format: "{\"median_ms\": %.4f, \"best_ms\": %.4f}", samples[samples.count / 2], samples[0]))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: evalsheet-bench time OPERATION FILE REPEATS | dump FORM") }
switch arguments[1] {
case "time":
    guard arguments.count == 5, let repeats = Int(arguments[4]), repeats > 0 else { fail("usage: time OPERATION FILE REPEATS") }
    let path = arguments[3]
    let data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("evalsheet-bench-\(getpid())").path
    defer { unlink(output) }
    switch arguments[2] {
    case "read-tsv": time(repeats) { _ = try TSVFormat().read(data, options: ReadOptions()) }
    case "read-xlsx": time(repeats) { _ = try XLSXFormat().read(data, options: ReadOptions()) }
    case "read-json": time(repeats) { _ = try JSONFormat().read(data, options: ReadOptions()) }
    case "tsv-to-json": time(repeats) {
        try FormFiles.write(try TSVFormat().read(data, options: ReadOptions())[0].form, to: output, format: JSONFormat())
    }
    case "xlsx-to-json": time(repeats) {
        try FormFiles.write(try XLSXFormat().read(data, options: ReadOptions())[0].form, to: output, format: JSONFormat())
    }
    case "tsv-to-xlsx": time(repeats) {
        try FormFiles.write(try TSVFormat().read(data, options: ReadOptions())[0].form, to: output, format: XLSXFormat())
    }
    case "layout":
        let form = load(path)
        time(repeats) { _ = SheetLayout(form: form, template: try! LayoutConversion.target(for: form, requested: nil)) }
    case "write-xlsx":
        let form = load(path)
        time(repeats) { try FormFiles.write(form, to: output, format: XLSXFormat()) }
    default: fail("unknown operation \(arguments[2])")
    }
case "dump":
    // One line per cell: row, column, kind (s string, n number, f formula, b blank), style key, text; then merges.
    let form = load(arguments[2])
    let layout = SheetLayout(form: form, template: try! LayoutConversion.target(for: form, requested: nil))
    var lines: [String] = []
    for column in layout.template.columns { lines.append("w\t\(column.col.index)\t\(column.width)") }
    for row in layout.rows {
        lines.append("h\t\(row.index)\t\(row.height)")
        for cell in row.cells {
            let input = cell.path != nil && cell.source.effectiveRole.isInput ? 1 : 0
            let style = "\(input)|\(cell.source.style ?? "")|\(cell.format?.rawValue ?? "")"
            switch cell.content {
            case .label(let text), .constant(let text), .value(.text(let text)):
                lines.append("s\t\(cell.row)\t\(cell.column)\t\(style)\t\(text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t"))")
            case .value(let value):
                let kind = cell.formula != nil ? "f" : (value.isEmpty ? "b" : "n")
                lines.append("\(kind)\t\(cell.row)\t\(cell.column)\t\(style)\t\(value.displayText)\t\(cell.formula ?? "")")
            }
        }
    }
    for merge in layout.merges { lines.append("m\t\(merge.firstRow)\t\(merge.firstColumn)\t\(merge.lastRow)\t\(merge.lastColumn)") }
    if let items = layout.rows.first(where: { $0.template.kind == .items })?.index, items > 0 { lines.append("r\t\(items - 1)\t0") }
    print(lines.joined(separator: "\n"))
default:
    fail("unknown command \(arguments[1])")
}
