import CStdioFilter
import Foundation

/// Keeps libxlsxwriter's own `[ERROR]`/`[WARNING]` lines out of evalsheet's output, which reports every failure in one
/// line of its own. The library prints them through stdio's `stderr`; before the process's first workbook, that stream
/// is replaced, for the rest of the process, by one that passes every other line on to file descriptor 2 as it is
/// written (evalsheet's own messages go to the descriptor directly). Workbooks so close in parallel: a lock around each
/// close, with the descriptor swapped for a file meanwhile, made a 2-job batch of 1,000 TSV → XLSX take 1.6–1.8 s,
/// against 1.09–1.26 s.
enum LibraryMessages {
    /// Replaces the stream once; when it cannot be made, the library's lines show as they are.
    static let filtered: Void = {
        _ = evalsheet_route_stdio_stderr { _, bytes, count in
            guard let bytes, count > 0 else { return 0 }
            let kept = bytes.withMemoryRebound(to: UInt8.self, capacity: count) {
                LibraryMessages.filter.pass(UnsafeBufferPointer(start: $0, count: count))
            }
            try? AtomicFile.writeAll(Data(kept), to: STDERR_FILENO)
            return count
        }
    }()

    /// Used only inside the stream's writes, which stdio makes one at a time (it locks the stream).
    nonisolated(unsafe) private static var filter = LibraryLineFilter()
}

/// Decides which lines of each write are libxlsxwriter's (`[ERROR]…`, `[WARNING]…`) and passes on the others at once,
/// partial lines included. Each of the library's lines comes in one write (one `fprintf` to an unbuffered stream), so
/// nothing is held from one write to the next: a line start that could still have become a marker goes on at the end.
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
        if !pending.isEmpty {
            out += pending
            pending.removeAll()
            atLineStart = false
        }
        return out
    }
}
