import Foundation

/// A private temporary folder (mode 0700, a random name) for one request, removed with everything in it.
final class ScratchFolder {
    let url: URL

    init() throws {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("evalsheet-serve-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ApiError(.internalServerError, "cannot create a temporary folder (\(String(cString: strerror(errno))))")
        }
        url = URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
