import Foundation
import Testing
@testable import EvalSheet

/// Decimals are exact, keep the digits the form shows, and round half up.
@Suite struct DecimalTests {
    @Test func parsesWhatPeopleType() {
        #expect(FormDecimal(parsing: "2,560,000.00")?.description == "2560000.00")
        #expect(FormDecimal(parsing: "２５６０")?.description == "2560")
        #expect(FormDecimal(parsing: " 10 ")?.description == "10")
        #expect(FormDecimal(parsing: "-0.5")?.description == "-0.5")
        for bad in ["", "1e5", "1.", ".5", "12,34", "1,234,56", "abc", "1.2.3", "NaN", String(repeating: "9", count: 40)] {
            #expect(FormDecimal(parsing: bad) == nil, "\(bad) must be refused")
        }
    }

    @Test func isExactWhereFloatsAreNot() {
        let a = FormDecimal(parsing: "0.1")!, b = FormDecimal(parsing: "0.2")!
        #expect((a + b) == FormDecimal(parsing: "0.3")!)
    }

    @Test func roundsHalfUp() {
        #expect(FormDecimal(parsing: "9.985")!.rounded(2).description == "9.99")
        #expect(FormDecimal(parsing: "99.835")!.rounded(2).description == "99.84")
        #expect(FormDecimal(parsing: "0.125")!.rounded(2).description == "0.13")
    }
}
