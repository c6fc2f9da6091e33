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

    /// A number read from plain digits is written from them exactly as Foundation's rounding and printing would.
    @Test func writesReadDigitsAsFoundationWould() {
        func foundation(_ number: FormDecimal) -> String {
            var rounded = Decimal(), source = number.value
            NSDecimalRound(&rounded, &source, number.scale, .plain)
            var text = rounded.description
            guard number.scale > 0 else { return text }
            let shown = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
            if shown == 0 { text += "." }
            return text + String(repeating: "0", count: number.scale - shown)
        }
        var texts = ["0", "0.00", "-0", "-0.00", "+5", "-0.5", "0.05", "2560000.00", "999999999999999999", "-0.000000000000000001", "007.50"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...18, using: &generator)
            var digits = String((0..<count).map { _ in "0123456789".randomElement(using: &generator)! })
            if count > 1, Bool.random(using: &generator) { digits.insert(".", at: digits.index(digits.startIndex, offsetBy: Int.random(in: 1..<count, using: &generator))) }
            texts.append((Bool.random(using: &generator) ? "-" : "") + digits)
        }
        for text in texts {
            let number = FormDecimal(parsing: text)!
            #expect(number.description == foundation(number), "\(text)")
            #expect(FormDecimal(number.value, scale: number.scale).description == number.description, "\(text)")
        }
    }
}
