/// Reads the Templates/ files, which every start-up reads: a small JSON parser over the bytes, and nodes that the
/// layouts and the field list build themselves from by hand. Decodable's generic containers cost 24M instructions
/// a start for the eight layouts; the messages name the key path as they did (`rows[5].cells[1].label: empty label`).
enum TemplateDecoder {
    /// A parsed JSON value.
    enum Value {
        /// Members in file order: the objects of a layout hold a few keys, mostly of up to 15 bytes (which compare as two
        /// words), found faster by comparing than by hashing; a repeated key counts as its last occurrence.
        case object([Member])
        case array([Value])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    typealias Member = (key: String, value: Value)

    /// The root of the JSON document `text`.
    static func root(_ text: String) throws -> TemplateNode {
        var parser = Parser(bytes: Array(text.utf8))
        return TemplateNode(value: try parser.document(), at: .document)
    }

    // MARK: Parsing

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        private func failure(_ what: String) -> TemplateMistake {
            TemplateMistake(path: "", what: "not valid JSON: \(what) at byte \(index)")
        }

        mutating func document() throws -> Value {
            let value = try self.value(depth: 0)
            skipSpace()
            guard index == bytes.count else { throw failure("text after the document") }
            return value
        }

        private mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        }

        private mutating func value(depth: Int) throws -> Value {
            guard depth < 64 else { throw failure("nesting too deep") }
            skipSpace()
            guard index < bytes.count else { throw failure("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [Member] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                while true {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                    index += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard index < bytes.count else { throw failure("unexpected end") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
                    index += 1
                    return .object(members)
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [Value] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
                while true {
                    elements.append(try value(depth: depth + 1))
                    skipSpace()
                    guard index < bytes.count else { throw failure("unexpected end") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
                    index += 1
                    return .array(elements)
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                for (word, value) in [("true", Value.bool(true)), ("false", .bool(false)), ("null", .null)]
                where bytes[index...].starts(with: word.utf8) {
                    index += word.utf8.count
                    return value
                }
                throw failure("unknown word")
            default:
                let start = index
                while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else { throw failure("not a number") }
                return .number(number)
            }
        }

        private mutating func string() throws -> String {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string") }
            index += 1
            // Most strings hold no escape: made straight from their bytes.
            if let end = bytes[index...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }),
               bytes[end] == UInt8(ascii: "\"") {
                defer { index = end + 1 }
                return String(decoding: bytes[index..<end], as: UTF8.self)
            }
            var text: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw failure("unfinished escape") }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(code) else { throw failure("bad \\u escape") }
                        index += 4
                        text.append(contentsOf: String(Character(scalar)).utf8)
                    default: text.append(escaped)
                    }
                default:
                    text.append(byte)
                }
            }
            throw failure("unfinished string")
        }
    }
}

/// A mistake in a Templates/ file at a key path: `rows[5].cells[1].label: empty label`.
struct TemplateMistake: Error, CustomStringConvertible {
    /// `rows[5].cells[1].label`; empty for the document.
    let path: String
    let what: String
    var description: String { path.isEmpty ? what : "\(path): \(what)" }
}

/// Where a value sits in a Templates/ file, spelt out only for a message: `rows[5].cells[1].label`.
indirect enum TemplatePath: CustomStringConvertible {
    case document
    case key(TemplatePath, String)
    case index(TemplatePath, Int)

    var description: String {
        switch self {
        case .document: return ""
        case .key(.document, let key): return key
        case .key(let parent, let key): return "\(parent).\(key)"
        case .index(let parent, let index): return "\(parent)[\(index)]"
        }
    }
}

/// A value of a Templates/ file and its key path, read as what it must be; every mistake names the path.
struct TemplateNode {
    let value: TemplateDecoder.Value
    let at: TemplatePath

    func mistake(_ what: String) -> TemplateMistake { TemplateMistake(path: at.description, what: what) }

    private func mismatch(_ expected: String) -> TemplateMistake { mistake("expected \(expected), found \(value.kind)") }

    /// The object's members, refused when one is not among `known` (nil: any key goes).
    func object(known: Set<String>? = nil) throws -> TemplateObject {
        guard case .object(let members) = value else { throw mismatch("an object") }
        if let known, let unknown = members.first(where: { !known.contains($0.key) }) {
            throw mistake("unknown key \"\(unknown.key)\"")
        }
        return TemplateObject(members: members, at: at)
    }

    func array() throws -> [TemplateNode] {
        guard case .array(let elements) = value else { throw mismatch("an array") }
        return elements.enumerated().map { TemplateNode(value: $1, at: .index(at, $0)) }
    }

    func string() throws -> String {
        guard case .string(let text) = value else { throw mismatch("a string") }
        return text
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("true or false") }
        return flag
    }

    func number() throws -> Double {
        guard case .number(let number) = value else { throw mismatch("a number") }
        return number
    }

    func integer() throws -> Int {
        guard case .number(let number) = value else { throw mismatch("a number") }
        guard let integer = Int(exactly: number) else { throw mismatch("a whole number") }
        return integer
    }

    /// One of the cases of `Choice`, by its name.
    func choice<Choice: RawRepresentable<String> & CaseIterable>(_: Choice.Type) throws -> Choice {
        let name = try string()
        guard let choice = Choice(rawValue: name) else {
            throw mistake("\"\(name)\" is not one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    func strings() throws -> [String] { try array().map { try $0.string() } }
}

/// An object of a Templates/ file, its members read by key.
struct TemplateObject {
    let members: [TemplateDecoder.Member]
    let at: TemplatePath

    /// Member `key` (its last occurrence), nil when absent or null.
    func optional(_ key: String) -> TemplateNode? {
        guard let value = members.last(where: { $0.key == key })?.value else { return nil }
        if case .null = value { return nil }
        return TemplateNode(value: value, at: .key(at, key))
    }

    /// Member `key`, which the object must have.
    func required(_ key: String) throws -> TemplateNode {
        guard let value = members.last(where: { $0.key == key })?.value else {
            throw TemplateMistake(path: TemplatePath.key(at, key).description, what: "missing")
        }
        return TemplateNode(value: value, at: .key(at, key))
    }

    /// The names of the members, in file order.
    var keys: [String] { members.map(\.key) }
}

extension TemplateDecoder.Value {
    /// What the value is, for messages.
    var kind: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string(let text): return "\"\(text.prefix(40))\""
        case .number(let number): return "the number \(number)"
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }
}
