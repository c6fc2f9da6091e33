import Foundation

/// Keeps libxlsxwriter's own `[ERROR]`/`[WARNING]` lines (printed straight to stderr) out of evalsheet's output, which
/// reports every failure in one line of its own. From the first workbook written on, stderr runs through a pipe whose
/// reader passes everything else on as it comes, so workbooks close in parallel (a lock around each close, with
/// stderr swapped for a file meanwhile, made a 2-job batch of 1,000 TSV → XLSX take 1.6–1.8 s instead of 1.1–1.5 s).
enum LibraryMessages {
    private static let installed: Bool = install()
    /// The stderr the process started with, which the reader writes to.
    nonisolated(unsafe) private static var original: Int32 = -1
    private static let drained = DispatchSemaphore(value: 0)

    static func withheld<T>(_ body: () -> T) -> T {
        _ = installed
        return body()
    }

    /// Puts the pipe in front of stderr and starts its reader; at exit, stderr is restored and the pipe drained.
    private static func install() -> Bool {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return false }
        fflush(nil)
        original = dup(STDERR_FILENO)
        guard original >= 0, dup2(ends[1], STDERR_FILENO) >= 0 else {
            for fd in ends + [original] where fd >= 0 { close(fd) }
            original = -1
            return false
        }
        close(ends[1])
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        let reader = ends[0], target = original
        let thread = Thread {
            var filter = LibraryLineFilter()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                let forwarded = count > 0 ? filter.pass(buffer[0..<count]) : filter.finish()
                forwarded.withUnsafeBytes { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let written = write(target, bytes.baseAddress! + offset, bytes.count - offset)
                        if written < 0, errno == EINTR { continue }
                        guard written > 0 else { break }
                        offset += written
                    }
                }
                if count <= 0 { break }
            }
            close(reader)
            drained.signal()
        }
        thread.start()
        atexit {
            fflush(nil)
            // stderr back to what it was closes the pipe's last writer: the reader passes on the rest and stops
            dup2(LibraryMessages.original, STDERR_FILENO)
            _ = LibraryMessages.drained.wait(timeout: .now() + 2)
        }
        return true
    }
}

/// Decides, byte by byte as they come, which of stderr's lines are libxlsxwriter's (`[ERROR]…`, `[WARNING]…`) and
/// passes on the others at once, partial lines (a progress bar's `\r…`) included.
struct LibraryLineFilter {
    private static let markers: [[UInt8]] = [Array("[ERROR]".utf8), Array("[WARNING]".utf8)]
    /// The start of a line that may still become a marker.
    private var pending: [UInt8] = []
    private var atLineStart = true
    private var dropping = false

    /// The bytes of `chunk` to pass on.
    mutating func pass<Bytes: Collection<UInt8>>(_ chunk: Bytes) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(chunk.count)
        for byte in chunk {
            if dropping {
                if byte == UInt8(ascii: "\n") { dropping = false; atLineStart = true }
                continue
            }
            if atLineStart {
                pending.append(byte)
                if Self.markers.contains(pending) {
                    dropping = true
                    atLineStart = false
                    pending.removeAll()
                } else if !Self.markers.contains(where: { $0.starts(with: pending) }) {
                    out += pending
                    pending.removeAll()
                    atLineStart = byte == UInt8(ascii: "\n")
                }
                continue
            }
            out.append(byte)
            if byte == UInt8(ascii: "\n") { atLineStart = true }
        }
        return out
    }

    /// What is still held back when the stream ends.
    mutating func finish() -> [UInt8] {
        defer { pending.removeAll() }
        return pending
    }
}
