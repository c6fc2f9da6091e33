import CExpat
import Foundation

/// Receives the events of one XML part. A handler's state may be `@exclusivity(unchecked)`: expat calls one handler
/// method at a time on one thread, so no two accesses overlap, and checking each at run time cost about 1,300 checks
/// (130,000 instructions) a seed read.
protocol XMLEventHandler: AnyObject {
    /// An element opens; `name` without namespace prefix; name and attributes are readable during the call only.
    func start(_ name: XMLName, attributes: XMLAttributes)
    func end(_ name: XMLName)
    /// Character data, as UTF-8 bytes valid during the call only.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension XMLEventHandler {
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// An element's name without its namespace prefix, compared as bytes in place (`case "c":` in a switch), so no
/// String is made for each of the thousands of elements a sheet has.
struct XMLName {
    private let pointer: UnsafePointer<XML_Char>

    /// `x:c` → `c`.
    init(_ name: UnsafePointer<XML_Char>) { pointer = localName(name) }

    #if DEBUG || FUZZING
    /// The name as text, for XMLEventLog.
    var string: String { String(cString: pointer) }
    #endif

    static func == (name: XMLName, text: StaticString) -> Bool { cStringEquals(name.pointer, text) }
    static func != (name: XMLName, text: StaticString) -> Bool { !cStringEquals(name.pointer, text) }
    static func ~= (text: StaticString, name: XMLName) -> Bool { cStringEquals(name.pointer, text) }
}

/// The attributes of the element being opened, looked up by local name without copying the others.
struct XMLAttributes {
    /// Name, value, name, value, …, nil (or nil for none), as expat hands them over.
    let pointer: UnsafeMutablePointer<UnsafePointer<XML_Char>?>?

    subscript(_ name: StaticString) -> String? { value(name).map { String(cString: $0) } }

    /// The value of attribute `name` when it is plain digits (`r="12"`, `s="3"`), read without making a String; nil
    /// when it is absent or anything else.
    private func digits(_ name: StaticString) -> Int? {
        guard var cursor = value(name) else { return nil }
        var result = 0, count = 0
        while case let byte = UInt8(bitPattern: cursor.pointee), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < 18 {
            result = result * 10 + Int(byte - UInt8(ascii: "0"))
            count += 1
            cursor += 1
        }
        return cursor.pointee == 0 && count > 0 ? result : nil
    }

    /// The value of attribute `name` as a whole number: from its digits in place (as spreadsheets write it), else
    /// from its text (`+7`, ` 12`); nil when it is absent or not a number.
    func integer(_ name: StaticString) -> Int? { digits(name) ?? self[name].flatMap { Int($0) } }

    /// The value of attribute `name` as expat holds it, valid during the `start` call only.
    func value(_ name: StaticString) -> UnsafePointer<XML_Char>? {
        guard var cursor = pointer else { return nil }
        while let key = cursor.pointee, let value = cursor.advanced(by: 1).pointee {
            if cStringEquals(localName(key), name) { return value }
            cursor = cursor.advanced(by: 2)
        }
        return nil
    }
}

/// True when the C string is `text`, byte for byte.
@inline(__always)
private func cStringEquals(_ cString: UnsafePointer<XML_Char>, _ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    // the first byte decides most comparisons of a `switch` over element names, without a call
    guard count > 0, UInt8(bitPattern: cString[0]) == text.utf8Start[0] else { return count == 0 && cString[0] == 0 }
    return strncmp(cString, UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self), count) == 0 && cString[count] == 0
}

/// The C name without its namespace prefix: `x:c` → `c`.
@inline(__always)
private func localName(_ name: UnsafePointer<XML_Char>) -> UnsafePointer<XML_Char> {
    var start = name
    var cursor = name
    while cursor.pointee != 0 {
        if cursor.pointee == 0x3A { start = cursor + 1 }
        cursor += 1
    }
    return start
}

/// A hardened expat parser: no DTDs, no entity declarations, no external entities; errors name the part and line.
enum XMLEventParser {
    /// Deepest element nesting accepted; a worksheet nests six deep, rich text a few more.
    static let maximumDepth = 100

    /// Why a part was refused while it was parsed.
    fileprivate enum Refusal {
        /// A DTD or an entity declaration (`what` names it).
        case declaration(String)
        case tooDeep
        case outOfTime
    }

    fileprivate final class Context {
        let handler: XMLEventHandler
        let parser: XML_Parser
        @exclusivity(unchecked) var refusal: Refusal?
        @exclusivity(unchecked) var depth = 0
        @exclusivity(unchecked) var elements = 0
        init(handler: XMLEventHandler, parser: XML_Parser) { self.handler = handler; self.parser = parser }
    }

    /// The salt of expat's hash tables, random once a process: unset, expat asks the kernel for a new one for every
    /// part (six system calls an .xlsx file); an attacker still cannot know it, which is what the salt is for.
    private static let hashSalt = UInt.random(in: 1...UInt.max)

    /// Hands the events of the part `data` to `handler`: read by PlainXML when it is plain XML, else by expat.
    static func parse(_ data: Data, part: String, into handler: XMLEventHandler) throws {
        if let plain = PlainXML.read(data, maximumDepth: maximumDepth) {
            return try plain.replay(into: handler) { if Deadline.passed { throw outOfTime(part) } }
        }
        try parseWithExpat(data, part: part, into: handler)
    }

    /// Reads `data` with expat, whatever XML it is: refused, or its events handed to `handler`.
    static func parseWithExpat(_ data: Data, part: String, into handler: XMLEventHandler) throws {
        guard let parser = SpareParser.take() else { throw EvalSheetError(.unreadable, "out of memory parsing \(part)", zh: "解析 \(part) 时内存不足") }
        let context = Context(handler: handler, parser: parser)
        var status = XML_STATUS_ERROR
        defer { SpareParser.give(parser, reusable: status == XML_STATUS_OK && context.refusal == nil && data.count <= SpareParser.largestKept) }
        XML_SetHashSalt(parser, hashSalt)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        XML_SetUserData(parser, unmanaged.toOpaque())
        XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER)
        XML_SetStartDoctypeDeclHandler(parser) { user, _, _, _, _ in refuse(user, .declaration("a DTD")) }
        XML_SetEntityDeclHandler(parser) { user, _, _, _, _, _, _, _, _ in refuse(user, .declaration("an entity declaration")) }
        XML_SetExternalEntityRefHandler(parser) { _, _, _, _, _ in Int32(XML_STATUS_ERROR.rawValue) }
        // The callbacks borrow the context `parse` keeps alive (no retain and release for each of thousands of events).
        XML_SetElementHandler(parser, { user, name, attributes in
            Unmanaged<XMLEventParser.Context>.fromOpaque(user!)._withUnsafeGuaranteedRef { context in
                context.depth += 1
                context.elements += 1
                guard context.depth <= XMLEventParser.maximumDepth else {
                    return refuse(user, .tooDeep)
                }
                if context.elements & 0x3FF == 0, Deadline.passed { return refuse(user, .outOfTime) }
                context.handler.start(XMLName(name!), attributes: XMLAttributes(pointer: attributes))
            }
        }, { user, name in
            Unmanaged<XMLEventParser.Context>.fromOpaque(user!)._withUnsafeGuaranteedRef { context in
                context.depth -= 1
                context.handler.end(XMLName(name!))
            }
        })
        XML_SetCharacterDataHandler(parser) { user, text, length in
            guard let text, length > 0 else { return }
            Unmanaged<XMLEventParser.Context>.fromOpaque(user!)._withUnsafeGuaranteedRef { context in
                text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    context.handler.text(UnsafeBufferPointer(start: $0, count: Int(length)))
                }
            }
        }
        status = data.withUnsafeBytes { bytes in
            XML_Parse(parser, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), 1)
        }
        switch context.refusal {
        case .outOfTime:
            throw outOfTime(part)
        case .tooDeep:
            let what = "elements nested more than \(maximumDepth) deep"
            throw EvalSheetError(.unreadable, "\(part) has \(what); refused (a spreadsheet never nests so deep, and it can exhaust memory)",
                                 zh: "\(part) 有 \(what)；已拒绝（电子表格不会嵌套这么深，且可能耗尽内存）")
        case .declaration(let what):
            throw EvalSheetError(.unreadable, "\(part) declares \(what); refused (spreadsheets never need one, and it can leak files or exhaust memory)",
                                 zh: "\(part) 声明了 \(what)；已拒绝（电子表格从不需要，且可能泄露文件或耗尽内存）")
        case nil:
            break
        }
        guard status == XML_STATUS_OK else {
            let message = String(cString: XML_ErrorString(XML_GetErrorCode(parser)))
            throw EvalSheetError(.unreadable, "\(part) is not well-formed XML (\(message) at line \(XML_GetCurrentLineNumber(parser))); the file is damaged", zh: "\(part) 不是格式正确的 XML（第 \(XML_GetCurrentLineNumber(parser)) 行：\(message)）；文件已损坏")
        }
    }
}

/// The error for a part still being read when the time for one file ran out.
private func outOfTime(_ part: String) -> EvalSheetError {
    EvalSheetError(.unreadable, "\(part): still not read when the time for one file ran out (batch --file-seconds); refused", zh: "\(part)：单个文件的时限（batch --file-seconds）已到仍未读完；已拒绝")
}

/// One idle expat parser a thread, reset for the next part instead of made anew: an .xlsx file is six parts, and making
/// and freeing a parser (its buffer, pools and hash tables) for each cost more than the small ones take to parse.
/// Only a parser that finished a part of at most `largestKept` bytes is kept, so its buffer stays small.
private enum SpareParser {
    static let largestKept = 1 << 20

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { spare in
            if let spare { XML_ParserFree(OpaquePointer(spare)) }
        }
        return key
    }()

    /// This thread's idle parser, reset, or a new one; nil when out of memory.
    static func take() -> XML_Parser? {
        guard let spare = pthread_getspecific(key) else { return XML_ParserCreate("UTF-8") }
        pthread_setspecific(key, nil)
        let parser = OpaquePointer(spare)
        if XML_ParserReset(parser, "UTF-8") == XML_TRUE { return parser }
        XML_ParserFree(parser)
        return XML_ParserCreate("UTF-8")
    }

    /// Keeps `parser` as this thread's idle one when `reusable` and the thread has none, else frees it.
    static func give(_ parser: XML_Parser, reusable: Bool) {
        if reusable, pthread_getspecific(key) == nil {
            pthread_setspecific(key, UnsafeMutableRawPointer(parser))
        } else {
            XML_ParserFree(parser)
        }
    }
}

/// Records why the part was refused and stops the parser.
private func refuse(_ user: UnsafeMutableRawPointer?, _ why: XMLEventParser.Refusal) {
    guard let user else { return }
    let context = Unmanaged<XMLEventParser.Context>.fromOpaque(user).takeUnretainedValue()
    if context.refusal == nil { context.refusal = why }
    XML_StopParser(context.parser, XML_FALSE)
}
