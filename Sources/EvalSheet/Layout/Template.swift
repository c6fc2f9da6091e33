import Foundation

/// The form's layout as Templates/form.json declares it; drives every reader and writer.
public struct Template: Decodable, Sendable {
    public let schema: String
    public let sheetName: String
    public let font: Font
    public let columns: [ColumnWidth]
    public let level1Label: String
    /// The level-1 and level-2 indicators every form has, for a blank template made from nothing.
    public let indicatorSkeleton: [SkeletonIndicator]
    public let rows: [Row]

    public struct SkeletonIndicator: Decodable, Sendable {
        public let name: String
        public let categories: [String]
    }

    /// An empty form with the standard indicators, one empty item under each level 2.
    public var emptyForm: Form {
        var form = Form()
        form.indicators = indicatorSkeleton.map { indicator in
            Indicator(name: indicator.name, categories: indicator.categories.map { Category(name: $0, items: [Item()]) })
        }
        return form
    }

    /// The template compiled into the library from Templates/form.json.
    public static let standard: Template = {
        do {
            return try JSONDecoder().decode(Template.self, from: Data(EmbeddedTemplates.form.utf8))
        } catch {
            fatalError("Templates/form.json does not describe a form: \(error)")
        }
    }()

    public struct Font: Decodable, Sendable {
        public let name: String
        public let size: Double
    }

    public struct ColumnWidth: Decodable, Sendable {
        public let col: Column
        public let width: Double
    }

    /// What a row of the form is, which decides how it is read and written.
    public enum RowKind: String, Decodable, Sendable {
        /// The form's title line.
        case title
        /// Label/value pairs side by side (the project rows).
        case pairs
        /// A bold section label across the sheet.
        case section
        /// Column labels that the following table rows are read under.
        case header
        /// One row of values, found by its row label, read under the last header.
        case table
        /// The repeating indicator rows, one per level-3 item.
        case items
        /// The closing note.
        case note
    }

    public final class Row: Decodable, Sendable {
        public let kind: RowKind
        public let height: Double?
        public let tsvWidth: Int?
        public let cells: [Cell]

        /// The label that identifies this row when reading: its last label cell.
        var rowLabel: String? { cells.last(where: { $0.label != nil })?.label }
        var labels: [Cell] { cells.filter { $0.label != nil } }
        var fields: [Cell] { cells.filter { $0.field != nil } }
    }

    /// How far a merged label reaches down.
    public enum MergeDown: Decodable, Sendable, Equatable {
        case rows(Int)
        case items, indicator, category

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let count = try? container.decode(Int.self) { self = .rows(count); return }
            switch try container.decode(String.self) {
            case "items": self = .items
            case "indicator": self = .indicator
            case "category": self = .category
            case let other:
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown mergeDown \(other)")
            }
        }
    }

    /// How a field's value is written and parsed.
    public enum ValueFormat: String, Decodable, Sendable {
        case text, integer, amount, decimal, percent, paragraphs, level1
    }

    /// Who fills a field: the system (greyed, locked) or the user.
    public enum Role: String, Decodable, Sendable {
        case system, input, required
        public var isInput: Bool { self != .system }
    }

    public final class Cell: Decodable, Sendable {
        public let col: Column
        public let label: String?
        public let text: String?
        public let field: String?
        public let format: ValueFormat?
        public let role: Role?
        public let mergeTo: Column?
        public let mergeDown: MergeDown?
        public let tsvCol: Column?
        public let style: String?
        public let formula: String?
        public let notAbove: String?

        public var effectiveRole: Role { role ?? .system }
        public var effectiveFormat: ValueFormat { format ?? .text }
    }

    /// A column given by its letters in the template, held as a zero-based index.
    public struct Column: Decodable, Sendable, Hashable, Comparable {
        public let index: Int
        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            let letters = try container.decode(String.self)
            guard let index = CellReference.columnIndex(letters) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a column: \(letters)")
            }
            self.index = index
        }
        public static func < (lhs: Column, rhs: Column) -> Bool { lhs.index < rhs.index }
    }

    /// Every label the template declares, normalised, so a reader can tell a label from a value.
    public let normalizedLabels: Set<String>
    /// The label of each field, worked out once (see `label(forField:)`).
    private let fieldLabels: [String: String]

    private enum CodingKeys: String, CodingKey {
        case schema, sheetName, font, columns, level1Label, indicatorSkeleton, rows
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(String.self, forKey: .schema)
        sheetName = try container.decode(String.self, forKey: .sheetName)
        font = try container.decode(Font.self, forKey: .font)
        columns = try container.decode([ColumnWidth].self, forKey: .columns)
        level1Label = try container.decode(String.self, forKey: .level1Label)
        indicatorSkeleton = try container.decode([SkeletonIndicator].self, forKey: .indicatorSkeleton)
        rows = try container.decode([Row].self, forKey: .rows)
        normalizedLabels = Set(rows.flatMap(\.cells).compactMap(\.label).map(LabelText.normalized))
        fieldLabels = Self.fieldLabels(rows)
    }

    /// The field cell that declares `path`, with the row it sits in.
    public func cell(forField path: String) -> (row: Row, cell: Cell)? {
        for row in rows {
            if let cell = row.cells.first(where: { $0.field == path }) { return (row, cell) }
        }
        return nil
    }

    /// The label shown above or beside a field, as finance staff know it (`全年执行数`, `* 得分`).
    public func label(forField path: String) -> String { fieldLabels[path] ?? path }

    private static func fieldLabels(_ rows: [Row]) -> [String: String] {
        var labels: [String: String] = [:]
        for path in rows.flatMap(\.fields).compactMap(\.field) where labels[path] == nil {
            labels[path] = label(forField: path, in: rows)
        }
        return labels
    }

    private static func label(forField path: String, in rows: [Row]) -> String {
        var header: Row?
        for row in rows {
            if row.kind == .header { header = row }
            guard let cell = row.cells.first(where: { $0.field == path }) else { continue }
            let beside = row.cells.last(where: { $0.label != nil && $0.col < cell.col })?.label
            let above = header?.cells.first(where: { $0.col == cell.col })?.label
            switch row.kind {
            case .pairs: return beside ?? path
            case .items: return above ?? path
            default:
                return [beside, above].compactMap { $0 }.joined(separator: " / ")
            }
        }
        return path
    }
}
