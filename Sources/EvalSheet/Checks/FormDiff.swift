/// One field that differs between two forms.
public struct FieldDifference: Sendable, Equatable {
    public let path: String
    public let label: String
    /// The value in the first form, nil when it has no such field.
    public let a: String?
    public let b: String?
}

extension Form {
    /// Field-by-field differences from `other`, decimals compared by value (`10` equals `10.00`).
    public func differences(from other: Form) -> [FieldDifference] {
        guard let layout = ownLayout else { return [] }
        let mine = fields(layout: layout)
        let theirs = other.fields(layout: layout)
        let theirsByPath = Dictionary(theirs.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let minePaths = Set(mine.map(\.path))
        var result: [FieldDifference] = []
        for field in mine {
            let counterpart = theirsByPath[field.path]
            if counterpart?.value != field.value {
                result.append(FieldDifference(path: field.path, label: field.label, a: field.value.displayText, b: counterpart?.value.displayText))
            }
        }
        for field in theirs where !minePaths.contains(field.path) {
            result.append(FieldDifference(path: field.path, label: field.label, a: nil, b: field.value.displayText))
        }
        return result
    }
}
