import Foundation

/// The canonical form's fields as Templates/fields.json declares them: every path once, with its type.
public struct FieldCatalog: Decodable, Sendable {
    /// What a field holds, which decides how it is parsed, written and checked.
    public enum FieldType: String, Decodable, Sendable {
        case text, paragraphs, integer, amount, decimal, percent, unit, indicators, extras

        /// True for the types held as exact decimals.
        public var isDecimal: Bool { self == .amount || self == .decimal || self == .percent }
    }

    /// One field of the form or of an item.
    public struct Field: Decodable, Sendable {
        /// `funds.total.executed` for form fields; the key (`score`) for item fields.
        public let path: String
        public let type: FieldType
        /// Written in JSON even when null (the fields of version 1).
        public let core: Bool
        public let zh: String
        public let en: String
        /// The last part of the path, the key the field has in its JSON object.
        public let key: String

        private enum CodingKeys: String, CodingKey { case path, key, type, core, zh, en }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            path = try container.decodeIfPresent(String.self, forKey: .path) ?? container.decode(String.self, forKey: .key)
            type = try container.decode(FieldType.self, forKey: .type)
            core = try container.decodeIfPresent(Bool.self, forKey: .core) ?? false
            zh = try container.decode(String.self, forKey: .zh)
            en = try container.decode(String.self, forKey: .en)
            key = String(path.split(separator: ".").last ?? "")
        }
    }

    /// The schema written into canonical JSON.
    public let schema: String
    /// Older schemas that still read.
    public let reads: [String]
    /// Each money unit and how many yuan it holds.
    public let moneyUnits: [String: Int]
    /// What the funds weight and the level-1 weights add up to.
    public let fullMarks: Int
    public let fields: [Field]
    public let itemFields: [Field]

    private let fieldsByPath: [String: Field]
    private let itemFieldsByKey: [String: Field]

    private enum CodingKeys: String, CodingKey { case schema, reads, moneyUnits, fullMarks, fields, itemFields }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(String.self, forKey: .schema)
        reads = try container.decode([String].self, forKey: .reads)
        moneyUnits = try container.decode([String: Int].self, forKey: .moneyUnits)
        fullMarks = try container.decode(Int.self, forKey: .fullMarks)
        fields = try container.decode([Field].self, forKey: .fields)
        itemFields = try container.decode([Field].self, forKey: .itemFields)
        fieldsByPath = Dictionary(fields.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        itemFieldsByKey = Dictionary(itemFields.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The catalog compiled into the library.
    public static let shared: FieldCatalog = {
        do {
            return try TemplateDecoder.decode(FieldCatalog.self, from: EmbeddedTemplates.files["fields.json"] ?? "")
        } catch {
            fatalError("Templates/fields.json: \(TemplateError.describe(error))")
        }
    }()

    /// The form field at `path` (`funds.weight`), or the item field for `item.score`.
    public func field(_ path: String) -> Field? {
        if path.hasPrefix("item.") { return itemField(String(path.dropFirst(5))) }
        return fieldsByPath[path]
    }

    public func itemField(_ key: String) -> Field? { itemFieldsByKey[key] }

    /// True for a form-level field that holds one value (not an item's field, the indicators or the extras).
    func isFormValue(_ path: String) -> Bool {
        guard let field = fieldsByPath[path] else { return false }
        return field.type != .indicators && field.type != .extras
    }
}

/// Describes a decoding failure of a Templates/ file by the key where it happened.
enum TemplateError {
    static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func place(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch decoding {
        case .keyNotFound(let key, let context): return "\(place(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(place(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
