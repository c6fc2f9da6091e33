/// The canonical JSON's nesting, built once from Templates/fields.json: objects in the order their fields come.
indirect enum JSONShape: Sendable {
    case value(FieldCatalog.Field)
    case object(key: String, children: [JSONShape])
    case indicators
    case extras

    /// The document's top-level members after `schema` and `layout`.
    static let root: [JSONShape] = build(FieldCatalog.shared.fields, prefix: "")

    private static func build(_ fields: [FieldCatalog.Field], prefix: String) -> [JSONShape] {
        var shapes: [JSONShape] = []
        var index = 0
        while index < fields.count {
            let field = fields[index]
            let rest = String(field.path.dropFirst(prefix.count))
            guard let dot = rest.firstIndex(of: ".") else {
                switch field.type {
                case .indicators: shapes.append(.indicators)
                case .extras: shapes.append(.extras)
                default: shapes.append(.value(field))
                }
                index += 1
                continue
            }
            let key = String(rest[..<dot])
            let childPrefix = prefix + key + "."
            var end = index
            while end < fields.count, fields[end].path.hasPrefix(childPrefix) { end += 1 }
            shapes.append(.object(key: key, children: build(Array(fields[index..<end]), prefix: childPrefix)))
            index = end
        }
        return shapes
    }

    /// The JSON key of this member.
    var key: String {
        switch self {
        case .value(let field): return field.key
        case .object(let key, _): return key
        case .indicators: return "indicators"
        case .extras: return "extras"
        }
    }

    /// True when the member is written even when empty: it holds a field of version 1.
    var isCore: Bool {
        switch self {
        case .value(let field): return field.core
        case .object(_, let children): return children.contains(where: \.isCore)
        case .indicators: return true
        case .extras: return false
        }
    }
}
