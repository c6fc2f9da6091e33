import Foundation
import Hummingbird

/// Reads a request's `multipart/form-data` body within the per-request and per-file limits (413 beyond).
struct Uploads: Sendable {
    let maxFileBytes: Int
    let maxRequestBytes: Int

    /// Every part of the body; a .zip may be as large as the request, its files are limited one by one when unpacked.
    func parts(of request: Request) async throws -> [Multipart.Part] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxRequestBytes { throw requestTooLarge }
        guard let boundary = request.headers[.contentType].flatMap(Multipart.boundary(ofContentType:)) else {
            throw ApiError(.unsupportedMediaType, "send the files as multipart/form-data (field \"file\")")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxRequestBytes)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw requestTooLarge
        }
        let parts = try Multipart.parts(of: Data(buffer.readableBytesView), boundary: boundary)
        if let large = parts.first(where: { $0.data.count > maxFileBytes && $0.filename?.lowercased().hasSuffix(".zip") != true }) {
            throw ApiError(.contentTooLarge, "\(large.filename ?? large.field): larger than \(megabytes(maxFileBytes)) MB, the limit for one file")
        }
        return parts
    }

    /// The files sent in `field`.
    static func files(_ parts: [Multipart.Part], field: String) -> [Upload] {
        parts.filter { $0.field == field && $0.filename != nil }.map { Upload(clientName: $0.filename!, data: $0.data) }
    }

    /// The one file in `field`, or 400.
    static func file(_ parts: [Multipart.Part], field: String) throws -> Upload {
        guard let upload = files(parts, field: field).first else { throw ApiError(.badRequest, "no file in the field \"\(field)\"") }
        return upload
    }

    private var requestTooLarge: ApiError {
        ApiError(.contentTooLarge, "the upload is larger than \(megabytes(maxRequestBytes)) MB, the limit for one request; send fewer files at once")
    }

    private func megabytes(_ bytes: Int) -> Int { bytes / 1_000_000 }
}
