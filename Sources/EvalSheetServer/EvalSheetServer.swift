import EvalSheet
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The `evalsheet serve` web server: the page for clerks and the API it uses.
public enum EvalSheetServer {
    /// Serves until interrupted; `onRunning` gets the bound port.
    public static func run(_ options: ServerOptions, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(options, onRunning: onRunning).runService()
    }

    /// The application for `options`.
    static func application(_ options: ServerOptions, onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router(context: ServerContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        if let token = options.token { router.add(middleware: TokenMiddleware(token: token)) }
        Routes(uploads: Uploads(maxFileBytes: options.maxFileBytes, maxRequestBytes: options.maxRequestBytes),
               pool: ConversionPool(limit: options.jobs, timeLimit: options.timeLimit), token: options.token).register(on: router)
        var logger = Logger(label: "evalsheet")
        logger.logLevel = .warning
        return Application(router: router, configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
                           onServerRunning: { await onRunning($0.localAddress?.port ?? options.port) }, logger: logger)
    }
}
