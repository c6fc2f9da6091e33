import Foundation

/// The shared string table: plain and rich-text strings (runs joined), phonetic guides left out.
final class SharedStringsPart: XMLEventHandler {
    @exclusivity(unchecked) private(set) var strings: [String] = []
    /// The UTF-8 of the string being read, its runs joined.
    @exclusivity(unchecked) private var current: [UInt8] = []
    @exclusivity(unchecked) private var inText = false
    @exclusivity(unchecked) private var inPhonetic = false

    init(_ data: Data?, part: String) throws {
        guard let data else { return }
        try XMLEventParser.parse(data, part: part, into: self)
    }

    func start(_ name: XMLName, attributes: XMLAttributes) {
        switch name {
        case "si": current.removeAll(keepingCapacity: true)
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ name: XMLName) {
        switch name {
        case "si": strings.append(XString.decode(String(decoding: current, as: UTF8.self)))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) { if inText { current.append(contentsOf: bytes) } }
}
