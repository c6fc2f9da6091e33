import Foundation

/// The canonical form's fields as Templates/fields.json declares them: every path once, with its type.
public struct FieldCatalog: Sendable {
    /// What a field holds, which decides how it is parsed, written and checked.
    public enum FieldType: String, CaseIterable, Sendable {
        case text, paragraphs, integer, amount, decimal, percent, unit, indicators, extras

        /// True for the types held as exact decimals.
        public var isDecimal: Bool { self == .amount || self == .decimal || self == .percent }
    }

    /// One field of the form or of an item. A class: the checks and the writers walk the list for every form, and
    /// copying a struct of five strings counted five references each time.
    public final class Field: Sendable {
        /// `funds.total.executed` for form fields; the key (`score`) for item fields.
        public let path: String
        public let type: FieldType
        /// Written in JSON even when null (the fields of version 1).
        public let core: Bool
        public let zh: String
        public let en: String
        /// The last part of the path, the key the field has in its JSON object.
        public let key: String

        init(_ node: TemplateNode) throws {
            let object = try node.object()
            path = try object.optional("path")?.string() ?? object.required("key").string()
            type = try object.required("type").choice(FieldType.self)
            core = try object.optional("core")?.bool() ?? false
            zh = try object.required("zh").string()
            en = try object.required("en").string()
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

    private init(_ node: TemplateNode) throws {
        let object = try node.object()
        schema = try object.required("schema").string()
        reads = try object.required("reads").strings()
        let units = try object.required("moneyUnits").object()
        var moneyUnits: [String: Int] = [:]
        for key in units.keys { moneyUnits[key] = try units.required(key).integer() }
        self.moneyUnits = moneyUnits
        fullMarks = try object.required("fullMarks").integer()
        fields = try object.required("fields").array().map(Field.init)
        itemFields = try object.required("itemFields").array().map(Field.init)
        fieldsByPath = Dictionary(fields.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        itemFieldsByKey = Dictionary(itemFields.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The catalog compiled into the library.
    public static let shared: FieldCatalog = {
        do {
            return try FieldCatalog(TemplateDecoder.root(EmbeddedTemplates.files["fields.json"] ?? ""))
        } catch {
            fatalError("Templates/fields.json: \(error)")
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
