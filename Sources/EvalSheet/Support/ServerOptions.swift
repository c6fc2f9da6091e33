import Foundation

/// How the web server listens and what it accepts. `evalsheet serve` hands them to the `evalsheet-serve` program as
/// arguments (the token in the environment, out of `ps`), so the command line tool links no web server.
public struct ServerOptions: Sendable, Equatable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (tests).
    public var port = 8080
    /// Largest single file, also inside a zip.
    public var maxFileBytes = 20_000_000
    /// Largest request body, and largest total a zip may inflate to.
    public var maxRequestBytes = 200_000_000
    /// Conversions running at once; more wait in a queue.
    public var jobs = Cores.available
    /// Longest a request may wait for and run its conversion, in seconds.
    public var timeLimit: Double = 60
    /// When set, the API requires `Authorization: Bearer TOKEN` or the login cookie.
    public var token: String?
    /// The language of what the server writes to standard error when it starts or cannot.
    public var language = Language.en

    public init() {}

    /// The environment variable that carries the token.
    public static let tokenVariable = "EVALSHEET_TOKEN"

    /// The options as `evalsheet-serve` takes them, the token aside.
    public var arguments: [String] {
        ["--host", host, "--port", String(port), "--max-file-bytes", String(maxFileBytes), "--max-request-bytes", String(maxRequestBytes),
         "--jobs", String(jobs), "--time-limit", String(timeLimit), "--lang", language.rawValue]
    }

    /// The options from `arguments` as `arguments` writes them and the token from `environment`; nil when an
    /// argument is unknown or its value is not what it must be.
    public init?(arguments: [String], environment: [String: String]) {
        guard arguments.count.isMultiple(of: 2) else { return nil }
        for index in stride(from: 0, to: arguments.count, by: 2) {
            let value = arguments[index + 1]
            switch arguments[index] {
            case "--host": host = value
            case "--port": guard let port = Int(value) else { return nil }; self.port = port
            case "--max-file-bytes": guard let bytes = Int(value) else { return nil }; maxFileBytes = bytes
            case "--max-request-bytes": guard let bytes = Int(value) else { return nil }; maxRequestBytes = bytes
            case "--jobs": guard let jobs = Int(value) else { return nil }; self.jobs = jobs
            case "--time-limit": guard let seconds = Double(value) else { return nil }; timeLimit = seconds
            case "--lang": guard let language = Language(rawValue: value) else { return nil }; self.language = language
            default: return nil
            }
        }
        token = environment[Self.tokenVariable].flatMap { $0.isEmpty ? nil : $0 }
    }
}
