import EvalSheet
import Foundation

/// A progress bar on a terminal, plain progress lines otherwise, on stderr.
final class BatchProgress: @unchecked Sendable {
    private let total: Int
    private let language: Language
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var failed = 0
    private var lastLine = -1

    init(total: Int, language: Language) {
        self.total = total
        self.language = language
    }

    func update(done: Int, outcome: BatchConverter.Outcome) {
        lock.withLock {
            if outcome.status == .failed {
                failed += 1
                let what = outcome.error?.text(language) ?? outcome.input
                FileHandle.standardError.write(Data(((isTerminal ? "\r\u{1B}[K" : "") + BatchText.failed(what, language: language)).utf8))
            }
            if isTerminal {
                let width = 30
                let filled = total == 0 ? width : width * done / total
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)  \(language == .zh ? "失败" : "failed") \(failed)".utf8))
            } else {
                let step = max(1, total / 20)
                if done / step != lastLine || done == total {
                    lastLine = done / step
                    FileHandle.standardError.write(Data(BatchText.progress(done: done, total: total, failed: failed, language: language).utf8))
                }
            }
        }
    }

    func finish() { if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) } }
}
