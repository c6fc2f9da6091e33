import Foundation

/// Every layout compiled into the library from Templates/layouts/, checked once when first used.
public enum Layouts {
    /// The layouts in file order, or the first mistake in a layout file.
    public static let loaded: Result<[Layout], EvalSheetError> = load(EmbeddedTemplates.files)

    /// Loads the layouts of `files` (path under Templates/ → text) on two threads (18M of the 53M instructions a
    /// one-file batch runs); the first mistake in file order is reported. Two, not `Cores.available`: asking
    /// Foundation for the cores waited, at every start, for the command line's own first use of ProcessInfo.
    static func load(_ files: [String: String]) -> Result<[Layout], EvalSheetError> {
        let names = files.keys.filter { $0.hasPrefix("layouts/") }.sorted()
        let loaded = ParallelMap.map(names.count, jobs: 2) { index in
            Result { try Layout.load(file: "Templates/" + names[index], text: files[names[index]]!) }
        }
        return Result {
            try loaded.map { try $0!.get() }
        }.mapError { $0 as? EvalSheetError ?? EvalSheetError(.usage, "\($0)", zh: "\($0)") }
    }

    /// Every layout; throws when a layout file is wrong (the message names the file and key).
    public static func all() throws -> [Layout] { try loaded.get() }

    /// The layout with id `id`, or a usage error listing the ids.
    public static func named(_ id: String) throws -> Layout {
        let layouts = try all()
        guard let layout = layouts.first(where: { $0.id == id }) else {
            throw EvalSheetError(.usage, "unknown layout \"\(id)\"; use one of \(layouts.map(\.id).joined(separator: ", ")) (see evalsheet layouts)", zh: "未知版式\u{201C}\(id)\u{201D}；请使用 \(layouts.map(\.id).joined(separator: ", ")) 之一（见 evalsheet layouts）")
        }
        return layout
    }

    /// The seed's layout, the default for writing and for blank templates.
    public static var standard: Layout {
        get throws { try named(standardID) }
    }

    /// The id of the seed's layout.
    static let standardID = "shenzhen"

    /// The layout `form` was read in, or the standard one when it names none.
    public static func of(_ form: Form) throws -> Layout { try named(form.layout ?? standardID) }
}
