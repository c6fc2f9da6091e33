import Foundation

/// Writes the canonical JSON by hand from the field catalog, so the key order is the contract's and Chinese stays
/// unescaped. Fields of version 1 are always written (null when empty); the others when the form has them.
enum JSONFormWriter {
    /// The form's JSON document, ending in a newline.
    static func data(of form: Form) -> Data {
        var out = JSONOutput()
        out.reserve(16 << 10)
        out.object {
            $0.field("schema", .string(Form.schema))
            if let layout = form.layout { $0.field("layout", .string(layout)) }
            write(JSONShape.root, of: form, to: &$0)
        }
        out.newline()
        return out.data
    }

    private static func write(_ shapes: [JSONShape], of form: Form, to out: inout JSONOutput) {
        for shape in shapes {
            switch shape {
            case .value(let field):
                let found = form[field.path]
                if field.core || found != nil { out.field(shape.key, value(found)) }
            case .object(let key, let children):
                guard shape.isCore || has(shape, form) else { continue }
                out.field(key) { write(children, of: form, to: &$0) }
            case .indicators:
                out.field("indicators", array: form.indicators, element: indicator)
            case .extras:
                guard !form.extras.isEmpty else { continue }
                out.field("extras", array: form.extras) { out, extra in
                    out.object {
                        $0.field("label", .string(extra.label))
                        $0.field("value", .string(extra.value))
                    }
                }
            }
        }
    }

    private static func has(_ shape: JSONShape, _ form: Form) -> Bool {
        switch shape {
        case .value(let field): return form[field.path] != nil
        case .object(_, let children): return children.contains { has($0, form) }
        case .indicators: return true
        case .extras: return !form.extras.isEmpty
        }
    }

    private static func indicator(_ out: inout JSONOutput, _ indicator: Indicator) {
        out.object {
            $0.field("name", .string(indicator.name))
            $0.field("weight", .decimal(indicator.weight))
            $0.field("categories", array: indicator.categories) { out, category in
                out.object {
                    $0.field("name", .string(category.name))
                    $0.field("weight", .decimal(category.weight))
                    $0.field("items", array: category.items, element: item)
                }
            }
        }
    }

    private static func item(_ out: inout JSONOutput, _ item: Item) {
        out.object {
            for field in FieldCatalog.shared.itemFields {
                let found = item[field.path]
                if field.core || found != nil { $0.field(field.path, value(found)) }
            }
        }
    }

    private static func value(_ value: FieldValue?) -> JSONOutput.Value {
        switch value {
        case .text(let text)?: return .string(text)
        case .decimal(let decimal)?: return .decimal(decimal)
        case .integer(let integer?)?: return .raw(String(integer))
        case .integer(nil)?, nil: return .raw("null")
        }
    }
}

/// A minimal pretty JSON builder (two-space indent, `"key": value`), enough for the form.
struct JSONOutput {
    enum Value {
        case string(String)
        case raw(String)
        case object((inout JSONOutput) -> Void)
        case array([Value])

        static func decimal(_ value: FormDecimal?) -> Value { value.map { .string($0.description) } ?? .raw("null") }
    }

    /// The UTF-8 written so far: appending bytes costs far less than growing a String piece by piece.
    private var bytes: [UInt8] = []
    private var depth = 0
    private var first = true

    /// The JSON written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var data: Data { Data(bytes) }

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Ends a document.
    mutating func newline() { append("\n") }

    mutating func object(_ body: (inout JSONOutput) -> Void) {
        append("{")
        depth += 1
        first = true
        body(&self)
        depth -= 1
        if first { append("}") } else { append("\n"); appendIndent(); append("}") }
        first = false
    }

    mutating func field(_ key: String, _ value: Value) {
        beginField(key)
        write(value)
    }

    /// A member whose value is the object `body` writes, written as it goes (no `Value` is built for it).
    mutating func field(_ key: String, object body: (inout JSONOutput) -> Void) {
        beginField(key)
        object(body)
    }

    /// A member whose value is an array, each element written by `element` as it goes.
    mutating func field<S: Sequence>(_ key: String, array elements: S, element: (inout JSONOutput, S.Element) -> Void) {
        beginField(key)
        var empty = true
        depth += 1
        for value in elements {
            append(empty ? "[\n" : ",\n")
            appendIndent()
            element(&self, value)
            empty = false
        }
        depth -= 1
        if empty { append("[]") } else { append("\n"); appendIndent(); append("]") }
        first = false
    }

    private mutating func beginField(_ key: String) {
        append(first ? "\n" : ",\n")
        appendIndent()
        first = false
        appendString(key)
        append(": ")
    }

    private mutating func write(_ value: Value) {
        switch value {
        case .string(let string): appendString(string)
        case .raw(let raw): bytes.append(contentsOf: raw.utf8)
        case .object(let body): object(body)
        case .array(let values):
            guard !values.isEmpty else { append("[]"); return }
            append("[")
            depth += 1
            for (index, element) in values.enumerated() {
                append(index == 0 ? "\n" : ",\n")
                appendIndent()
                write(element)
            }
            depth -= 1
            append("\n")
            appendIndent()
            append("]")
        }
        first = false
    }

    /// A literal of one to three bytes, byte by byte: the general copy cost about 90 instructions a call, and a form
    /// writes a thousand of them.
    private mutating func append(_ literal: StaticString) {
        for index in 0..<literal.utf8CodeUnitCount { bytes.append(literal.utf8Start[index]) }
    }

    /// Two spaces a level.
    private mutating func appendIndent() { for _ in 0..<2 * depth { bytes.append(UInt8(ascii: " ")) } }

    /// `string` as a JSON string: quotes, backslashes and control characters escaped, everything else copied as it
    /// is, in runs (a form's text is mostly Chinese, which needs no escaping).
    private mutating func appendString(_ string: String) {
        append("\"")
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                default: bytes.append(contentsOf: "\\u00".utf8 + [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        append("\"")
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
