import Hummingbird

/// The page's files, compiled into the binary (Sources/EvalSheetServer/Assets).
enum Assets {
    /// Path → (content type, bytes).
    static let files: [String: (type: String, bytes: [UInt8])] = [
        "/": ("text/html; charset=utf-8", PackageResources.index_html),
        "/app.js": ("text/javascript; charset=utf-8", PackageResources.app_js),
        "/style.css": ("text/css; charset=utf-8", PackageResources.style_css),
    ]

    /// The response for an asset path.
    static func response(_ path: String) -> Response {
        guard let file = files[path] else { return Response(status: .notFound) }
        return Response(status: .ok, headers: [.contentType: file.type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
