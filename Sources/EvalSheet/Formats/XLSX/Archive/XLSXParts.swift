import Foundation

/// The parts (files) of an XLSX package, from a zip archive or an unzipped folder, read within hard limits.
protocol XLSXParts {
    /// The bytes of the part at `name` (`xl/workbook.xml`), or nil when the package has no such part.
    func read(_ name: String) throws -> Data?
}

/// Limits that keep a hostile package from exhausting memory or time.
enum XLSXLimits {
    /// Largest decompressed part.
    static let maximumPartBytes = 64 << 20
    /// Largest decompression ratio for parts past `ratioCheckedAbove` bytes.
    static let maximumRatio = 1000
    static let ratioCheckedAbove = 1 << 20
    /// Most entries in one archive.
    static let maximumEntries = 10_000
}
