import Foundation

/// The extension of a path's last component as `NSString.pathExtension` finds it (`a/form.XLSX` → `XLSX`; none for
/// `.hidden`, `a.b/c`, `form.` or `..`), read from its UTF-8: NSString's cost 14,000 instructions a call, six calls a
/// batch file.
enum PathExtension {
    static func of(_ path: String) -> String {
        let utf8 = path.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") { end = utf8.index(before: end) }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != UInt8(ascii: "/") { start = utf8.index(before: start) }
        guard let dot = utf8[start..<end].lastIndex(of: UInt8(ascii: ".")), dot != start else { return "" }
        return String(path[utf8.index(after: dot)..<end])
    }
}
