// Feeds arbitrary bytes to one reader (EVALSHEET_FUZZ_FORMAT = tsv, json or xlsx; default xlsx), or, in the
// fuzzing build, straight to the worksheet XML parser and the form finder (sheet-xml), past the zip layer, or to
// the plain-XML reader and expat both, whose events must agree wherever the plain reader reads the input (xml-plain).
// Built with -D FUZZING -sanitize=fuzzer (make fuzz) it is a libFuzzer target; built normally it replays
// files: `evalsheet-fuzz FILE...` reads each as the fuzzer would, to reproduce a crash.
#if !FUZZING
import EvalSheet
#endif
import Foundation

/// The reader under test, from the environment.
let fuzzedFormat: any FormFormat = {
    let name = ProcessInfo.processInfo.environment["EVALSHEET_FUZZ_FORMAT"] ?? "xlsx"
    return (try? FormatRegistry.format(named: name)) ?? XLSXFormat()
}()

/// One input: any error is fine, a crash or hang is a finding.
func fuzzOne(_ data: Data) {
    if fuzzExtraMode(data) { return }
    #if FUZZING
    if ProcessInfo.processInfo.environment["EVALSHEET_FUZZ_FORMAT"] == "xml-plain" {
        return comparePlainXMLWithExpat(data)
    }
    if ProcessInfo.processInfo.environment["EVALSHEET_FUZZ_FORMAT"] == "sheet-xml" {
        if let grid = try? SheetPart.grid(data, part: "sheet.xml", sharedStrings: ["项目编码:", "总分"], styles: try! StylesPart(nil, part: "")) {
            _ = try? FormFinder.read(grid)
        }
        return
    }
    #endif
    _ = try? fuzzedFormat.read(data, options: ReadOptions())
}

#if FUZZING
/// Crashes when the plain-XML reader reads `data` and expat refuses it or gives other events.
private func comparePlainXMLWithExpat(_ data: Data) {
    guard let plain = XMLEventLog.plain(data) else { return }
    let expat = XMLEventLog.expat(data)
    precondition(expat != nil, "expat refuses what the plain reader read")
    precondition(plain == expat, "the plain reader's events differ from expat's")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    fuzzOne(Data(bytes: bytes, count: count))
    return 0
}
#else
/// Replays files through the reader, to reproduce what the fuzzer found.
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            fuzzOne((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
            print("ok: \(path)")
        }
    }
}
#endif
