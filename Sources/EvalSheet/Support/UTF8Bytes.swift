import Foundation

/// Text searched and compared as UTF-8 bytes with memchr and memcmp: labels once normalised, markup always.
enum UTF8Bytes {
    /// Runs `body` over the UTF-8 of `text` where it is stored (native strings are contiguous), else over a copy.
    /// Written out for String as for Substring: going through `text[...]` made a seed read 120K instructions slower
    /// (label comparison calls it for every hash match).
    @inline(__always)
    static func with<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// `with` for part of a string.
    @inline(__always)
    static func with<R>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Where `needle` first starts in `haystack` at or after `start`, or where it last starts; nil when nowhere or
    /// when `needle` is empty. Forwards, memchr skips to each candidate first byte (a byte-by-byte loop cost 29,000
    /// instructions a seed read).
    static func offset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0,
                       last: Bool = false) -> Int? {
        guard !needle.isEmpty, start >= 0, start + needle.count <= haystack.count else { return nil }
        let base = haystack.baseAddress!
        let matches = { (index: Int) in memcmp(base + index, needle.baseAddress!, needle.count) == 0 }
        if last { return stride(from: haystack.count - needle.count, through: start, by: -1).first(where: matches) }
        var index = start
        while index + needle.count <= haystack.count {
            guard let hit = memchr(base + index, Int32(needle[0]), haystack.count - needle.count + 1 - index) else { return nil }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if matches(index) { return index }
            index += 1
        }
        return nil
    }
}
