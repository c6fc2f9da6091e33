import Foundation

/// One layout of the form as a file of Templates/layouts/ declares it: its rows, labels (with synonyms), fields and
/// formulas. It drives reading, writing, the field list of the checks and the formulas, so a layout is data.
/// A class: every read passes layouts around (detection scores each one), and a copy of the struct counted a
/// reference for each of its twenty-odd arrays and strings. Unchecked Sendable: `load` fills in the derived
/// properties before the layout is shared, and nothing changes it after, but for those worked out on first use,
/// which `OnceValue` makes once behind its lock.
public final class Layout: @unchecked Sendable {
    /// The id used by `--layout` and the JSON's `layout` key.
    public let id: String
    public let title: String
    /// Where and when the layout is used, one line.
    public let usedIn: String
    /// The money unit the layout prints amounts in (元 or 万元).
    public let moneyUnit: String
    public let sheetName: String
    public let font: Font
    public let columns: [ColumnWidth]
    /// How a level-1 label is printed, `{name} ({weight}分)`; parsing accepts the name alone.
    public let level1Label: String
    /// How a level-2 label is printed, `{name}` or `{name}({weight}分)`.
    public let categoryLabel: String
    /// The level-1 and level-2 indicators every form has, for a blank template made from nothing.
    public let indicatorSkeleton: [SkeletonIndicator]
    /// Every indicator row is an item, even with its cells blank (a system export); otherwise a blank row under a
    /// level-2 label is a level 2 without items, and template placeholders (`指标1`, `……`) are skipped.
    public let keepsBlankItems: Bool
    /// The funds weight counts towards the full marks with the level-1 weights (it does not in 衔接资金 forms,
    /// whose 总分 covers the indicators alone).
    public let fundsInFullMarks: Bool
    public let rows: [Row]
    /// The Templates/ file it came from, for messages.
    public private(set) var file = ""

    /// Every label the layout declares (with synonyms), normalised, so a reader can tell a label from a value.
    public private(set) var normalizedLabels: Set<String> = []
    /// Each label cell's printed label with its wordings, normalised, for detecting the layout.
    private(set) var detectionLabels: [(label: String, wordings: [String])] = []
    /// The label of each field, worked out on first use (see `label(forField:)`).
    private var fieldLabels: [String: String] { fieldLabelsOnce.value { Self.fieldLabels(rows) } }
    private let fieldLabelsOnce = OnceValue<[String: String]>()
    /// What `Form.fields` lists for each row, worked out on first use.
    var fieldPlan: [FieldPlan] { fieldPlanOnce.value { FieldPlan.rows(of: self) } }
    private let fieldPlanOnce = OnceValue<[FieldPlan]>()
    private var fieldCells: [String: Cell] = [:]
    /// The computed fields' cells (a field and a formula), in the layout's order, the order they are worked out in.
    private(set) var formulaCells: [Cell] = []
    /// Those of them that depend on what the user fills in (see `Form.inputDependentCells`), worked out on first use.
    var inputDependentCells: [Cell] { inputDependentCellsOnce.value { Form.inputDependentCells(self) } }
    private let inputDependentCellsOnce = OnceValue<[Cell]>()
    /// `level1Label` and `categoryLabel` taken apart once, for reading and writing the labels.
    let level1Format: LevelLabel, categoryFormat: LevelLabel

    public struct SkeletonIndicator: Sendable {
        public let name: String
        public let categories: [String]

        init(_ node: TemplateNode) throws {
            let object = try node.object()
            name = try object.required("name").string()
            categories = try object.required("categories").strings()
        }
    }

    public struct Font: Sendable {
        public let name: String
        public let size: Double

        init(_ node: TemplateNode) throws {
            let object = try node.object()
            name = try object.required("name").string()
            size = try object.required("size").number()
        }
    }

    public struct ColumnWidth: Sendable {
        public let col: Column
        public let width: Double

        init(_ node: TemplateNode) throws {
            let object = try node.object()
            col = try Column(object.required("col"))
            width = try object.required("width").number()
        }
    }

    /// What a row of the form is, which decides how it is read and written.
    public enum RowKind: String, CaseIterable, Sendable {
        /// The form's title line (may carry the year).
        case title
        /// Label/value pairs side by side: each value is the next filled cell right of its label.
        case pairs
        /// A bold section label across the sheet.
        case section
        /// Column labels that the following table rows and items are read under.
        case header
        /// One row of values under the last header, found by its row label (or, without one, the next row).
        case table
        /// The repeating indicator rows, one per level-3 item.
        case items
        /// The closing note.
        case note
    }

    public final class Row: Sendable {
        public let kind: RowKind
        public let height: Double?
        public let tsvWidth: Int?
        public let cells: [Cell]
        /// The cells with a label, and those with a field, picked out once: every read asks for them.
        let labels: [Cell], fields: [Cell]

        /// The label that identifies this row when reading: its last label cell.
        var rowLabel: Cell? { labels.last }

        init(_ node: TemplateNode) throws {
            let object = try node.object()
            kind = try object.required("kind").choice(RowKind.self)
            height = try object.optional("height")?.number()
            tsvWidth = try object.optional("tsvWidth")?.integer()
            cells = try object.required("cells").array().map(Cell.init)
            labels = cells.filter { $0.label != nil }
            fields = cells.filter { $0.field != nil }
        }
    }

    /// How far a merged label reaches down.
    public enum MergeDown: Sendable, Equatable {
        case rows(Int)
        case items, indicator, category

        init(_ node: TemplateNode) throws {
            if let count = try? node.integer() { self = .rows(count); return }
            switch try node.string() {
            case "items": self = .items
            case "indicator": self = .indicator
            case "category": self = .category
            case let other: throw node.mistake("unknown mergeDown \(other)")
            }
        }
    }

    /// How a field's value is written and parsed.
    public enum ValueFormat: String, CaseIterable, Sendable {
        case text, integer, amount, decimal, percent, paragraphs, level1, unit
    }

    /// Who fills a field: the system (greyed, locked) or the user.
    public enum Role: String, CaseIterable, Sendable {
        case system, input, required
        public var isInput: Bool { self != .system }
    }

    public final class Cell: Sendable {
        public let col: Column
        /// A label printed in the cell; `synonyms` are other wordings real files use. A label may hold fields in
        /// braces, as a pattern does (`总分({totalWeight}分)`).
        public let label: String?
        public let synonyms: [String]
        /// A fixed text such as `—`; for a pattern, what is written when its fields are empty.
        public let text: String?
        /// A text with fields in braces, `项目资金（{funds.unit}）`, written with the values and read back from them.
        public let pattern: Pattern?
        public let field: String?
        public let format: ValueFormat?
        public let role: Role?
        public let mergeTo: Column?
        public let mergeDown: MergeDown?
        public let tsvCol: Column?
        public let style: String?
        /// An Excel formula over `{field}` references; the same formula checks the value in decimals.
        public var formula: String? { parsedFormula?.text }
        /// The formula, parsed once when the layout loads, for the checks and the recomputed totals.
        let parsedFormula: Formula?
        /// The finding code when the value disagrees with its formula.
        public let rule: String?
        public let notAbove: String?
        /// For `project.name`: the field that a `CODE-name` cell's code goes to.
        public let codeField: String?
        /// Label and synonyms, each as a pattern (plain labels are patterns without fields).
        public let alternatives: [Pattern]
        /// The alternatives without fields, normalised, and those with fields: worked out once for the readers.
        let plainLabels: [String], labelPatterns: [Pattern]
        /// `LabelHash.of` each plain label.
        let plainLabelHashes: [Int]
        /// Those hashes summarised, to rule out a row at a glance.
        let plainLabelMask: LabelHashMask
        /// The fields this cell places: its field (and the code written in front of it), or those of its pattern or label.
        let placedFields: [String]

        public var effectiveRole: Role { role ?? .system }
        /// The format the cell is written and read in: its own, else its field's type (worked out once).
        public let effectiveFormat: ValueFormat
        /// For an item field (`item.score`), its key (`score`).
        let itemKey: String?

        /// The keys a cell may have.
        private static let keys: Set<String> = [
            "col", "label", "synonyms", "text", "pattern", "field", "format", "role", "mergeTo", "mergeDown", "tsvCol", "style",
            "formula", "rule", "notAbove", "codeField",
        ]

        init(_ node: TemplateNode) throws {
            let object = try node.object(known: Self.keys)
            col = try Column(object.required("col"))
            label = try object.optional("label")?.string()
            synonyms = try object.optional("synonyms")?.strings() ?? []
            text = try object.optional("text")?.string()
            pattern = try object.optional("pattern").map { Pattern(try $0.string()) }
            field = try object.optional("field")?.string()
            format = try object.optional("format")?.choice(ValueFormat.self)
            role = try object.optional("role")?.choice(Role.self)
            mergeTo = try object.optional("mergeTo").map(Column.init)
            mergeDown = try object.optional("mergeDown").map(MergeDown.init)
            tsvCol = try object.optional("tsvCol").map(Column.init)
            style = try object.optional("style")?.string()
            parsedFormula = try object.optional("formula").map { Formula(text: try $0.string()) }
            rule = try object.optional("rule")?.string()
            notAbove = try object.optional("notAbove")?.string()
            codeField = try object.optional("codeField")?.string()
            effectiveFormat = format ?? Cell.format(ofField: field)
            itemKey = field.flatMap { $0.hasPrefix("item.") ? String($0.dropFirst(5)) : nil }
            if let label, label.trimmed.isEmpty { throw object.optional("label")!.mistake("empty label") }
            alternatives = ((label.map { [$0] } ?? []) + synonyms).map(Pattern.init) + (pattern.map { [$0] } ?? [])
            plainLabels = alternatives.compactMap(\.plainLabel)
            labelPatterns = alternatives.filter { !$0.fields.isEmpty }
            plainLabelHashes = plainLabels.map { LabelHash.of($0).whole }
            plainLabelMask = LabelHashMask(plainLabelHashes)
            if let field {
                placedFields = (codeField.map { [$0] } ?? []) + [field]
            } else {
                placedFields = pattern?.fields ?? (label == nil ? [] : alternatives[0].fields)
            }
        }

        /// The format a field is written in, from its type in Templates/fields.json.
        static func format(ofField path: String?) -> ValueFormat {
            guard let path else { return .text }
            switch path {
            case "indicator.name": return .level1
            case "category.name", "extras": return .text
            case "indicator.weight", "category.weight": return .decimal
            default: break
            }
            switch FieldCatalog.shared.field(path)?.type {
            case .paragraphs: return .paragraphs
            case .integer: return .integer
            case .amount: return .amount
            case .decimal: return .decimal
            case .percent: return .percent
            case .unit: return .unit
            default: return .text
            }
        }
    }

    /// A column given by its letters in the layout, held as a zero-based index.
    public struct Column: Sendable, Hashable, Comparable {
        public let index: Int
        init(_ node: TemplateNode) throws {
            let letters = try node.string()
            guard let index = CellReference.columnIndex(letters) else { throw node.mistake("not a column: \(letters)") }
            self.index = index
        }
        public static func < (lhs: Column, rhs: Column) -> Bool { lhs.index < rhs.index }
    }

    /// The keys a layout file may have.
    private static let keys: Set<String> = [
        "id", "title", "usedIn", "moneyUnit", "sheetName", "font", "columns", "level1Label", "categoryLabel", "indicatorSkeleton",
        "keepsBlankItems", "fundsInFullMarks", "rows",
    ]

    private init(_ node: TemplateNode) throws {
        let object = try node.object(known: Self.keys)
        id = try object.required("id").string()
        title = try object.required("title").string()
        usedIn = try object.required("usedIn").string()
        moneyUnit = try object.required("moneyUnit").string()
        sheetName = try object.required("sheetName").string()
        font = try Font(object.required("font"))
        columns = try object.required("columns").array().map(ColumnWidth.init)
        level1Label = try object.required("level1Label").string()
        categoryLabel = try object.optional("categoryLabel")?.string() ?? "{name}"
        level1Format = LevelLabel(level1Label)
        categoryFormat = LevelLabel(categoryLabel)
        indicatorSkeleton = try object.required("indicatorSkeleton").array().map(SkeletonIndicator.init)
        keepsBlankItems = try object.optional("keepsBlankItems")?.bool() ?? false
        fundsInFullMarks = try object.optional("fundsInFullMarks")?.bool() ?? true
        rows = try object.required("rows").array().map(Row.init)
    }

    /// Reads and checks one layout file; every mistake names the file and the key.
    static func load(file: String, text: String) throws -> Layout {
        let layout: Layout
        do {
            layout = try Layout(TemplateDecoder.root(text))
        } catch {
            throw EvalSheetError(.usage, "\(file): \(error); fix the layout file", zh: "\(file)：\(error)；请修正版式文件")
        }
        layout.file = file
        try LayoutCheck(layout: layout).run()
        layout.normalizedLabels = Set(layout.rows.flatMap(\.cells).flatMap(\.alternatives).compactMap(\.plainLabel))
        layout.detectionLabels = layout.rows.flatMap(\.labels).map { cell in
            (cell.label ?? "", cell.plainLabels)
        }
        layout.formulaCells = layout.rows.flatMap(\.cells).filter { $0.field != nil && $0.formula != nil }
        for row in layout.rows {
            for cell in row.cells {
                for path in cell.placedFields where layout.fieldCells[path] == nil { layout.fieldCells[path] = cell }
            }
        }
        return layout
    }

    /// An empty form with the standard indicators, one empty item under each level 2.
    public var emptyForm: Form {
        var form = Form()
        form.indicators = indicatorSkeleton.map { indicator in
            Indicator(name: indicator.name, categories: indicator.categories.map { Category(name: $0, items: [Item()]) })
        }
        return form
    }

    /// How many fields the layout places (item fields counted once), what a form read in it holds about.
    var placedFieldCount: Int { fieldCells.count }

    /// The cell that places `path` (`funds.weight`, `item.score`), if this layout has one.
    public func cell(forField path: String) -> Cell? { fieldCells[path] }

    /// True when the layout has a cell for `path`.
    public func has(_ path: String) -> Bool { fieldCells[path] != nil }

    /// The label shown above or beside a field, as finance staff know it (`全年执行数`, `* 得分`).
    public func label(forField path: String) -> String { fieldLabels[path] ?? path }


    private static func fieldLabels(_ rows: [Row]) -> [String: String] {
        var labels: [String: String] = [:]
        var header: Row?
        for row in rows {
            if row.kind == .header { header = row }
            for cell in row.cells {
                guard let path = cell.field ?? cell.pattern?.fields.first, labels[path] == nil else { continue }
                let beside = row.cells.last(where: { $0.label != nil && $0.col < cell.col })?.label
                let above = header?.cells.first(where: { $0.label != nil && $0.col <= cell.col && cell.col <= ($0.mergeTo ?? $0.col) })?.label
                let own = FieldCatalog.shared.field(path)?.zh
                switch row.kind {
                case .pairs: labels[path] = beside ?? own ?? path
                case .items: labels[path] = above ?? own ?? path
                case .title, .section, .note: labels[path] = own ?? path
                case .header, .table:
                    let parts = [beside, above].compactMap { $0 }
                    labels[path] = parts.isEmpty ? own ?? path : parts.joined(separator: " / ")
                }
            }
        }
        return labels
    }
}

extension Layout.Cell {
    /// The pattern the cell is written from, when its pattern or label holds fields.
    var writtenPattern: Pattern? {
        if let pattern { return pattern }
        guard let label, label.contains("{") else { return nil }
        return alternatives[0]  // the label's own, parsed at load
    }
}
