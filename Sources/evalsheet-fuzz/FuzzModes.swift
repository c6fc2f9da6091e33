// Two more fuzz modes (EVALSHEET_FUZZ_FORMAT): tsv-memory feeds the TSV reader its input repeated to 2 MiB, so
// small inputs find memory that grows with the input (make fuzz runs it under a low -rss_limit_mb);
// xlsx-roundtrip puts the input, as text, into the seed form and demands it back unchanged from XLSX and TSV.
#if !FUZZING
import EvalSheet
#endif
import Foundation

/// Runs `data` through the mode named in the environment; false when the mode is not one of these.
func fuzzExtraMode(_ data: Data) -> Bool {
    switch ProcessInfo.processInfo.environment["EVALSHEET_FUZZ_FORMAT"] {
    case "tsv-memory":
        var input = data.isEmpty ? Data("\n".utf8) : data
        while input.count < 2 << 20 { input.append(input) }
        _ = try? TSVFormat().read(input, options: ReadOptions())
        return true
    case "xlsx-roundtrip":
        roundTrip(String(decoding: data, as: UTF8.self))
        return true
    default:
        return false
    }
}

/// The seed export, whose first 党建事务 (the project name) takes the fuzzed text.
private let seedText = (try? String(contentsOfFile: "Fixtures/tsv/000_e57ca213149e2c8b.txt", encoding: .utf8)) ?? ""

/// Crashes when a form holding `text` does not come back equal from XLSX and from TSV.
private func roundTrip(_ text: String) {
    guard let range = seedText.range(of: "党建事务") else { fatalError("run from the repository root: the seed is missing") }
    let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    guard let form = try? TSVFormat().read(Data(seedText.replacingCharacters(in: range, with: quoted).utf8), options: ReadOptions())[0].form else { return }
    if let xlsx = try? XLSXFormat().write(form, options: WriteOptions()) {
        precondition((try? XLSXFormat().read(xlsx, options: ReadOptions())[0].form) == form, "XLSX changed the text \(text.debugDescription)")
    } else {
        // the NUL found by bytes: by Characters, a NUL followed by a combining mark (U+0742) is not "\0"
        precondition(text.utf8.contains(0) || text.utf16.count > 32_767, "XLSX refused the text \(text.debugDescription)")
    }
    let tsv = try? TSVFormat().write(form, options: WriteOptions())
    precondition(tsv.flatMap { try? TSVFormat().read($0, options: ReadOptions())[0].form } == form, "TSV changed the text \(text.debugDescription)")
}
