import Foundation
import Hummingbird

/// Writes one line per request to standard error: time, method, path, status, response size, duration; never file contents.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now()
        var status = 500
        var size = "-"
        defer {
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
            let line = "\(Date().ISO8601Format()) \(request.method) \(request.uri.path) \(status) \(size) \(String(format: "%.1f", milliseconds))ms\n"
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
