import Testing
@testable import EvalSheet

/// libxlsxwriter's own stderr lines are held back; everything else passes at once, however the bytes are split.
@Suite struct LibraryLineFilterTests {
    private func passed(_ chunks: [String]) -> String {
        var filter = LibraryLineFilter()
        var out = chunks.flatMap { filter.pass(Array($0.utf8)) }
        out += filter.finish()
        return String(decoding: out, as: UTF8.self)
    }

    @Test func dropsTheLibrarysLinesAndKeepsTheRest() {
        let text = "progress: 1/2 files, 0 failed\n[ERROR] workbook_close(): Error creating 'x.xlsx'.\n"
            + "[WARNING]: worksheet_write_string(): too long\nevalsheet: 2 converted\n"
        #expect(passed([text]) == "progress: 1/2 files, 0 failed\nevalsheet: 2 converted\n")
    }

    @Test func decidesAcrossChunkBoundaries() {
        #expect(passed(["ok\n[ERR", "OR] lost\nkept\n"]) == "ok\nkept\n")
        #expect(passed(["[", "W", "ARNING", "] lost", "\n", "[Wx\n"]) == "[Wx\n")
        #expect(passed(["[note] kept\n", "[", "E", "x"]) == "[note] kept\n[Ex")
    }

    @Test func passesPartialLinesAtOnce() {
        var filter = LibraryLineFilter()
        #expect(String(decoding: filter.pass(Array("\r####      3/10".utf8)), as: UTF8.self) == "\r####      3/10")
        #expect(String(decoding: filter.pass(Array("\r#####     4/10".utf8)), as: UTF8.self) == "\r#####     4/10")
        #expect(filter.pass(Array("\n[".utf8)) == Array("\n".utf8), "a lone [ at a line start waits for the next byte")
        #expect(filter.finish() == Array("[".utf8), "and is passed on when the stream ends")
    }
}

/// Times shown in the batch summary and report, made without Foundation's formatter.
@Suite struct FixedTextTests {
    @Test func roundsHalfAwayFromZero() {
        #expect(0.0.fixedText(places: 1) == "0.0")
        #expect(12.34.fixedText(places: 1) == "12.3")
        #expect(0.05.fixedText(places: 2) == "0.05")
        #expect(1.999.fixedText(places: 2) == "2.00")
        #expect(3.25.fixedText(places: 1) == "3.3")
        #expect(123456.0.fixedText(places: 0) == "123456")
        #expect((-0.04).fixedText(places: 1) == "0.0")
        #expect((-2.5).fixedText(places: 2) == "-2.50")
        #expect(Double.nan.fixedText(places: 1) == "nan")
    }
}
