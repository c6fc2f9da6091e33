import Foundation

/// The shared string table: plain and rich-text strings (runs joined), phonetic guides left out.
final class SharedStringsPart: XMLEventHandler {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    init(_ data: Data?, part: String) throws {
        guard let data else { return }
        try XMLEventParser.parse(data, part: part, into: self)
    }

    func start(_ name: String, attributes: XMLAttributes) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "si": strings.append(XString.decode(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) { if inText { current += String(decoding: bytes, as: UTF8.self) } }
}
