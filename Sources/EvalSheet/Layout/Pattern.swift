/// A label or text with fields in braces, `项目支出绩效自评表（{project.year}年度）`: written by filling the fields in,
/// read by matching the literal parts (as labels match: widths, spaces and colons ignored) and taking what lies between.
public struct Pattern: Sendable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case field(String)
    }

    /// The text as the layout file writes it.
    public let raw: String
    let parts: [Part]
    /// Normalised literal parts, as labels compare.
    private let normalizedParts: [Part]

    public init(_ raw: String) {
        self.raw = raw
        let parts = Self.parts(of: raw)
        self.parts = parts
        fields = Self.fields(of: parts)
        normalizedParts = parts.map { part in
            if case .literal(let text) = part { return .literal(LabelText.normalized(text)) }
            return part
        }
    }

    /// The literal parts and the fields in braces of `raw`, in order; the braces are found among the UTF-8 bytes,
    /// where a search by Character took 6M instructions of every start-up.
    private static func parts(of raw: String) -> [Part] {
        var parts: [Part] = []
        let bytes = raw.utf8
        var rest = bytes.startIndex
        while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "{")), let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) {
            if open > rest { parts.append(.literal(String(raw[rest..<open]))) }
            parts.append(.field(String(raw[bytes.index(after: open)..<close])))
            rest = bytes.index(after: close)
        }
        if rest < bytes.endIndex { parts.append(.literal(String(raw[rest...]))) }
        return parts
    }

    /// The fields named in braces.
    public let fields: [String]

    /// The fields named in braces in `text`, found without making the pattern (whose literal parts are normalised).
    static func fields(in text: String) -> [String] { fields(of: parts(of: text)) }

    private static func fields(of parts: [Part]) -> [String] {
        parts.compactMap { if case .field(let path) = $0 { path } else { nil } }
    }

    /// The normalised label when the pattern holds no field.
    var plainLabel: String? {
        guard normalizedParts.count == 1, case .literal(let text) = normalizedParts[0] else { return nil }
        return text
    }


    /// The text with each field filled in; nil when a field has no value.
    func render(_ value: (String) -> String?) -> String? {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .field(let path):
                guard let filled = value(path), !filled.isEmpty else { return nil }
                text += filled
            }
        }
        return text
    }

    /// The text of each field when `normalizedCell` (a cell as `LabelText.normalized` gives it) has this shape.
    func match(_ normalizedCell: String) -> [String: String]? {
        guard !fields.isEmpty else { return nil }
        var captures: [String: String] = [:]
        var position = normalizedCell.startIndex
        var pending: String?
        for (index, part) in normalizedParts.enumerated() {
            switch part {
            case .field(let path):
                pending = path
            case .literal(let literal):
                let isLast = index == normalizedParts.count - 1
                let rest = normalizedCell[position...]
                guard let found = LabelText.range(of: literal, in: rest, last: isLast) else { return nil }
                if isLast, found.upperBound != normalizedCell.endIndex { return nil }
                if let path = pending {
                    guard let text = Self.capture(rest[..<found.lowerBound]) else { return nil }
                    captures[path] = text
                    pending = nil
                } else if found.lowerBound != position {
                    return nil
                }
                position = found.upperBound
            }
        }
        if let path = pending {
            guard let text = Self.capture(normalizedCell[position...]) else { return nil }
            captures[path] = text
        }
        return captures
    }

    private static func capture(_ text: Substring) -> String? {
        let trimmed = text.drop { $0 == ":" }.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }
}
