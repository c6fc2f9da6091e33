import Foundation
import Hummingbird

/// With a token configured, every API route but `/api/login` and `/api/layouts` needs `Authorization: Bearer TOKEN` or the login cookie;
/// the page, its assets and `/healthz` stay open.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    static var cookieName: String { "evalsheet_token" }
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/api/"), path != "/api/login", path != "/api/layouts" else { return try await next(request, context) }
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let cookie = request.cookies[Self.cookieName]?.value
        guard [bearer, cookie].contains(where: { $0.map { Self.equal($0, token) } ?? false }) else {
            throw ApiError(.unauthorized, "this server needs a token: log in on the page or send Authorization: Bearer TOKEN")
        }
        return try await next(request, context)
    }

    /// Compares in time independent of where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
