import Foundation
import Hummingbird

/// The API and the page: what each route reads and answers (described in docs/openapi.json).
struct Routes: Sendable {
    /// Every route as method and path, as docs/openapi.json lists them (the page's assets aside).
    static let table: [(method: String, path: String)] = [
        ("GET", "/healthz"), ("GET", "/api/layouts"), ("POST", "/api/login"), ("POST", "/api/convert"),
        ("POST", "/api/validate"), ("POST", "/api/annotate"), ("POST", "/api/template"), ("POST", "/api/batch"),
    ]

    let uploads: Uploads
    let pool: ConversionPool
    let token: String?

    func register(on router: Router<ServerContext>) {
        for path in Assets.files.keys { router.get(RouterPath(path)) { _, _ in Assets.response(path) } }
        router.get("/healthz") { _, _ in json(["status": "ok"]) }
        router.get("/api/layouts") { _, _ in json(FormService.layouts().map { ["id": $0.id, "name": $0.name] }) }
        router.post("/api/login") { request, _ in try await login(request) }
        router.post("/api/convert") { request, _ in try await convert(request) }
        router.post("/api/validate") { request, _ in try await validate(request) }
        router.post("/api/annotate") { request, _ in try await annotate(request) }
        router.post("/api/template") { request, _ in try await template(request) }
        router.post("/api/batch") { request, _ in try await batch(request) }
    }

    private func convert(_ request: Request) async throws -> Response {
        let parts = try await uploads.parts(of: request)
        let file = try Uploads.file(parts, field: "file"), baselines = Uploads.files(parts, field: "baseline")
        let query = Query(request)
        let output = try await run { try FormService.convert(file, to: query["to"] ?? "json", encoding: query["encoding"],
                                                             options: query.choice, baselines: baselines) }
        return Download.response(output.data, name: output.name, contentType: output.contentType)
    }

    private func validate(_ request: Request) async throws -> Response {
        let parts = try await uploads.parts(of: request)
        let file = try Uploads.file(parts, field: "file"), baselines = Uploads.files(parts, field: "baseline")
        let choice = Query(request).choice
        let report = try await run { try FormService.validate(file, options: choice, baselines: baselines) }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: report)))
    }

    private func annotate(_ request: Request) async throws -> Response {
        let parts = try await uploads.parts(of: request)
        let file = try Uploads.file(parts, field: "file"), baselines = Uploads.files(parts, field: "baseline")
        let choice = Query(request).choice
        let output = try await run { try FormService.annotate(file, options: choice, baselines: baselines) }
        return Download.response(output.data, name: output.name, contentType: output.contentType)
    }

    private func template(_ request: Request) async throws -> Response {
        let source = request.headers[.contentType] == nil ? nil : Uploads.files(try await uploads.parts(of: request), field: "file").first
        let query = Query(request)
        let output = try await run { try FormService.template(from: source, format: query["to"] ?? "xlsx", layout: query["layout"]) }
        return Download.response(output.data, name: output.name, contentType: output.contentType)
    }

    private func batch(_ request: Request) async throws -> Response {
        let files = Uploads.files(try await uploads.parts(of: request), field: "file")
        guard !files.isEmpty else { throw ApiError(.badRequest, "no file in the field \"file\"") }
        let query = Query(request)
        let limits = uploads
        let zip = try await pool.run { try BatchArchive.convert(files, to: query["to"] ?? "json", options: query.choice, limits: limits) }
        return Download.response(zip, name: "evalsheet-batch.zip", contentType: "application/zip")
    }

    /// Sets the login cookie when the form field `token` matches; 401 otherwise.
    private func login(_ request: Request) async throws -> Response {
        let parts = try await uploads.parts(of: request)
        let given = parts.first { $0.field == "token" }.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        guard let token, TokenMiddleware<ServerContext>.equal(given, token) else {
            throw ApiError(.unauthorized, token == nil ? "this server needs no token" : "wrong token")
        }
        var response = Response(status: .noContent)
        response.setCookie(Cookie(name: TokenMiddleware<ServerContext>.cookieName, value: token, path: "/", secure: false,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    /// Runs library work in the pool, its failures answered with the command line's message.
    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.run {
            do { return try work() } catch let failure as FormService.Failure { throw ApiError(failure) }
        }
    }

    private func json(_ object: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The query string's parameters.
private struct Query: Sendable {
    let values: [String: String]

    init(_ request: Request) {
        values = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(_ key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }

    var choice: CheckChoice { CheckChoice(mode: self["mode"], lang: self["lang"], layout: self["layout"]) }
}
