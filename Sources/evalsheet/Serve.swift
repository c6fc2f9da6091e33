import ArgumentParser
import EvalSheet
import Foundation

/// `evalsheet serve`: the web page for clerks and its API, on Hummingbird.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web page where clerks drop forms, read the findings and download the results.",
        discussion: """
        Binds 127.0.0.1 unless told otherwise. With --token (or EVALSHEET_TOKEN) the API needs the token, as a bearer token or through the page's login.
        Logs one line per request to standard error.

        Examples:
          evalsheet serve
          EVALSHEET_TOKEN=s3cret evalsheet serve --host 0.0.0.0 --port 8080
        """
    )

    @OptionGroup var messages: LanguageOption

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Option(help: "Largest single file, in MB (also inside a zip).") var maxFileMb = 20
    @Option(help: "Largest request, in MB.") var maxRequestMb = 200
    @Option(help: "Conversions at once; more wait in a queue (default: the number of cores).") var jobs = Cores.available
    @Option(help: "Longest a request may wait for and run its conversion, in seconds.") var timeLimit: Double = 60
    @Option(help: "Require this token for the API (default: the EVALSHEET_TOKEN environment variable, if set).") var token: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(CommandLanguage.text("--port must be 0…65535", zh: "--port 必须在 0…65535 之间")) }
        guard maxFileMb >= 1, maxRequestMb >= maxFileMb else { throw ValidationError(CommandLanguage.text("--max-file-mb must be at least 1 and at most --max-request-mb",
                                                                                             zh: "--max-file-mb 至少为 1，且不超过 --max-request-mb")) }
        guard jobs >= 1, timeLimit > 0 else { throw ValidationError(CommandLanguage.text("--jobs must be at least 1 and --time-limit above 0", zh: "--jobs 至少为 1，--time-limit 须大于 0")) }
    }

    func run() throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.maxFileBytes = maxFileMb * 1_000_000
        options.maxRequestBytes = maxRequestMb * 1_000_000
        options.jobs = jobs
        options.timeLimit = timeLimit
        options.language = CommandLanguage.current
        let program = Self.serverProgram
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw EvalSheetError(.usage, "the web server \(program) is missing; install evalsheet-serve beside evalsheet (make install)",
                                 zh: "缺少网页服务程序 \(program)；请把 evalsheet-serve 安装在 evalsheet 旁边（make install）")
        }
        // the server reads the token from the environment it inherits (EVALSHEET_TOKEN, an empty one meaning none)
        if let token { setenv(ServerOptions.tokenVariable, token, 1) }
        let arguments = [program] + options.arguments
        var pointers = arguments.map { strdup($0) } + [nil]
        execv(program, &pointers)
        throw EvalSheetError(.usage, "cannot start \(program): \(String(cString: strerror(errno)))", zh: "无法启动 \(program)：\(String(cString: strerror(errno)))")
    }

    /// `evalsheet-serve` in the folder this program runs from (without /proc, the folder it was started from, else
    /// the first on PATH).
    private static var serverProgram: String {
        let name = "evalsheet-serve"
        let started = CommandLine.arguments[0]
        if let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? (started.contains("/") ? started : nil) {
            return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
        }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? name
    }
}
