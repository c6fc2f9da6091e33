import Foundation

/// A layout's Excel formula (`ROUND({funds.weight}*MIN({funds.executionRate},100)/100,2)`) evaluated in exact
/// decimals, so one declaration is both the spreadsheet's formula and the check: + - * / = < > <= >= <>, parentheses,
/// IF, ROUND (half up), MIN, MAX, SUM; `{path}` is a field (an empty one counts 0, as in Excel), `{item.x}` every item's.
struct Formula: Sendable {
    let text: String
    /// The parsed formula; nil when it is malformed.
    private let tree: Node?

    /// Parses `text` once: a layout's cells hold their formulas parsed (`Layout.Cell.parsedFormula`), checked on every form.
    init(text: String) {
        self.text = text
        var parser = Parser(tokens: Self.tokens(text))
        tree = parser.expression().flatMap { parser.atEnd ? $0 : nil }
    }

    /// The value, or nil when the formula cannot be evaluated (a division by zero, a malformed formula) or every
    /// field it refers to is empty.
    func evaluate(_ form: Form) -> Decimal? {
        guard let tree else { return nil }
        var referencedAny = false
        guard let value = tree.value(in: form, referencedAny: &referencedAny), referencedAny else { return nil }
        return value
    }

    /// The fields the formula refers to.
    var references: [String] { Pattern.fields(in: text) }

    /// `left / divisor` where the divisor is 10^places (`/100`): the point moves. Foundation's division works out 38
    /// digits and strips their zeros one at a time (56,000 instructions; the funds score divides by 100 on every form),
    /// for the same Decimal, byte for byte (FormulaDivisionTests).
    static func divide(_ left: Decimal, tenToThe places: Int, divisor: Decimal) -> Decimal {
        guard !left.isZero, !left.isNaN, case let exponent = left.exponent - places, exponent > -100, exponent < 100 else {
            return left / divisor
        }
        return Decimal(sign: left.sign, exponent: exponent, significand: left.significand)
    }

    /// k when `value` is 10^k (a significand of 1, 10, 100, 1000 or 10000, any exponent), else nil.
    static func powerOfTen(_ value: Decimal) -> Int? {
        guard value.sign == .plus, !value.isNaN else { return nil }
        let significand = value.significand
        return tenPowers.firstIndex(of: significand).map { value.exponent + $0 }
    }

    private static let tenPowers: [Decimal] = [1, 10, 100, 1000, 10000]

    private enum Token: Equatable {
        case number(Decimal), field(String), name(String), symbol(String)
    }

    /// A parsed formula.
    private indirect enum Node: Sendable {
        case number(Decimal)
        case field(String)
        /// `SUM({item.x})`: the field of every item.
        case itemSum(String)
        case negate(Node)
        case binary(String, Node, Node)
        /// `x / 10^places`, a literal power of ten: the point moves (`divisor` is the literal, for what cannot move).
        case pointShift(Node, places: Int, divisor: Decimal)
        case call(String, [Node])

        /// The value over `form`; nil where Excel would give an error. `referencedAny` turns true when a field the
        /// formula reads holds a number.
        func value(in form: Form, referencedAny: inout Bool) -> Decimal? {
            switch self {
            case .number(let value):
                return value
            case .field(let path):
                if path.hasPrefix("item.") { return nil }
                if let value = form[path]?.decimal?.value { referencedAny = true; return value }
                return 0
            case .itemSum(let key):
                let values = form.allItems.compactMap { $0.decimal(key)?.value }
                if !values.isEmpty { referencedAny = true }
                return values.reduce(0, +)
            case .negate(let node):
                return node.value(in: form, referencedAny: &referencedAny).map { -$0 }
            case .pointShift(let node, let places, let divisor):
                return node.value(in: form, referencedAny: &referencedAny).map { Formula.divide($0, tenToThe: places, divisor: divisor) }
            case .binary(let symbol, let leftNode, let rightNode):
                guard let left = leftNode.value(in: form, referencedAny: &referencedAny),
                      let right = rightNode.value(in: form, referencedAny: &referencedAny) else { return nil }
                switch symbol {
                case "+": return left + right
                case "-": return left - right
                case "*": return left * right
                case "/": return right == 0 ? nil : left / right
                case "<=": return left <= right ? 1 : 0
                case ">=": return left >= right ? 1 : 0
                case "<>": return left != right ? 1 : 0
                case "=": return left == right ? 1 : 0
                case "<": return left < right ? 1 : 0
                default: return left > right ? 1 : 0
                }
            case .call(let name, let argumentNodes):
                var arguments: [Decimal] = []
                for node in argumentNodes {
                    guard let value = node.value(in: form, referencedAny: &referencedAny) else { return nil }
                    arguments.append(value)
                }
                return Self.call(name, arguments)
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

    /// The formula's tokens, read over its UTF-8 bytes: a layout's formulas are ASCII outside the braces, and reading
    /// them by Character cost 46,000 instructions a formula at every start. A run of other bytes reads as a name,
    /// which no function has, so the formula is malformed as it was.
    private static func tokens(_ text: String) -> [Token] {
        let bytes = Array(text.utf8)
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func isLetter(_ byte: UInt8) -> Bool { byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) }
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{"), let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) {
                tokens.append(.field(string(index + 1..<close)))
                index = close + 1
            } else if isDigit(byte) {
                var end = index
                while end < bytes.count, isDigit(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
                tokens.append(.number(FormDecimal(parsing: string(index..<end))?.value ?? 0))
                index = end
            } else if isLetter(byte) {
                var end = index
                while end < bytes.count, isLetter(bytes[end]) { end += 1 }
                tokens.append(.name(string(index..<end).uppercased()))
                index = end
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else {
                let pair = index + 1 < bytes.count ? string(index..<index + 2) : ""
                if ["<=", ">=", "<>"].contains(pair) {
                    tokens.append(.symbol(pair))
                    index += 2
                } else {
                    tokens.append(.symbol(string(index..<index + 1)))
                    index += 1
                }
            }
        }
        return tokens
    }

    /// Recursive descent over the tokens into a tree; nil on anything malformed.
    private struct Parser {
        let tokens: [Token]
        var position = 0

        var atEnd: Bool { position == tokens.count }

        init(tokens: [Token]) { self.tokens = tokens }

        private mutating func take(_ symbol: String) -> Bool {
            guard position < tokens.count, tokens[position] == .symbol(symbol) else { return false }
            position += 1
            return true
        }

        mutating func expression() -> Node? {
            guard let left = additive() else { return nil }
            for symbol in ["<=", ">=", "<>", "=", "<", ">"] where take(symbol) {
                return additive().map { .binary(symbol, left, $0) }
            }
            return left
        }

        private mutating func additive() -> Node? { leftAssociative(["+", "-"]) { $0.term() } }

        private mutating func term() -> Node? { leftAssociative(["*", "/"]) { $0.unary() } }

        /// `operand (symbol operand)*`, grouped from the left.
        private mutating func leftAssociative(_ symbols: [String], _ operand: (inout Parser) -> Node?) -> Node? {
            guard var node = operand(&self) else { return nil }
            while let symbol = symbols.first(where: { take($0) }) {
                guard let right = operand(&self) else { return nil }
                if symbol == "/", case .number(let divisor) = right, let places = Formula.powerOfTen(divisor) {
                    node = .pointShift(node, places: places, divisor: divisor)
                } else {
                    node = .binary(symbol, node, right)
                }
            }
            return node
        }

        private mutating func unary() -> Node? {
            if take("-") { return unary().map { .negate($0) } }
            return primary()
        }

        private mutating func primary() -> Node? {
            guard position < tokens.count else { return nil }
            let token = tokens[position]
            position += 1
            switch token {
            case .number(let value):
                return .number(value)
            case .field(let path):
                return .field(path)
            case .symbol("("):
                let node = expression()
                return take(")") ? node : nil
            case .name(let name):
                guard take("(") else { return nil }
                if name == "SUM", position < tokens.count, case .field(let path) = tokens[position], path.hasPrefix("item.") {
                    position += 1
                    return take(")") ? .itemSum(String(path.dropFirst(5))) : nil
                }
                var arguments: [Node] = []
                repeat {
                    guard let node = expression() else { return nil }
                    arguments.append(node)
                } while take(",")
                return take(")") ? .call(name, arguments) : nil
            default:
                return nil
            }
        }
    }
}
