import Foundation

/// Checks a parsed JSON tree against the canonical shape (from Templates/fields.json) and builds the form; errors
/// name the JSON path. Version-1 documents read as version 2; absent keys are null; unknown keys are refused.
enum JSONFormDecoder {
    static func form(from root: Any) throws -> Form {
        let object = try JSONObject(root, path: "")
        let schema = try object.string("schema")
        let catalog = FieldCatalog.shared
        guard schema == catalog.schema || catalog.reads.contains(schema) else {
            throw EvalSheetError(.invalidForm, "schema: expected \"\(catalog.schema)\", found \"\(schema.prefix(60))\"; this JSON is not an evalsheet form of a version this tool reads", zh: "schema：应为\u{201C}\(catalog.schema)\u{201D}，实为\u{201C}\(schema.prefix(60))\u{201D}；此 JSON 不是本工具能读取版本的 evalsheet 表")
        }
        var form = Form()
        form.layout = try object.optionalString("layout")
        try object.refuseUnknown(["schema", "layout"] + JSONShape.root.map(\.key))
        try read(JSONShape.root, from: object, into: &form)
        return form
    }

    private static func read(_ shapes: [JSONShape], from object: JSONObject, into form: inout Form) throws {
        for shape in shapes {
            switch shape {
            case .value(let field):
                form[field.path] = try value(field, in: object)
            case .object(let key, let children):
                guard let child = try object.optionalObject(key) else { continue }
                try child.refuseUnknown(children.map(\.key))
                try read(children, from: child, into: &form)
            case .indicators:
                form.indicators = try object.optionalArray("indicators").map(indicator)
            case .extras:
                form.extras = try object.optionalArray("extras").map { extra in
                    try extra.refuseUnknown(["label", "value"])
                    return Extra(label: try extra.string("label"), value: try extra.string("value"))
                }
            }
        }
    }

    private static func indicator(_ object: JSONObject) throws -> Indicator {
        try object.refuseUnknown(["name", "weight", "categories"])
        return Indicator(name: try object.string("name"), weight: try object.decimal("weight"),
                         categories: try object.optionalArray("categories").map { category in
            try category.refuseUnknown(["name", "weight", "items"])
            return Category(name: try category.string("name"), weight: try category.decimal("weight"),
                            items: try category.optionalArray("items").map(item))
        })
    }

    private static func item(_ object: JSONObject) throws -> Item {
        let fields = FieldCatalog.shared.itemFields
        try object.refuseUnknown(fields.map(\.path))
        var item = Item()
        for field in fields { item[field.path] = try value(field, in: object) }
        return item
    }

    private static func value(_ field: FieldCatalog.Field, in object: JSONObject) throws -> FieldValue? {
        let key = field.key
        switch field.type {
        case .integer: return .integer(try object.integer(key))
        case .amount, .decimal, .percent: return .decimal(try object.decimal(key))
        case .unit:
            guard let unit = try object.optionalString(key) else { return nil }
            guard FieldCatalog.shared.moneyUnits[unit] != nil else {
                throw EvalSheetError(.invalidForm, "\(object.child(key)): expected one of \(FieldCatalog.shared.moneyUnits.keys.sorted().joined(separator: ", ")), found \"\(unit.prefix(20))\"", zh: "\(object.child(key))：应为 \(FieldCatalog.shared.moneyUnits.keys.sorted().joined(separator: "、")) 之一，实为\u{201C}\(unit.prefix(20))\u{201D}")
            }
            return .text(unit)
        default: return try object.optionalString(key).map(FieldValue.text)
        }
    }
}

/// A JSON object with typed accessors whose errors carry the path (`funds.total.executed`).
private struct JSONObject {
    let values: [String: Any]
    let path: String

    init(_ value: Any, path: String) throws {
        guard let values = value as? [String: Any] else {
            throw EvalSheetError(.invalidForm, "\(path.isEmpty ? "the document" : path): expected an object, found \(JSONObject.kind(of: value))", zh: "\(path.isEmpty ? "文档" : path)：应为对象，实为 \(JSONObject.kind(of: value))")
        }
        self.values = values
        self.path = path
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func required(_ key: String) throws -> Any {
        guard let value = values[key] else {
            throw EvalSheetError(.invalidForm, "\(child(key)): missing; add the key (see Templates/form.schema.json)", zh: "\(child(key))：缺少；请添加该键（见 Templates/form.schema.json）")
        }
        return value
    }

    /// Refuses a key the canonical shape does not have, naming it, so no value is silently dropped.
    func refuseUnknown(_ known: [String]) throws {
        guard let key = values.keys.sorted().first(where: { !known.contains($0) }) else { return }
        throw EvalSheetError(.invalidForm, "\(child(key)): unknown key; remove it or check its spelling (see Templates/form.schema.json)", zh: "\(child(key))：未知的键；请删除或检查拼写（见 Templates/form.schema.json）")
    }

    /// A string, or nil when the key is absent or null.
    func optionalString(_ key: String) throws -> String? {
        guard let value = values[key], !JSONObject.isNull(value) else { return nil }
        guard let text = value as? String else { throw typeError(key, "a string", value) }
        return text
    }

    func optionalObject(_ key: String) throws -> JSONObject? {
        guard let value = values[key], !JSONObject.isNull(value) else { return nil }
        return try JSONObject(value, path: child(key))
    }

    func optionalArray(_ key: String) throws -> [JSONObject] {
        guard let value = values[key], !JSONObject.isNull(value) else { return [] }
        return try array(key)
    }

    private func typeError(_ key: String, _ expected: String, _ value: Any) -> EvalSheetError {
        EvalSheetError(.invalidForm, "\(child(key)): expected \(expected), found \(JSONObject.kind(of: value))", zh: "\(child(key))：应为 \(expected)，实为 \(JSONObject.kind(of: value))")
    }

    func string(_ key: String) throws -> String {
        let value = try required(key)
        guard let text = value as? String else { throw typeError(key, "a string", value) }
        return text
    }

    func decimal(_ key: String) throws -> FormDecimal? {
        guard let value = values[key], !JSONObject.isNull(value) else { return nil }
        guard let text = value as? String else { throw typeError(key, "a decimal string", value) }
        if text.isEmpty { return nil }
        guard let decimal = FormDecimal(parsing: text), !text.utf8.contains(UInt8(ascii: ",")) else {
            throw typeError(key, "a decimal string", value)
        }
        return decimal
    }

    func integer(_ key: String) throws -> Int? {
        guard let value = values[key], !JSONObject.isNull(value) else { return nil }
        guard let number = value as? NSNumber, !JSONObject.isBoolean(number),
              let integer = Int(exactly: number.doubleValue), abs(integer) < 1_000_000_000,
              Double(integer) == number.doubleValue
        else { throw typeError(key, "an integer", value) }
        return integer
    }

    func array(_ key: String) throws -> [JSONObject] {
        let value = try required(key)
        guard let items = value as? [Any] else { throw typeError(key, "an array", value) }
        return try items.enumerated().map { try JSONObject($0.element, path: "\(child(key))[\($0.offset)]") }
    }

    /// True for JSON null; looks at the type only, since `is NSNull` bridges a whole dictionary or array to check.
    static func isNull(_ value: Any) -> Bool { type(of: value) == NSNull.self }

    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c" || type(of: number) == type(of: NSNumber(value: true))
    }

    static func kind(of value: Any) -> String {
        switch value {
        case let text as String: return "\"\(text.prefix(60))\""
        case is NSNull: return "null"
        case let number as NSNumber: return isBoolean(number) ? "a boolean" : "the number \(number)"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "\(type(of: value))"
        }
    }
}
