/// The delimiter of a text table, sniffed from its bytes: tab (TSV), comma or semicolon (CSV as Excel saves it).
enum TextDelimiter {
    static let tab = UInt8(ascii: "\t"), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")

    /// The candidate found most often outside quotes in the first 64 KiB; tab when none is, or on a tie.
    static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt8 {
        var tabs = 0, commas = 0, semicolons = 0
        var inQuotes = false
        for byte in bytes.prefix(1 << 16) {
            switch byte {
            case UInt8(ascii: "\""): inQuotes.toggle()
            case tab where !inQuotes: tabs += 1
            case comma where !inQuotes: commas += 1
            case semicolon where !inQuotes: semicolons += 1
            default: break
            }
        }
        if commas > tabs, commas >= semicolons { return comma }
        return semicolons > tabs ? semicolon : tab
    }
}
