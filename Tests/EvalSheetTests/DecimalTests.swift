import Foundation
import Testing
@testable import EvalSheet

/// Decimals are exact, keep the digits the form shows, and round half up.
@Suite struct DecimalTests {
    /// Digits and a scale written out, against the array-and-insert way they were written before.
    @Test func digitsAndScaleAreWrittenOut() {
        func reference(_ digits: Int64, _ scale: Int) -> String {
            var text = Array(String(digits.magnitude).utf8)
            if text.count <= scale { text.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: scale - text.count + 1), at: 0) }
            if scale > 0 { text.insert(UInt8(ascii: "."), at: text.count - scale) }
            if digits < 0 { text.insert(UInt8(ascii: "-"), at: 0) }
            return String(decoding: text, as: UTF8.self)
        }
        var generator = SystemRandomNumberGenerator()
        let chosen: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, 1250, -1250, 2_555_831_40, Int64.max, Int64.min, Int64.min + 1]
        let values = chosen + (0..<2000).map { _ in Int64.random(in: Int64.min...Int64.max, using: &generator) >> Int64.random(in: 0...62, using: &generator) }
        for digits in values {
            for scale in 0...24 {
                #expect(FormDecimal.text(of: digits, scale: scale) == reference(digits, scale), "\(digits), \(scale)")
            }
        }
        #expect(FormDecimal.text(of: -1250, scale: 2) == "-12.50" && FormDecimal.text(of: 5, scale: 3) == "0.005")
    }

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

    /// A number read from plain digits is the Decimal the general way reads, and is written from its digits exactly as
    /// Foundation's rounding and printing would.
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
            // the plain digits' shortcut makes the Decimal the general way makes (taken for full-width digits)
            let fullWidth = String(String.UnicodeScalarView(text.unicodeScalars.map { ("0"..."9").contains($0) ? Unicode.Scalar($0.value + 0xFEE0)! : $0 }))
            let general = FormDecimal(parsing: fullWidth)!
            #expect(withUnsafeBytes(of: number.value) { Array($0) } == withUnsafeBytes(of: general.value) { Array($0) } && number.scale == general.scale, "\(text)")
            #expect(number.description == foundation(number), "\(text)")
            #expect(FormDecimal(number.value, scale: number.scale).description == number.description, "\(text)")
        }
    }
}
