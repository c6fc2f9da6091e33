import Foundation
import Hummingbird

/// Responses that hand a file to the browser.
enum Download {
    /// `bytes` as an attachment named `name`.
    static func response(_ bytes: Data, name: String, contentType: String) -> Response {
        Response(status: .ok,
                 headers: [.contentType: contentType, .contentDisposition: contentDisposition(name)],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded` (RFC 6266 with RFC 5987), so Chinese names survive.
    static func contentDisposition(_ name: String) -> String {
        let fallback = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
