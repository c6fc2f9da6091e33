import Foundation

/// The cells of a grid as labels compare, normalised once when first asked for, and shared by layout detection and
/// every layout tried on the grid. Each cell also carries a hash of its bytes (and of the `label` of `label:value`),
/// so a search for a label compares integers before it compares text.
final class LabelCells {
    /// One row's cells as labels compare; a class, so handing a row to each label search costs one reference count,
    /// not one for each of its arrays.
    final class Row {
        /// Normalised texts (`""` for cells too long to be a label).
        let texts: [String]
        /// `LabelHash.of` each text: the whole text's hash, and that of the part before the first `:` for cells
        /// holding `label:value` (0 otherwise). One array, so a row costs one allocation for them.
        let hashes: [(whole: Int, prefix: Int)]
        /// All of `hashes` in one summary, so most label searches are answered without touching the row's arrays.
        let mask: LabelHashMask

        init(texts: [String], hashes: [(whole: Int, prefix: Int)]) {
            self.texts = texts
            self.hashes = hashes
            var mask = LabelHashMask()
            for (whole, prefix) in hashes {
                mask.insert(whole)
                if prefix != 0 { mask.insert(prefix) }
            }
            self.mask = mask
        }
    }

    /// The grid's rows that hold anything.
    let rows: [Grid.Row]
    /// Filled in as rows are asked for; unchecked for exclusive access, as `row` is its only user and never nests.
    @exclusivity(unchecked) private var normalized: [Row?]
    /// Longest cell that can be a label; longer cells are values and are never normalised.
    static let maximumLabelLength = 40

    init(_ grid: Grid) {
        rows = grid.rows.filter { !$0.isBlank }
        normalized = Array(repeating: nil, count: rows.count)
    }

    /// True when the text has at most `maximumLabelLength` characters; its UTF-8 length (1 to 4 bytes a
    /// scalar) decides without counting characters in all but a few cases, and then its scalars (a character holds
    /// one or more) mostly do: counting characters took 6,200 instructions a cell of 40 CJK characters.
    private static func isShort(_ text: String) -> Bool {
        let bytes = text.utf8.count
        if bytes <= maximumLabelLength { return true }
        if bytes > 4 * maximumLabelLength { return false }
        return text.unicodeScalars.count <= maximumLabelLength || text.count <= maximumLabelLength
    }

    /// The row's cells as comparable labels.
    func row(_ index: Int) -> Row {
        if let cached = normalized[index] { return cached }
        let texts = rows[index].cells.map { Self.isShort($0) ? LabelText.normalized($0) : "" }
        let row = Row(texts: texts, hashes: texts.map(LabelHash.of))
        normalized[index] = row
        return row
    }
}

/// A set of label hashes summarised in 128 bits, one for each hash's top seven bits: when two summaries share no bit,
/// no hash of one is in the other.
struct LabelHashMask {
    private var low: UInt64 = 0, high: UInt64 = 0

    init() {}

    init(_ hashes: [Int]) { for hash in hashes { insert(hash) } }

    mutating func insert(_ hash: Int) {
        let bit = UInt64(bitPattern: Int64(hash)) >> 57
        if bit < 64 { low |= 1 << bit } else { high |= 1 << (bit - 64) }
    }

    func intersects(_ other: LabelHashMask) -> Bool { low & other.low != 0 || high & other.high != 0 }
}

/// FNV-1a over a label's UTF-8 bytes: cheap to compute, and labels compare as bytes once normalised.
enum LabelHash {
    private static let offset = -3_750_763_034_362_895_579, prime = 1_099_511_628_211

    /// True when `text` starts with `prefix`, byte for byte (both normalised); `whole` asks for the whole text.
    static func bytes(of text: String, startWith prefix: String, whole: Bool) -> Bool {
        let (textCount, prefixCount) = (text.utf8.count, prefix.utf8.count)
        guard whole ? textCount == prefixCount : textCount >= prefixCount else { return false }
        return prefixCount == 0 || UTF8Bytes.with(text) { t in UTF8Bytes.with(prefix) { p in memcmp(t.baseAddress!, p.baseAddress!, p.count) == 0 } }
    }

    /// The hash of the whole text, and of the part before its first `:` (0 when it has none).
    static func of(_ text: String) -> (whole: Int, prefix: Int) {
        UTF8Bytes.with(text) { bytes in
            var hash = offset
            var prefix = 0
            for byte in bytes {
                if byte == UInt8(ascii: ":"), prefix == 0 { prefix = hash }
                hash = (hash ^ Int(byte)) &* prime
            }
            return (hash, prefix)
        }
    }
}
