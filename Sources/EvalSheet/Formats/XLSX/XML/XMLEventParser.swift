import CExpat
import Foundation

/// Receives the events of one XML part.
protocol XMLEventHandler: AnyObject {
    /// An element opens; `name` without namespace prefix, attributes likewise.
    func start(_ name: Substring, attributes: [Substring: String])
    func end(_ name: Substring)
    func text(_ text: String)
}

/// A hardened expat parser: no DTDs, no entity declarations, no external entities; errors name the part and line.
enum XMLEventParser {
    fileprivate final class Context {
        let handler: XMLEventHandler
        let parser: XML_Parser
        var refusal: String?
        init(handler: XMLEventHandler, parser: XML_Parser) { self.handler = handler; self.parser = parser }
    }

    static func parse(_ data: Data, part: String, into handler: XMLEventHandler) throws {
        guard let parser = XML_ParserCreate("UTF-8") else { throw EvalSheetError(.unreadable, "out of memory parsing \(part)") }
        defer { XML_ParserFree(parser) }
        let context = Context(handler: handler, parser: parser)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        XML_SetUserData(parser, unmanaged.toOpaque())
        XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER)
        XML_SetStartDoctypeDeclHandler(parser) { user, _, _, _, _ in refuse(user, "a DTD") }
        XML_SetEntityDeclHandler(parser) { user, _, _, _, _, _, _, _, _ in refuse(user, "an entity declaration") }
        XML_SetExternalEntityRefHandler(parser) { _, _, _, _, _ in Int32(XML_STATUS_ERROR.rawValue) }
        XML_SetElementHandler(parser, { user, name, attributes in
            let context = Unmanaged<XMLEventParser.Context>.fromOpaque(user!).takeUnretainedValue()
            var map: [Substring: String] = [:]
            var pointer = attributes
            while let key = pointer?.pointee, let value = pointer?.advanced(by: 1).pointee {
                map[localName(String(cString: key))] = String(cString: value)
                pointer = pointer?.advanced(by: 2)
            }
            context.handler.start(localName(String(cString: name!)), attributes: map)
        }, { user, name in
            Unmanaged<XMLEventParser.Context>.fromOpaque(user!).takeUnretainedValue().handler.end(localName(String(cString: name!)))
        })
        XML_SetCharacterDataHandler(parser) { user, text, length in
            guard let text, length > 0 else { return }
            let string = text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
            }
            Unmanaged<XMLEventParser.Context>.fromOpaque(user!).takeUnretainedValue().handler.text(string)
        }
        let status = data.withUnsafeBytes { bytes in
            XML_Parse(parser, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), 1)
        }
        if let refusal = context.refusal {
            throw EvalSheetError(.unreadable, "\(part) declares \(refusal); refused (spreadsheets never need one, and it can leak files or exhaust memory)")
        }
        guard status == XML_STATUS_OK else {
            let message = String(cString: XML_ErrorString(XML_GetErrorCode(parser)))
            throw EvalSheetError(.unreadable, "\(part) is not well-formed XML (\(message) at line \(XML_GetCurrentLineNumber(parser))); the file is damaged")
        }
    }
}

/// Records why the part was refused and stops the parser.
private func refuse(_ user: UnsafeMutableRawPointer?, _ what: String) {
    guard let user else { return }
    let context = Unmanaged<XMLEventParser.Context>.fromOpaque(user).takeUnretainedValue()
    if context.refusal == nil { context.refusal = what }
    XML_StopParser(context.parser, XML_FALSE)
}

/// `x:c` → `c`: element and attribute names without their namespace prefix.
private func localName(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}
