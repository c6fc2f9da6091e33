import EvalSheet
import EvalSheetServer
import Foundation

/// `evalsheet-serve`: the web server that `evalsheet serve` starts with the options it has checked. A program of its
/// own, so the command line tool does not carry the web server: NIO and Hummingbird's 2,200 protocol conformances
/// were searched at every start of every command (about 2 ms of each).
@main
enum EvalSheetServe {
    static func main() {
        guard let options = ServerOptions(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment) else {
            FileHandle.standardError.write(Data("evalsheet-serve: start the server with `evalsheet serve` (see evalsheet serve --help)\n".utf8))
            exit(2)
        }
        if let error = serve(options) {
            let failure = EvalSheetError(.unreadable, "cannot serve on \(options.host):\(options.port) (\(error)); choose another --port or --host",
                                         zh: "无法在 \(options.host):\(options.port) 上提供服务（\(error)）；请换一个 --port 或 --host")
            FileHandle.standardError.write(Data("evalsheet: \(failure.message(options.language))\n".utf8))
            exit(failure.exitCode)
        }
    }

    /// Runs the server until it stops; the error that stopped it, if any.
    private static func serve(_ options: ServerOptions) -> (any Error)? {
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await EvalSheetServer.run(options) { port in
                    let line = "evalsheet: serving on http://\(options.host):\(port)/\(options.token != nil ? " (token required)" : "")\n"
                    FileHandle.standardError.write(Data(line.utf8))
                }
            } catch {
                outcome.error = error
            }
            finished.signal()
        }
        finished.wait()
        return outcome.error
    }

    /// The server's error, handed from its task to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}
