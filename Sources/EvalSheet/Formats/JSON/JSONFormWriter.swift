/// Writes the canonical JSON by hand from the field catalog, so the key order is the contract's and Chinese stays
/// unescaped. Fields of version 1 are always written (null when empty); the others when the form has them.
enum JSONFormWriter {
    static func text(of form: Form) -> String {
        var out = JSONOutput()
        out.object {
            $0.field("schema", .string(Form.schema))
            if let layout = form.layout { $0.field("layout", .string(layout)) }
            write(JSONShape.root, of: form, to: &$0)
        }
        return out.text + "\n"
    }

    private static func write(_ shapes: [JSONShape], of form: Form, to out: inout JSONOutput) {
        for shape in shapes {
            switch shape {
            case .value(let field):
                if field.core || form[field.path] != nil { out.field(shape.key, value(form[field.path])) }
            case .object(let key, _, let children):
                guard shape.isCore || children.contains(where: { has($0, form) }) else { continue }
                out.field(key, .object { write(children, of: form, to: &$0) })
            case .indicators:
                out.field("indicators", .array(form.indicators.map(indicator)))
            case .extras:
                guard !form.extras.isEmpty else { continue }
                out.field("extras", .array(form.extras.map { extra in .object {
                    $0.field("label", .string(extra.label))
                    $0.field("value", .string(extra.value))
                } }))
            }
        }
    }

    private static func has(_ shape: JSONShape, _ form: Form) -> Bool {
        switch shape {
        case .value(let field): return form[field.path] != nil
        case .object(_, _, let children): return children.contains { has($0, form) }
        case .indicators: return true
        case .extras: return !form.extras.isEmpty
        }
    }

    private static func indicator(_ indicator: Indicator) -> JSONOutput.Value {
        .object {
            $0.field("name", .string(indicator.name))
            $0.field("weight", .decimal(indicator.weight))
            $0.field("categories", .array(indicator.categories.map { category in .object {
                $0.field("name", .string(category.name))
                $0.field("weight", .decimal(category.weight))
                $0.field("items", .array(category.items.map(item)))
            } }))
        }
    }

    private static func item(_ item: Item) -> JSONOutput.Value {
        .object {
            for field in FieldCatalog.shared.itemFields where field.core || item[field.path] != nil {
                $0.field(field.path, value(item[field.path]))
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
    indirect enum Value {
        case string(String)
        case raw(String)
        case object((inout JSONOutput) -> Void)
        case array([Value])

        static func decimal(_ value: FormDecimal?) -> Value { value.map { .string($0.description) } ?? .raw("null") }
    }

    private(set) var text = ""
    private var depth = 0
    private var first = true

    mutating func object(_ body: (inout JSONOutput) -> Void) {
        text += "{"
        depth += 1
        first = true
        body(&self)
        depth -= 1
        text += first ? "}" : "\n" + indent + "}"
        first = false
    }

    mutating func field(_ key: String, _ value: Value) {
        text += (first ? "\n" : ",\n") + indent
        first = false
        JSONOutput.appendString(key, to: &text)
        text += ": "
        write(value)
    }

    private mutating func write(_ value: Value) {
        switch value {
        case .string(let string): JSONOutput.appendString(string, to: &text)
        case .raw(let raw): text += raw
        case .object(let body): object(body)
        case .array(let values):
            guard !values.isEmpty else { text += "[]"; return }
            text += "["
            depth += 1
            for (index, element) in values.enumerated() {
                text += (index == 0 ? "\n" : ",\n") + indent
                write(element)
            }
            depth -= 1
            text += "\n" + indent + "]"
        }
        first = false
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    static func appendString(_ string: String, to text: inout String) {
        text += "\""
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += string
            text += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
