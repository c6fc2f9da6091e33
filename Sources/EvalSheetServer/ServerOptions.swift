import Foundation
import EvalSheet

/// How the server listens and what it accepts.
public struct ServerOptions: Sendable {
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

    public init() {}
}
