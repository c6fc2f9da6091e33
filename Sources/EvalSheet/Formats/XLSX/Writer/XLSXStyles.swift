import CXlsxWriter

/// The cell formats of the template: greyed and locked for labels and system fields, white and open for input, thin
/// borders on every cell below the title, texts set one indent off the border they align to.
struct XLSXStyles {
    /// Fill that marks a greyed system cell.
    static let systemFill: lxw_color_t = 0xD9D9D9

    private let workbook: XLSXWorkbook
    private let font: Layout.Font
    /// Amounts to the cent in the layout's money unit: `#,##0.00` in 元, `#,##0.00####` in 万元.
    private let amountFormat: String
    private var cache: [Look: UnsafeMutablePointer<lxw_format>] = [:]

    /// What makes two cells look different.
    private struct Look: Hashable {
        let isInput: Bool
        let style: String?
        let format: Layout.ValueFormat?
        let isLabel: Bool
        let isBordered: Bool
        let mark: Finding.Severity?
    }

    init(workbook: XLSXWorkbook, layout: Layout) {
        self.workbook = workbook
        self.font = layout.font
        let extraPlaces = String(FieldCatalog.shared.moneyUnits[layout.moneyUnit] ?? 1).count - 1
        amountFormat = "#,##0.00" + String(repeating: "#", count: extraPlaces)
    }

    /// The format for a laid-out cell, made once per distinct look; cells of title rows have no border, and a cell
    /// `marked` by a finding is filled red or amber.
    mutating func format(for cell: SheetLayout.Cell, bordered: Bool, marked: Finding.Severity? = nil) -> UnsafeMutablePointer<lxw_format> {
        let role: Layout.Role = cell.path == nil ? .system : cell.source.effectiveRole
        return format(for: Look(isInput: role.isInput, style: cell.source.style, format: cell.format, isLabel: cell.path == nil,
                                isBordered: bordered && cell.source.style != "title", mark: marked))
    }

    /// The format of a cell of the form that nothing fills: greyed and bordered, like an empty label.
    mutating func gapFormat() -> UnsafeMutablePointer<lxw_format> {
        format(for: Look(isInput: false, style: nil, format: nil, isLabel: true, isBordered: true, mark: nil))
    }

    private mutating func format(for key: Look) -> UnsafeMutablePointer<lxw_format> {
        if let format = cache[key] { return format }
        let numberFormat = numberFormat(for: key.format)
        let format = workbook.addFormat()
        format_set_font_name(format, font.name)
        format_set_font_size(format, font.size)
        format_set_text_wrap(format)
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        if key.isBordered { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        switch key.style {
        case "title":
            format_set_bold(format)
            format_set_font_size(format, font.size + 6)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case "section":
            format_set_bold(format)
            format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
            format_set_indent(format, 1)
        default:
            switch key.format {
            case _ where key.isLabel, .level1:
                format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            case .amount, .decimal, .integer, .percent:
                format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
                format_set_indent(format, 1)
            default:
                format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
                format_set_indent(format, 1)
            }
        }
        if key.isInput {
            format_set_unlocked(format)
        } else if key.style != "title" {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, Self.systemFill)
        }
        if let marked = key.mark {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, marked == .error ? XLSXAnnotations.errorFill : XLSXAnnotations.warningFill)
        }
        if !numberFormat.isEmpty { format_set_num_format(format, numberFormat) }
        cache[key] = format
        return format
    }

    /// Number format shown for a field: amounts with separators, text kept as text.
    func numberFormat(for format: Layout.ValueFormat?) -> String {
        switch format {
        case .amount: return amountFormat
        case .percent: return "0.00"
        case .decimal, .integer: return "General"
        case .text, .paragraphs, .level1, .unit: return "@"
        case nil: return ""
        }
    }
}
