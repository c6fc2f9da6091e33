#if DEBUG || FUZZING
import Foundation

/// The events a reader hands over, written down with adjacent text joined (expat splits text at references and line
/// ends), so the tests and the fuzzer can hold PlainXML's events to expat's. Built for them only.
final class XMLEventLog: XMLEventHandler {
    /// `<name` with ` key=value\0` for each attribute, `</name`, or `T` and the text.
    private(set) var events: [[UInt8]] = []
    private var text: [UInt8] = []

    /// Expat's events for `data`, or nil when it refuses the part.
    static func expat(_ data: Data) -> [[UInt8]]? {
        let log = XMLEventLog()
        guard (try? XMLEventParser.parseWithExpat(data, part: "part", into: log)) != nil else { return nil }
        return log.finished()
    }

    /// PlainXML's events for `data`, or nil when it leaves the part to expat.
    static func plain(_ data: Data) -> [[UInt8]]? {
        guard let plain = PlainXML.read(data, maximumDepth: XMLEventParser.maximumDepth) else { return nil }
        let log = XMLEventLog()
        plain.replay(into: log) {}
        return log.finished()
    }

    func start(_ name: XMLName, attributes: XMLAttributes) {
        flush()
        var event = Array("<\(name.string)".utf8)
        var cursor = attributes.pointer
        while let key = cursor?.pointee, let value = cursor?.advanced(by: 1).pointee {
            event += [0x20] + Array(String(cString: key).utf8) + [0x3D] + Array(String(cString: value).utf8) + [0]
            cursor = cursor?.advanced(by: 2)
        }
        events.append(event)
    }

    func end(_ name: XMLName) {
        flush()
        events.append(Array("</\(name.string)".utf8))
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: bytes) }

    private func flush() {
        if !text.isEmpty { events.append([0x54] + text) }
        text = []
    }

    private func finished() -> [[UInt8]] {
        flush()
        return events
    }
}
#endif
