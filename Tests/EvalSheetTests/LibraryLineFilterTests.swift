import Testing
@testable import EvalSheet

/// libxlsxwriter's own stderr lines are held back; everything else passes at once, however the bytes are split.
@Suite struct LibraryLineFilterTests {
    private func passed(_ chunks: [String]) -> String {
        var filter = LibraryLineFilter()
        return String(decoding: chunks.flatMap { filter.pass(Array($0.utf8)) }, as: UTF8.self)
    }

    @Test func dropsTheLibrarysLinesAndKeepsTheRest() {
        let text = "progress: 1/2 files, 0 failed\n[ERROR] workbook_close(): Error creating 'x.xlsx'.\n"
            + "[WARNING]: worksheet_write_string(): too long\nevalsheet: 2 converted\n"
        #expect(passed([text]) == "progress: 1/2 files, 0 failed\nevalsheet: 2 converted\n")
    }

    @Test func holdsNothingFromOneWriteToTheNext() {
        #expect(passed(["[note] kept\n", "[ERROR] lost\n", "[W", "x\n"]) == "[note] kept\n[Wx\n")
        #expect(passed(["[ERROR]: a line cut", " in two\nkept\n"]) == "kept\n", "the rest of a cut library line goes too")
    }

    @Test func passesPartialLinesAtOnce() {
        var filter = LibraryLineFilter()
        #expect(String(decoding: filter.pass(Array("\r####      3/10".utf8)), as: UTF8.self) == "\r####      3/10")
        #expect(String(decoding: filter.pass(Array("\r#####     4/10".utf8)), as: UTF8.self) == "\r#####     4/10")
        #expect(filter.pass(Array("\n[".utf8)) == Array("\n[".utf8), "a line start that might be a marker ends the write")
    }
}
