import Foundation
import Testing
@testable import EvalSheet

/// The formulas' division by a power of ten against Foundation's division, value and representation alike.
struct FormulaDivisionTests {
    @Test func powersOfTenDivideAsFoundationDoes() {
        var generator = SystemRandomNumberGenerator()
        let divisors = ["1", "10", "100", "1000", "10000", "100.00", "0.1", "0.01", "1E+3", "7", "3", "0.5", "10001", "-100"]
            .map { Decimal(string: $0)! }
        var lefts = ["0", "1", "-1", "15.00", "12.5", "100", "99.99", "0.001", "2555831.40", "-37.5"].map { Decimal(string: $0)! }
        for _ in 0..<2000 {
            let digits = String((0..<Int.random(in: 1...20, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            let point = Int.random(in: 0...digits.count, using: &generator)
            let text = (Bool.random(using: &generator) ? "-" : "") + digits.prefix(point) + "." + digits.dropFirst(point) + "0"
            lefts.append(Decimal(string: text)!)
            // as a form's values are made: the digits as written, trailing zeros kept (`15.00` is 1500 × 10^-2)
            let fraction = digits.count - point + 1
            lefts.append(Decimal(sign: text.hasPrefix("-") ? .minus : .plus, exponent: -fraction, significand: Decimal(string: digits + "0")!))
            // and as the formula makes them: a weight times a rate
            lefts.append(lefts[lefts.count - 1] * lefts[lefts.count - 3])
        }
        #expect(Formula.powerOfTen(100) == 2 && Formula.powerOfTen(Decimal(string: "0.01")!) == -2 && Formula.powerOfTen(1) == 0)
        #expect(Formula.powerOfTen(7) == nil && Formula.powerOfTen(-100) == nil && Formula.powerOfTen(10001) == nil)
        for left in lefts {
            for right in divisors {
                guard let places = Formula.powerOfTen(right) else { continue }
                let ours = Formula.divide(left, tenToThe: places, divisor: right), theirs = left / right
                #expect(ours == theirs, "\(left) / \(right)")
                #expect(withUnsafeBytes(of: ours) { Array($0) } == withUnsafeBytes(of: theirs) { Array($0) }, "\(left) / \(right): \(ours) vs \(theirs)")
            }
        }
    }
}
