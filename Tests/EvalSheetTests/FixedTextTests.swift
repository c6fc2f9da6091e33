import Testing
@testable import EvalSheet

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
