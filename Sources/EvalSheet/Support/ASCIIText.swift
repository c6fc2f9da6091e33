/// Builds short ASCII strings (cell names, field paths) straight into a string's own storage: interpolating integers
/// went through their generic `description` and grew the string piece by piece, thousands of instructions a name.
struct ASCIIText {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    /// The string `build` writes, which must fit in `capacity` bytes; written on the stack first, so a short result
    /// (up to 15 bytes) is stored inline and a long one is allocated once at its size.
    static func make(capacity: Int, _ build: (inout ASCIIText) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var text = ASCIIText(buffer: buffer)
            build(&text)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<text.count]), as: UTF8.self)
        }
    }

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    mutating func append(_ text: StaticString) {
        precondition(count + text.utf8CodeUnitCount <= buffer.count, "ASCIIText capacity")
        for byte in UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) {
            buffer[count] = byte
            count += 1
        }
    }

    /// Any text, byte for byte (the name says what is built, not what may be in it).
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            precondition(count + bytes.count <= buffer.count, "ASCIIText capacity")
            UnsafeMutableBufferPointer(rebasing: buffer[count...]).baseAddress!.update(from: bytes.baseAddress!, count: bytes.count)
            count += bytes.count
        }
    }

    /// An integer in decimal digits (at most 20 bytes).
    mutating func append(_ number: Int) {
        if number < 0 { append("-") }
        var digits = 1, rest = number.magnitude / 10
        while rest > 0 { digits += 1; rest /= 10 }
        precondition(count + digits <= buffer.count, "ASCIIText capacity")
        var value = number.magnitude
        for position in stride(from: count + digits - 1, through: count, by: -1) {
            buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        count += digits
    }

    /// Spreadsheet column letters of a zero-based column (at most 14 bytes): 0 → `A`, 26 → `AA`; none for a negative one.
    mutating func appendColumnLetters(_ column: Int) {
        guard column >= 0 else { return }
        var letters = 1, rest = column / 26
        while rest > 0 { letters += 1; rest = (rest - 1) / 26 }
        precondition(count + letters <= buffer.count, "ASCIIText capacity")
        var value = column
        for position in stride(from: count + letters - 1, through: count, by: -1) {
            buffer[position] = UInt8(ascii: "A") + UInt8(value % 26)
            value = value / 26 - 1
        }
        count += letters
    }
}
