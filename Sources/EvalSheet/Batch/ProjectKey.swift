import Foundation

/// What pairs a filled form with the system's export of it: project code and year, or, for a form without a code,
/// project name, implementing unit and year.
struct ProjectKey: Hashable, Sendable {
    private let parts: [String]

    init(_ form: Form) {
        let year = form.integer("project.year").map(String.init) ?? ""
        if let code = Self.trimmed(form.text("project.code")) {
            parts = ["code", code, year]
        } else {
            parts = ["name", Self.trimmed(form.text("project.name")) ?? "", Self.trimmed(form.text("project.implementingUnit")) ?? "", year]
        }
    }

    /// The project as people name it: `440307… (2023)`, or `党建事务, 某单位 (2023)` without a code.
    var shown: String {
        let year = parts.last!.isEmpty ? "—" : parts.last!
        return parts.dropFirst().dropLast().filter { !$0.isEmpty }.joined(separator: ", ") + " (\(year))"
    }

    private static func trimmed(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
