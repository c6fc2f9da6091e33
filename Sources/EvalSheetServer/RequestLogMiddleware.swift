import Foundation
import Hummingbird

/// Writes one line per request to standard error: time, client, method, path, status, response size, duration; never file contents.
struct RequestLogMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now()
        var status = 500
        var size = "-"
        defer {
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
            let line = "\(Date().ISO8601Format()) \(context.clientAddress) \(request.method) \(request.uri.path) \(status) \(size) \(String(format: "%.1f", milliseconds))ms\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            size = response.body.contentLength.map(String.init) ?? "-"
            return response
        } catch let error as HTTPResponseError {
            status = error.status.code
            throw error
        }
    }
}
