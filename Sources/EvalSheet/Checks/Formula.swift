import Foundation

/// A layout's Excel formula (`ROUND({funds.weight}*MIN({funds.executionRate},100)/100,2)`) evaluated in exact
/// decimals, so one declaration is both the spreadsheet's formula and the check: + - * / = < > <= >= <>, parentheses,
/// IF, ROUND (half up), MIN, MAX, SUM; `{path}` is a field (an empty one counts 0, as in Excel), `{item.x}` every item's.
struct Formula {
    let text: String

    /// The value, or nil when the formula cannot be evaluated (a division by zero, a malformed formula) or every
    /// field it refers to is empty.
    func evaluate(_ form: Form) -> Decimal? {
        var parser = Parser(tokens: Self.tokenized.tokens(of: text), form: form)
        guard let value = parser.expression(), parser.atEnd, parser.referencedAny else { return nil }
        return value
    }

    /// The fields the formula refers to.
    var references: [String] { Pattern(text).fields }

    private enum Token: Equatable {
        case number(Decimal), field(String), name(String), symbol(String)
    }

    /// Every formula's tokens, worked out once per process: a layout has a few formulas, checked on every form.
    private static let tokenized = Tokenized()

    private final class Tokenized: @unchecked Sendable {
        private let lock = NSLock()
        private var byText: [String: [Token]] = [:]

        func tokens(of text: String) -> [Token] {
            if let known = lock.withLock({ byText[text] }) { return known }
            let tokens = Formula.tokens(text)
            lock.withLock { byText[text] = tokens }
            return tokens
        }
    }

    private static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "{", let close = text[index...].firstIndex(of: "}") {
                tokens.append(.field(String(text[text.index(after: index)..<close])))
                index = text.index(after: close)
            } else if character.isNumber {
                var end = index
                while end < text.endIndex, text[end].isNumber || text[end] == "." { end = text.index(after: end) }
                tokens.append(.number(FormDecimal(parsing: String(text[index..<end]))?.value ?? 0))
                index = end
            } else if character.isLetter {
                var end = index
                while end < text.endIndex, text[end].isLetter { end = text.index(after: end) }
                tokens.append(.name(String(text[index..<end]).uppercased()))
                index = end
            } else if !character.isWhitespace {
                let next = text.index(after: index)
                let pair = next < text.endIndex ? String(text[index...next]) : ""
                if ["<=", ">=", "<>"].contains(pair) {
                    tokens.append(.symbol(pair))
                    index = text.index(after: next)
                } else {
                    tokens.append(.symbol(String(character)))
                    index = next
                }
            } else {
                index = text.index(after: index)
            }
        }
        return tokens
    }

    /// Recursive descent over the tokens; nil on anything it cannot evaluate.
    private struct Parser {
        let tokens: [Token]
        let form: Form
        var position = 0
        var referencedAny = false

        var atEnd: Bool { position == tokens.count }

        init(tokens: [Token], form: Form) { self.tokens = tokens; self.form = form }

        private mutating func take(_ symbol: String) -> Bool {
            guard position < tokens.count, tokens[position] == .symbol(symbol) else { return false }
            position += 1
            return true
        }

        mutating func expression() -> Decimal? {
            guard let left = additive() else { return nil }
            for symbol in ["<=", ">=", "<>", "=", "<", ">"] where take(symbol) {
                guard let right = additive() else { return nil }
                let result: Bool
                switch symbol {
                case "<=": result = left <= right
                case ">=": result = left >= right
                case "<>": result = left != right
                case "=": result = left == right
                case "<": result = left < right
                default: result = left > right
                }
                return result ? 1 : 0
            }
            return left
        }

        private mutating func additive() -> Decimal? {
            guard var value = term() else { return nil }
            while true {
                if take("+") { guard let right = term() else { return nil }; value += right }
                else if take("-") { guard let right = term() else { return nil }; value -= right }
                else { return value }
            }
        }

        private mutating func term() -> Decimal? {
            guard var value = unary() else { return nil }
            while true {
                if take("*") { guard let right = unary() else { return nil }; value *= right }
                else if take("/") { guard let right = unary(), right != 0 else { return nil }; value /= right }
                else { return value }
            }
        }

        private mutating func unary() -> Decimal? {
            if take("-") { return unary().map { -$0 } }
            return primary()
        }

        private mutating func primary() -> Decimal? {
            guard position < tokens.count else { return nil }
            let token = tokens[position]
            position += 1
            switch token {
            case .number(let value):
                return value
            case .field(let path):
                if path.hasPrefix("item.") { return nil }
                if let value = form[path]?.decimal?.value { referencedAny = true; return value }
                return 0
            case .symbol("("):
                let value = expression()
                return take(")") ? value : nil
            case .name(let name):
                guard take("(") else { return nil }
                if name == "SUM", position < tokens.count, case .field(let path) = tokens[position], path.hasPrefix("item.") {
                    position += 1
                    guard take(")") else { return nil }
                    let values = form.allItems.compactMap { $0.decimal(String(path.dropFirst(5)))?.value }
                    if !values.isEmpty { referencedAny = true }
                    return values.reduce(0, +)
                }
                var arguments: [Decimal] = []
                repeat {
                    guard let value = expression() else { return nil }
                    arguments.append(value)
                } while take(",")
                guard take(")") else { return nil }
                return Self.call(name, arguments)
            default:
                return nil
            }
        }

        private static func call(_ name: String, _ arguments: [Decimal]) -> Decimal? {
            switch (name, arguments.count) {
            case ("IF", 3): return arguments[0] != 0 ? arguments[1] : arguments[2]
            case ("ROUND", 2):
                var result = Decimal(), value = arguments[0]
                NSDecimalRound(&result, &value, NSDecimalNumber(decimal: arguments[1]).intValue, .plain)
                return result
            case ("MIN", 1...): return arguments.min()
            case ("MAX", 1...): return arguments.max()
            case ("SUM", _): return arguments.reduce(0, +)
            default: return nil
            }
        }
    }
}
