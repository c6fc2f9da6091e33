import Foundation

/// The parts (files) of an XLSX package, from a zip archive or an unzipped folder, read within hard limits.
protocol XLSXParts {
    /// The bytes of the part at `name` (`xl/workbook.xml`), or nil when the package has no such part.
    func read(_ name: String) throws -> Data?
}

/// Limits that keep a hostile package from exhausting memory or time.
enum XLSXLimits {
    /// Largest decompressed part: room for the largest form the writer writes (300,000 rows make about 110 MiB).
    static let maximumPartBytes = 256 << 20
    /// Past this size a part must compress no better than `largePartRatio` to 1, as real sheets do (about 11 to 1).
    static let largePartBytes = 64 << 20
    static let largePartRatio = 50
    /// Most bytes inflated from one file in all, bounding the work a package of many parts can ask for.
    static let maximumTotalBytes = 512 << 20
    /// Largest decompression ratio for parts past `ratioCheckedAbove` bytes.
    static let maximumRatio = 1000
    static let ratioCheckedAbove = 1 << 20
    /// Most entries in one archive.
    static let maximumEntries = 10_000
}

/// Any package's parts, counted: once they add up past `limit` (`XLSXLimits.maximumTotalBytes`), the file is
/// refused, bounding the work one file can ask for however many parts it has.
final class BoundedParts: XLSXParts {
    private let parts: XLSXParts
    private let limit: Int
    private var total = 0

    init(_ parts: XLSXParts, limit: Int = XLSXLimits.maximumTotalBytes) {
        self.parts = parts
        self.limit = limit
    }

    func read(_ name: String) throws -> Data? {
        let data = try parts.read(name)
        total += data?.count ?? 0
        guard total <= limit else {
            throw EvalSheetError(.unreadable, "the parts inflate past \(limit >> 20) MiB in all; refused, not a form", zh: "各部件解压后合计超过 \(limit >> 20) MiB；已拒绝，不是表")
        }
        return data
    }
}
