/// The value held by one field of the form, typed by what the field holds.
public enum FieldValue: Sendable, Equatable {
    case text(String)
    case decimal(FormDecimal?)
    case integer(Int?)

    /// The value as the TSV export and messages show it.
    public var displayText: String {
        switch self {
        case .text(let text): return text
        case .decimal(let value): return value?.description ?? ""
        case .integer(let value): return value.map(String.init) ?? ""
        }
    }

    /// True when nothing is filled in.
    public var isEmpty: Bool { displayText.isEmpty }

    /// True for a number that is not there: the same as an absent field.
    var isNull: Bool {
        switch self {
        case .text: return false
        case .decimal(let value): return value == nil
        case .integer(let value): return value == nil
        }
    }

    public var text: String? { if case .text(let text) = self { return text } else { return nil } }
    public var decimal: FormDecimal? { if case .decimal(let value) = self { return value } else { return nil } }
    public var integer: Int? { if case .integer(let value) = self { return value } else { return nil } }
}

extension FieldValue {
    /// The empty value of a field written in `format`.
    static func empty(_ format: Layout.ValueFormat) -> FieldValue {
        switch format {
        case .amount, .decimal, .percent: return .decimal(nil)
        case .integer: return .integer(nil)
        default: return .text("")
        }
    }
}
