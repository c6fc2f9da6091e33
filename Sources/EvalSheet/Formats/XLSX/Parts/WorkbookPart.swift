import Foundation

/// The workbook's sheets in order with the part each lives in, and where its shared strings and styles are.
struct WorkbookPart {
    struct Sheet {
        let name: String
        let part: String
        /// `state="hidden"` or `"veryHidden"`: the user does not see this sheet in Excel.
        let hidden: Bool
    }

    var sheets: [Sheet] = []
    var sharedStrings: String?
    var styles: String?

    init(parts: XLSXParts) throws {
        let workbookPath = try Self.officeDocument(parts) ?? "xl/workbook.xml"
        guard let workbook = try parts.read(workbookPath) else {
            throw EvalSheetError(.unreadable, "no \(workbookPath) in the package; not a spreadsheet", zh: "包中没有 \(workbookPath)；不是电子表格")
        }
        let relsPath = PartPath.relationships(of: workbookPath)
        let relations = try RelationshipsPart(try parts.read(relsPath) ?? Data(), part: relsPath, base: workbookPath)
        let listing = SheetListing()
        try XMLEventParser.parse(workbook, part: workbookPath, into: listing)
        sheets = listing.sheets.compactMap { name, id, hidden in relations.targets[id].map { Sheet(name: name, part: $0.target, hidden: hidden) } }
        sharedStrings = relations.targets.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
        styles = relations.targets.values.first { $0.type.hasSuffix("/styles") }?.target
    }

    /// The main document named by `_rels/.rels`, where the package has one.
    private static func officeDocument(_ parts: XLSXParts) throws -> String? {
        guard let data = try parts.read("_rels/.rels") else { return nil }
        let relations = try RelationshipsPart(data, part: "_rels/.rels", base: "")
        return relations.targets.values.first { $0.type.hasSuffix("/officeDocument") }?.target
    }

    private final class SheetListing: XMLEventHandler {
        var sheets: [(name: String, id: String, hidden: Bool)] = []
        func start(_ name: XMLName, attributes: XMLAttributes) {
            if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"] {
                sheets.append((sheetName, id, ["hidden", "veryHidden"].contains(attributes["state"] ?? "visible")))
            }
        }
        func end(_ name: XMLName) {}
    }
}

/// A `.rels` part: relationship id → target part path (resolved against the source part) and type.
struct RelationshipsPart {
    var targets: [String: (target: String, type: String)] = [:]

    init(_ data: Data, part: String, base: String) throws {
        let handler = Handler(base: base)
        if !data.isEmpty { try XMLEventParser.parse(data, part: part, into: handler) }
        targets = handler.targets
    }

    private final class Handler: XMLEventHandler {
        let base: String
        var targets: [String: (target: String, type: String)] = [:]
        init(base: String) { self.base = base }
        func start(_ name: XMLName, attributes: XMLAttributes) {
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
                  attributes["TargetMode"] != "External" else { return }
            targets[id] = (PartPath.resolve(target, from: base), attributes["Type"] ?? "")
        }
        func end(_ name: XMLName) {}
    }
}

/// Part names inside a package: `/xl/worksheets/sheet1.xml`, `worksheets/sheet1.xml` relative to `xl/workbook.xml`;
/// split at the `/` bytes (by Character, resolving a workbook's few targets took 112,000 instructions a read).
enum PartPath {
    static func resolve(_ target: String, from source: String) -> String {
        // the usual relative target (`worksheets/sheet1.xml` from `xl/workbook.xml`) joins without splitting either
        if isPlain(target), source.isEmpty || isPlain(source) {
            guard let slash = source.utf8.lastIndex(of: UInt8(ascii: "/")) else { return target }
            return String(source[..<slash]) + "/" + target
        }
        let folder = target.utf8.first == UInt8(ascii: "/") ? [] : pieces(of: source).dropLast()
        var result: [Substring] = []
        for piece in folder + pieces(of: target) {
            if piece == ".." { _ = result.popLast() } else if piece != "." { result.append(piece) }
        }
        return result.joined(separator: "/")
    }

    static func relationships(of part: String) -> String {
        let pieces = pieces(of: part)
        guard let file = pieces.last else { return "_rels/" + part + ".rels" }
        return (pieces.dropLast() + ["_rels", file + ".rels"]).joined(separator: "/")
    }

    /// True when every name between slashes is a name: none empty (`a//b`, `/a`), none `.` or `..`.
    private static func isPlain(_ path: String) -> Bool {
        var length = 0, onlyDots = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (onlyDots && length <= 2) { return false }
                (length, onlyDots) = (0, true)
            } else {
                length += 1
                if byte != UInt8(ascii: ".") { onlyDots = false }
            }
        }
        return length > 0 && !(onlyDots && length <= 2)
    }

    /// The non-empty names between slashes.
    private static func pieces(of path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }
}
