import Foundation
import Hummingbird

/// A refusal sent to the client as `{"error": "message"}` with its status.
struct ApiError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The status for a library failure: 422 for a file that is not a valid form, 400 for anything unreadable.
    init(_ failure: FormService.Failure) {
        self.init(failure.invalidForm ? .unprocessableContent : .badRequest, failure.message)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try JSONSerialization.data(withJSONObject: ["error": message], options: [.withoutEscapingSlashes])
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
