import Foundation

/// A part in the plain XML that nearly every spreadsheet part is — an optional UTF-8 declaration, elements with ASCII
/// names, attributes, text, the five predefined entities and character references — checked as strictly as expat
/// checks it, in about a third of expat's instructions. Anything else (a DTD, a comment, CDATA, a processing
/// instruction, a non-ASCII name, nesting past the limit, more than `mostAttributes` attributes on an element, a part
/// over `largestPart`) or anything not well-formed makes `read`
/// return nil, and the part goes to expat, which reads or refuses it as before; so a part read here gives the events
/// expat would give.
final class PlainXML {
    /// The part, copied, with names and attribute values ended by NULs and entities decoded, in place.
    private let bytes: UnsafeMutablePointer<UInt8>
    private let events: [PlainEvent]
    /// Each start's attributes as name, value, …, nil: pointers into `bytes`, as expat hands them over.
    private var attributes: [UnsafePointer<CChar>?]

    private init(bytes: UnsafeMutablePointer<UInt8>, events: [PlainEvent], attributes: [UnsafePointer<CChar>?]) {
        self.bytes = bytes
        self.events = events
        self.attributes = attributes
    }

    deinit { bytes.deallocate() }

    /// Bytes past the part's end, all NUL, so that no look-ahead (`]]>`, `standalone`) can read past the copy.
    private static let padding = 16

    /// Largest part read here; a larger one goes to expat, which streams it, where this reader holds the part and its
    /// events (about three times a sheet's size) until the handler has them: 8 MiB is a sheet of some 25,000 rows.
    static let largestPart = 8 << 20

    /// Most attributes an element may have here (the fixtures' most is 16).
    static let mostAttributes = 64

    /// `data` read, or nil when it is not plain well-formed XML (or an element nests deeper than `maximumDepth`).
    static func read(_ data: Data, maximumDepth: Int) -> PlainXML? {
        let count = data.count
        guard count > 0, count <= largestPart else { return nil }
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: count + padding)
        data.copyBytes(to: bytes, count: count)
        (bytes + count).initialize(repeating: 0, count: padding)
        var scanner = Scanner(bytes: bytes, count: count, maximumDepth: maximumDepth)
        guard scanner.document() else {
            bytes.deallocate()
            return nil
        }
        return PlainXML(bytes: bytes, events: scanner.events, attributes: scanner.attributes)
    }

    /// Hands the events to `handler` as expat would; `tick` is called every 1,024 elements and stops the replay by
    /// throwing.
    func replay(into handler: XMLEventHandler, tick: () throws -> Void) rethrows {
        let raw = UnsafeRawPointer(bytes)
        var elements = 0
        try attributes.withUnsafeMutableBufferPointer { attributes in
            for event in events {
                let at = raw + Int(event.offset)
                switch event.kind {
                case .start:
                    elements += 1
                    if elements & 0x3FF == 0 { try tick() }
                    let list = event.extra < 0 ? nil : attributes.baseAddress! + Int(event.extra)
                    handler.start(XMLName(at.assumingMemoryBound(to: CChar.self)), attributes: XMLAttributes(pointer: list))
                case .end:
                    handler.end(XMLName(at.assumingMemoryBound(to: CChar.self)))
                case .text:
                    handler.text(UnsafeBufferPointer(start: at.assumingMemoryBound(to: UInt8.self), count: Int(event.extra)))
                }
            }
        }
    }
}

/// One event of a plain part, in document order; offsets are into its copy.
private struct PlainEvent {
    enum Kind: UInt8 { case start, end, text }
    let kind: Kind
    /// The element's name (start, end), or the text's first byte.
    let offset: Int32
    /// The start's first attribute in `attributes` (-1 when it has none), or the text's length.
    let extra: Int32
}

/// The checks, one byte at a time over the NUL-ended copy; every function returns false at the first thing expat
/// would refuse or this reader leaves to expat.
private struct Scanner {
    let bytes: UnsafeMutablePointer<UInt8>
    let count: Int
    let maximumDepth: Int
    var at = 0
    /// The open elements' names, as offset and length.
    var open: [(offset: Int, length: Int)] = []
    var events: [PlainEvent] = []
    var attributes: [UnsafePointer<CChar>?] = []

    init(bytes: UnsafeMutablePointer<UInt8>, count: Int, maximumDepth: Int) {
        self.bytes = bytes
        self.count = count
        self.maximumDepth = maximumDepth
        events.reserveCapacity(count / 12)
        attributes.reserveCapacity(count / 12)
    }

    /// BOM, declaration, white space, the root element and its content, white space, end.
    mutating func document() -> Bool {
        if bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { at = 3 }
        if matches("<?xml"), !declaration() { return false }
        skipSpace()
        guard bytes[at] == UInt8(ascii: "<"), isNameStart(bytes[at + 1]), element() else { return false }
        while !open.isEmpty {
            if bytes[at] == UInt8(ascii: "<") {
                if bytes[at + 1] == UInt8(ascii: "/") {
                    guard endTag() else { return false }
                } else {
                    guard isNameStart(bytes[at + 1]), element() else { return false }
                }
            } else {
                guard text() else { return false }
            }
        }
        skipSpace()
        return at == count
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, encoding and standalone optional, in that order.
    mutating func declaration() -> Bool {
        at += 5
        guard skipSpace(), pseudoAttribute("version"), value(of: ["1.0"]) else { return false }
        var spaced = skipSpace()
        if spaced, matches("encoding") {
            guard pseudoAttribute("encoding"), value(of: ["UTF-8", "utf-8"]) else { return false }
            spaced = skipSpace()
        }
        if spaced, matches("standalone") {
            guard pseudoAttribute("standalone"), value(of: ["yes", "no"]) else { return false }
            skipSpace()
        }
        guard matches("?>") else { return false }
        at += 2
        return true
    }

    /// `name` then `=` with optional white space around it.
    mutating func pseudoAttribute(_ name: StaticString) -> Bool {
        guard matches(name) else { return false }
        at += name.utf8CodeUnitCount
        skipSpace()
        guard bytes[at] == UInt8(ascii: "=") else { return false }
        at += 1
        skipSpace()
        return true
    }

    /// A quoted value that is one of `choices`.
    mutating func value(of choices: [StaticString]) -> Bool {
        let quote = bytes[at]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
        at += 1
        for choice in choices where matches(choice) && bytes[at + choice.utf8CodeUnitCount] == quote {
            at += choice.utf8CodeUnitCount + 1
            return true
        }
        return false
    }

    /// A start tag or empty-element tag at `<`.
    mutating func element() -> Bool {
        let name = at + 1
        at = name
        while isNameByte(bytes[at]) { at += 1 }
        let nameEnd = at
        let first = attributes.count
        while true {
            let byte = bytes[at]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") {
                let empty = byte == UInt8(ascii: "/")
                guard !empty || bytes[at + 1] == UInt8(ascii: ">") else { return false }
                // an empty element counts as one level deeper too, as it does for expat
                guard open.count < maximumDepth else { return false }
                at += empty ? 2 : 1
                bytes[nameEnd] = 0
                let hasAttributes = attributes.count > first
                if hasAttributes { attributes.append(nil) }
                events.append(PlainEvent(kind: .start, offset: Int32(name), extra: hasAttributes ? Int32(first) : -1))
                if empty {
                    events.append(PlainEvent(kind: .end, offset: Int32(name), extra: 0))
                } else {
                    open.append((name, nameEnd - name))
                }
                return true
            }
            // an attribute follows white space; the tag may also end after it
            guard skipSpace() else { return false }
            if bytes[at] == UInt8(ascii: ">") || bytes[at] == UInt8(ascii: "/") { continue }
            // the duplicate check is quadratic: an element with more attributes is left to expat's hash table
            guard attributes.count - first < 2 * PlainXML.mostAttributes, attribute(from: first) else { return false }
        }
    }

    /// `name="value"` (or single quotes), its value's entities decoded in place; refused when the element already has
    /// an attribute of that name.
    mutating func attribute(from first: Int) -> Bool {
        let name = at
        guard isNameStart(bytes[at]) else { return false }
        while isNameByte(bytes[at]) { at += 1 }
        let nameEnd = at
        skipSpace()
        guard bytes[at] == UInt8(ascii: "=") else { return false }
        at += 1
        skipSpace()
        let quote = bytes[at]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
        at += 1
        let value = at
        var written = at
        while true {
            let byte = bytes[at]
            if byte == quote { break }
            switch byte {
            case UInt8(ascii: "&"):
                guard reference(writingAt: &written) else { return false }
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                // white space in a value is a space, a carriage return and line feed one space (XML's normalising)
                if byte == UInt8(ascii: "\r"), bytes[at + 1] == UInt8(ascii: "\n") { at += 1 }
                bytes[written] = UInt8(ascii: " ")
                written += 1
                at += 1
            case UInt8(ascii: "<"), 0..<0x20:
                return false  // `<` is not allowed, nor control characters
            case 0x80...:
                guard utf8(writingAt: &written) else { return false }
            default:
                bytes[written] = byte
                written += 1
                at += 1
            }
        }
        at += 1
        bytes[nameEnd] = 0
        bytes[written] = 0
        let namePointer = UnsafeRawPointer(bytes + name).assumingMemoryBound(to: CChar.self)
        for index in stride(from: first, to: attributes.count, by: 2) {
            let other = attributes[index]!
            // names mostly differ in their first byte (`r`, `s`, `t`), so most never reach strcmp
            if other.pointee == namePointer.pointee, strcmp(other, namePointer) == 0 { return false }
        }
        attributes.append(namePointer)
        attributes.append(UnsafeRawPointer(bytes + value).assumingMemoryBound(to: CChar.self))
        return true
    }

    /// `</name>` closing the innermost open element.
    mutating func endTag() -> Bool {
        let (name, length) = open.removeLast()
        at += 2
        guard at + length <= count, memcmp(bytes + at, bytes + name, length) == 0, !isNameByte(bytes[at + length]) else { return false }
        at += length
        skipSpace()
        guard bytes[at] == UInt8(ascii: ">") else { return false }
        at += 1
        events.append(PlainEvent(kind: .end, offset: Int32(name), extra: 0))
        return true
    }

    /// Character data up to the next `<`, entities decoded in place.
    mutating func text() -> Bool {
        let start = at
        var written = at
        while true {
            let byte = bytes[at]
            switch byte {
            case UInt8(ascii: "<"):
                if written > start { events.append(PlainEvent(kind: .text, offset: Int32(start), extra: Int32(written - start))) }
                return true
            case UInt8(ascii: "&"):
                guard reference(writingAt: &written) else { return false }
            case UInt8(ascii: "]"):
                guard bytes[at + 1] != UInt8(ascii: "]") || bytes[at + 2] != UInt8(ascii: ">") else { return false }
                fallthrough
            case 0x20..<0x80, UInt8(ascii: "\t"), UInt8(ascii: "\n"):
                bytes[written] = byte
                written += 1
                at += 1
            case UInt8(ascii: "\r"):
                // a line ends in a line feed, whether written CR LF, CR or LF (XML's normalising)
                if bytes[at + 1] == UInt8(ascii: "\n") { at += 1 }
                bytes[written] = UInt8(ascii: "\n")
                written += 1
                at += 1
            case 0x80...:
                guard utf8(writingAt: &written) else { return false }
            default:
                return false  // NUL (the end, or one inside), or a control character
            }
        }
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#…;` `&#x…;` at `&`, its character written at `written`.
    mutating func reference(writingAt written: inout Int) -> Bool {
        at += 1
        var scalar: UInt32
        if bytes[at] == UInt8(ascii: "#") {
            at += 1
            let hex = bytes[at] == UInt8(ascii: "x")
            if hex { at += 1 }
            scalar = 0
            var digits = 0
            while bytes[at] != UInt8(ascii: ";") {
                guard digits < 7, let digit = digitValue(bytes[at], hex: hex) else { return false }
                scalar = scalar * (hex ? 16 : 10) + digit
                digits += 1
                at += 1
            }
            // XML's characters; a tab, line feed or carriage return referred to stays itself, in text and in values
            let allowed = scalar == 0x9 || scalar == 0xA || scalar == 0xD || (scalar >= 0x20 && scalar < 0xD800)
                || (scalar >= 0xE000 && scalar <= 0xFFFD) || (scalar >= 0x10000 && scalar <= 0x10FFFF)
            guard digits > 0, allowed else { return false }
        } else {
            if matches("lt;") { scalar = 0x3C } else if matches("gt;") { scalar = 0x3E } else if matches("amp;") { scalar = 0x26 } else if matches("quot;") { scalar = 0x22 } else if matches("apos;") { scalar = 0x27 } else { return false }
            while bytes[at] != UInt8(ascii: ";") { at += 1 }
        }
        at += 1
        // the character's UTF-8 is never longer than the reference it replaces
        for unit in UTF8.encode(Unicode.Scalar(scalar)!)! {
            bytes[written] = unit
            written += 1
        }
        return true
    }

    /// One UTF-8 sequence at `at` copied to `written`; false when it is malformed, overlong, a surrogate, beyond
    /// U+10FFFF, or U+FFFE or U+FFFF (not XML characters).
    mutating func utf8(writingAt written: inout Int) -> Bool {
        let lead = bytes[at]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        // the second byte's range, narrower after E0 and F0 (overlong forms), ED (surrogates) and F4 (past U+10FFFF)
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF, 0xE1...0xEC, 0xEE...0xEF, 0xF1...0xF3: second = 0x80...0xBF
        case 0xE0: second = 0xA0...0xBF
        case 0xED: second = 0x80...0x9F
        case 0xF0: second = 0x90...0xBF
        case 0xF4: second = 0x80...0x8F
        default: return false  // a continuation byte, C0, C1 or F5–FF never leads
        }
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters
        guard second.contains(bytes[at + 1]), !(lead == 0xEF && bytes[at + 1] == 0xBF && bytes[at + 2] >= 0xBE) else { return false }
        // each further byte is 0x80–0xBF; a NUL (the end) fails this before anything past it is read
        for offset in 2..<length {
            guard bytes[at + offset] & 0xC0 == 0x80 else { return false }
        }
        for offset in 0..<length { bytes[written + offset] = bytes[at + offset] }
        written += length
        at += length
        return true
    }

    /// Skips white space; true when there was some.
    @discardableResult
    mutating func skipSpace() -> Bool {
        let start = at
        while isSpaceOrEnd(bytes[at]) { at += 1 }
        return at > start
    }

    /// True when the bytes at `at` are `text` (at most the padding's length past the end).
    func matches(_ text: StaticString) -> Bool {
        memcmp(bytes + at, text.utf8Start, text.utf8CodeUnitCount) == 0
    }
}

/// Space, tab, line feed, carriage return: XML's white space (between markup, where no normalising shows).
@inline(__always)
private func isSpaceOrEnd(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
}

/// A letter or `_`: the ASCII characters a name may start with here (`:` and non-ASCII ones are left to expat).
@inline(__always)
private func isNameStart(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
}

/// A letter, digit, `_`, `:`, `-` or `.`.
@inline(__always)
private func isNameByte(_ byte: UInt8) -> Bool {
    isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: ":")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
}

/// The value of a decimal or hexadecimal digit.
@inline(__always)
private func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
}
