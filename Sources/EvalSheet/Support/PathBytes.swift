import Foundation

/// Paths as the file system holds them, bytes: a name that is not UTF-8 (a GBK name, as unzip makes from a Windows
/// zip) is still opened, through `/proc/self/fd`, and shown legibly, read as GB18030.
public enum PathBytes {
    /// The name shown to people, and whether the bytes were UTF-8 (else read as GB18030, else with U+FFFD).
    public static func legible(_ bytes: [UInt8]) -> (text: String, isUTF8: Bool) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
        if let text = String(bytes: bytes, encoding: String.Encoding(rawValue: 0x8000_0632)) { return (text, false) }
        return (String(decoding: bytes, as: UTF8.self), false)
    }

    /// Opens the file at `bytes` for reading and calls `body` with a path naming it (`/proc/self/fd/N`).
    static func withOpenFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let descriptor = (bytes + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY | O_CLOEXEC) } }
        guard descriptor >= 0 else {
            throw EvalSheetError(.unreadable, "cannot open (\(String(cString: strerror(errno)))); check the path and its permissions", zh: "无法打开（\(String(cString: strerror(errno)))）；请检查路径及其权限")
        }
        defer { close(descriptor) }
        return try body("/proc/self/fd/\(descriptor)")
    }

    /// The bytes of the command-line argument that Swift decoded as `argument` when they were not UTF-8 (Swift then
    /// puts U+FFFD in place of the bad bytes, and the path no longer names the file).
    static func commandLineBytes(for argument: String) -> [UInt8]? {
        guard argument.contains("\u{FFFD}") else { return nil }
        for index in 0..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
            if String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == argument { return bytes }
        }
        return nil
    }
}
