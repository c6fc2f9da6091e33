/// The delimiter of a text table, sniffed from its bytes: tab (TSV), comma or semicolon (CSV as Excel saves it).
enum TextDelimiter {
    static let tab = UInt8(ascii: "\t"), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")

    /// The candidate found most often outside quotes in the first 64 KiB; tab when none is, or on a tie.
    static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt8 {
        var counts: [UInt8: Int] = [tab: 0, comma: 0, semicolon: 0]
        var inQuotes = false
        for byte in bytes.prefix(1 << 16) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() } else if !inQuotes, counts[byte] != nil { counts[byte]! += 1 }
        }
        return [comma, semicolon].reduce(tab) { best, candidate in counts[candidate]! > counts[best]! ? candidate : best }
    }
}
