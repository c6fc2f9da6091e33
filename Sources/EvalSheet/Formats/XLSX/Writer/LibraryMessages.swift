import Foundation

/// Keeps libxlsxwriter's own `[ERROR]`/`[WARNING]` lines (printed straight to stderr) out of evalsheet's output, which
/// reports every failure in one line of its own; whatever else reaches stderr meanwhile (another thread's progress)
/// is passed on.
enum LibraryMessages {
    private static let lock = NSLock()

    static func withheld<T>(_ body: () -> T) -> T {
        lock.withLock {
            fflush(nil)
            let saved = dup(STDERR_FILENO)
            guard saved >= 0, let capture = tmpfile() else {
                if saved >= 0 { close(saved) }
                return body()
            }
            dup2(fileno(capture), STDERR_FILENO)
            let result = body()
            fflush(nil)
            dup2(saved, STDERR_FILENO)
            close(saved)
            rewind(capture)
            var line: UnsafeMutablePointer<CChar>?
            var capacity = 0
            while getline(&line, &capacity, capture) > 0, let text = line.map({ String(cString: $0) }) {
                if !text.hasPrefix("[ERROR]"), !text.hasPrefix("[WARNING]") { FileHandle.standardError.write(Data(text.utf8)) }
            }
            free(line)
            fclose(capture)
            return result
        }
    }
}
