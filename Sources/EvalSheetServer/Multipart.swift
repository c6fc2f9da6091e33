import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `multipart/form-data` body split into its parts (RFC 7578).
enum Multipart {
    /// One part: the form field's name, the file name if it is a file, and the bytes.
    struct Part: Sendable {
        let field: String
        let filename: String?
        let data: Data
    }

    /// The boundary of a `multipart/form-data` content type, or nil when it is not one.
    static func boundary(ofContentType contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            let value = piece.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }

    /// The parts of `body`; throws `ApiError` when the body is not well-formed.
    static func parts(of body: Data, boundary: String) throws -> [Part] {
        let delimiter = Data(("--" + boundary).utf8)
        let separator = Data(("\r\n--" + boundary).utf8)
        let malformed = ApiError(.badRequest, "the upload is not well-formed multipart/form-data")
        let body = Data(body)
        guard var cursor = find(delimiter, in: body, from: 0).map({ $0 + delimiter.count }) else { throw malformed }
        var parts: [Part] = []
        while true {
            guard body.count >= cursor + 2 else { throw malformed }
            if body[cursor] == UInt8(ascii: "-"), body[cursor + 1] == UInt8(ascii: "-") { return parts }
            guard let headerEnd = find(Data("\r\n\r\n".utf8), in: body, from: cursor),
                  let end = find(separator, in: body, from: headerEnd + 4) else { throw malformed }
            let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
            guard let field = parameter("name", in: headers) else { throw malformed }
            parts.append(Part(field: field, filename: parameter("filename", in: headers), data: body.subdata(in: (headerEnd + 4)..<end)))
            cursor = end + separator.count
        }
    }

    /// The offset of the first `needle` in `haystack` at or after `start` (memchr and memcmp, as bodies run to megabytes).
    private static func find(_ needle: Data, in haystack: Data, from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, haystack.count - start >= needle.count else { return nil }
        return haystack.withUnsafeBytes { (hay: UnsafeRawBufferPointer) -> Int? in
            needle.withUnsafeBytes { (pin: UnsafeRawBufferPointer) -> Int? in
                let first = Int32(pin[0])
                var offset = start
                while hay.count - offset >= pin.count {
                    guard let hit = memchr(hay.baseAddress! + offset, first, hay.count - offset - pin.count + 1) else { return nil }
                    let at = hay.baseAddress!.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, pin.baseAddress!, pin.count) == 0 { return at }
                    offset = at + 1
                }
                return nil
            }
        }
    }

    /// A parameter of the part's Content-Disposition header (`name="file"`), unquoted.
    private static func parameter(_ key: String, in headers: String) -> String? {
        for line in headers.split(whereSeparator: \.isNewline) where line.lowercased().hasPrefix("content-disposition:") {
            for piece in splitOutsideQuotes(String(line)).dropFirst() {
                let pair = piece.trimmingCharacters(in: .whitespaces)
                guard pair.lowercased().hasPrefix(key + "=") else { continue }
                var value = String(pair.dropFirst(key.count + 1))
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                return value.replacingOccurrences(of: "\\\"", with: "\"")
            }
        }
        return nil
    }

    /// `a; b="x;y"` → `a`, ` b="x;y"`: semicolons inside quotes (a file named `a;b.xlsx`) do not split.
    private static func splitOutsideQuotes(_ line: String) -> [String] {
        var pieces = [""]
        var quoted = false
        var previous: Character = " "
        for character in line {
            if character == "\"", previous != "\\" { quoted.toggle() }
            if character == ";", !quoted { pieces.append("") } else { pieces[pieces.count - 1].append(character) }
            previous = character
        }
        return pieces
    }
}
