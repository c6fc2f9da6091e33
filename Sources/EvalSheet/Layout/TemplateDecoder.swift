/// Decodes the Templates/ files, which every start-up reads: a small JSON parser over the bytes and a Decoder over
/// its values, several times faster than Foundation's JSONDecoder here, with the same DecodingErrors and coding paths.
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

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.document()
        return try T(from: TreeDecoder(value: value, codingPath: []))
    }

    /// The keys of the object `decoder` decodes, read straight from the parsed members when it is ours (the
    /// generic `allKeys` casts every key at run time).
    static func keys(of decoder: any Decoder) throws -> [String] {
        guard let tree = decoder as? TreeDecoder else { return try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue) }
        guard case .object(let members) = tree.value else { throw mismatch(tree.value, "an object", tree.codingPath) }
        return members.map(\.key)
    }

    // MARK: Parsing

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        private func failure(_ what: String) -> DecodingError {
            DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not valid JSON: \(what) at byte \(index)"))
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

    // MARK: Decoding

    private struct TreeDecoder: Decoder {
        let value: Value
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let members) = value else { throw mismatch(value, "an object", codingPath) }
            return KeyedDecodingContainer(Keyed<Key>(members: members, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let elements) = value else { throw mismatch(value, "an array", codingPath) }
            return Unkeyed(elements: elements, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value, codingPath: codingPath) }
    }

    /// `path` with `key` added; appended as an existential, where `path + [key]` cast each key at run time.
    private static func appending(_ path: [any CodingKey], _ key: any CodingKey) -> [any CodingKey] {
        var path = path
        path.append(key)
        return path
    }

    private static func mismatch(_ value: Value, _ expected: String, _ path: [any CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(Value.self, .init(codingPath: path, debugDescription: "expected \(expected), found \(value.kind)"))
    }

    /// A value as `T`: strings, numbers and booleans directly, everything else through its own `init(from:)`. The
    /// coding path is built only when a nested decoder or an error needs it (a layout decodes thousands of strings).
    private static func decode<T: Decodable>(_ value: Value, as type: T.Type, at path: () -> [any CodingKey]) throws -> T {
        switch value {
        case .string(let text) where T.self == String.self: return text as! T
        case .bool(let flag) where T.self == Bool.self: return flag as! T
        case .number(let number) where T.self == Double.self: return number as! T
        case .number(let number) where T.self == Int.self:
            guard let integer = Int(exactly: number) else { throw mismatch(value, "a whole number", path()) }
            return integer as! T
        default:
            if T.self == String.self { throw mismatch(value, "a string", path()) }
            if T.self == Bool.self { throw mismatch(value, "true or false", path()) }
            if T.self == Double.self || T.self == Int.self { throw mismatch(value, "a number", path()) }
            return try T(from: TreeDecoder(value: value, codingPath: path()))
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [Member]
        let codingPath: [any CodingKey]
        var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

        /// The value of member `key` (its last occurrence), if the object has it.
        private func value(_ key: Key) -> Value? {
            let name = key.stringValue
            return members.last { $0.key == name }?.value
        }

        func contains(_ key: Key) -> Bool { value(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = value(key) { return true }
            return false
        }

        private func member(_ key: Key) throws -> Value {
            guard let value = value(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
            }
            return value
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try TemplateDecoder.decode(try member(key), as: type, at: { TemplateDecoder.appending(codingPath, key) })
        }

        /// One lookup for an optional member, where the protocol's default looks the key up three times.
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let value = value(key) else { return nil }
            if case .null = value { return nil }
            return try TemplateDecoder.decode(value, as: type, at: { TemplateDecoder.appending(codingPath, key) })
        }

        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            guard let value = value(key) else { return nil }
            if case .string(let text) = value { return text }
            if case .null = value { return nil }
            return try TemplateDecoder.decode(value, as: type, at: { TemplateDecoder.appending(codingPath, key) })
        }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            guard let value = value(key) else { return nil }
            if case .null = value { return nil }
            return try TemplateDecoder.decode(value, as: type, at: { TemplateDecoder.appending(codingPath, key) })
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try TreeDecoder(value: try member(key), codingPath: TemplateDecoder.appending(codingPath, key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try TreeDecoder(value: try member(key), codingPath: TemplateDecoder.appending(codingPath, key)).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { TreeDecoder(value: .object(members), codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder { TreeDecoder(value: try member(key), codingPath: TemplateDecoder.appending(codingPath, key)) }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let elements: [Value]
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        init(elements: [Value], codingPath: [any CodingKey]) { self.elements = elements; self.codingPath = codingPath }

        /// The next element and its index.
        private mutating func next() throws -> (Value, Int) {
            guard !isAtEnd else { throw DecodingError.valueNotFound(Value.self, .init(codingPath: codingPath, debugDescription: "no more elements")) }
            defer { currentIndex += 1 }
            return (elements[currentIndex], currentIndex)
        }

        /// The coding path of element `index`.
        private func path(_ index: Int) -> [any CodingKey] { TemplateDecoder.appending(codingPath, AnyKey(intValue: index)!) }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, case .null = elements[currentIndex] else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, index) = try next()
            return try TemplateDecoder.decode(value, as: type, at: { path(index) })
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let (value, index) = try next()
            return try TreeDecoder(value: value, codingPath: path(index)).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (value, index) = try next()
            return try TreeDecoder(value: value, codingPath: path(index)).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (value, index) = try next()
            return TreeDecoder(value: value, codingPath: path(index))
        }
    }

    private struct Single: SingleValueDecodingContainer {
        let value: Value
        let codingPath: [any CodingKey]
        func decodeNil() -> Bool { if case .null = value { return true } else { return false } }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try TemplateDecoder.decode(value, as: type, at: { codingPath }) }
    }
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
