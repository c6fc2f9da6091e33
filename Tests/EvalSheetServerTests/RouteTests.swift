import Foundation
import Testing
import EvalSheet
@testable import EvalSheetServer

/// The routes the server answers, the OpenAPI document that describes them, the page and its headers.
@Suite struct RouteTests {
    @Test func routesAndOpenAPIDocumentAgree() async throws {
        let data = try Data(contentsOf: TestServer.root.appendingPathComponent("docs/openapi.json"))
        let paths = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let served = Set(Routes.table.map { "\($0.method) \($0.path)" })
        #expect(documented == served)
        let server = try await TestServer.start()
        for route in Routes.table {
            let reply = route.method == "GET" ? try await server.get(route.path) : try await server.post(route.path, parts: [])
            #expect(reply.status != 404 && reply.status != 405, "\(route.method) \(route.path) answered \(reply.status)")
        }
        #expect(try await server.get("/api/nothing-here").status == 404)
    }

    @Test func healthAndLayouts() async throws {
        let server = try await TestServer.start()
        #expect(try await server.get("/healthz").json["status"] as? String == "ok")
        let layouts = try JSONSerialization.jsonObject(with: try await server.get("/api/layouts").body) as? [[String: String]]
        #expect(layouts?.map { $0["id"] } == (try Layouts.all()).map(\.id), "every layout of the library, as evalsheet layouts lists them")
        #expect(layouts?.contains { $0["id"] == "shenzhen" && $0["name"]?.isEmpty == false } == true)
        #expect(layouts?.count == FormService.layouts().count)
    }

    @Test func pageIsServedWithSecurityHeadersAndNoInlineScript() async throws {
        let server = try await TestServer.start()
        let page = try await server.get("/")
        #expect(page.status == 200)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(page.text.contains("<script src=\"app.js\""))
        #expect(!page.text.contains("<script>") && !page.text.contains(" onclick="))
        for reply in [page, try await server.get("/app.js"), try await server.post("/api/convert", parts: [])] {
            #expect(reply.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
            #expect(reply.header("Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
        }
    }

    @Test func contentDispositionKeepsChineseNames() {
        let header = Download.contentDisposition("2023-党建 事务.xlsx")
        #expect(header == "attachment; filename=\"2023-__ __.xlsx\"; filename*=UTF-8''2023-%E5%85%9A%E5%BB%BA%20%E4%BA%8B%E5%8A%A1.xlsx")
    }

    @Test func multipartKeepsQuotedSemicolonsAndBinaryBodies() throws {
        let bytes = Data([0, 13, 10, 45, 45, 255])
        var body = Data("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a;b.xlsx\"\r\n\r\n".utf8)
        body.append(bytes)
        body.append(Data("\r\n--B--\r\n".utf8))
        let parts = try Multipart.parts(of: body, boundary: "B")
        #expect(parts.count == 1)
        #expect(parts[0].filename == "a;b.xlsx" && parts[0].data == bytes)
        #expect(Multipart.boundary(ofContentType: "multipart/form-data; boundary=\"x y\"") == "x y")
        #expect(throws: ApiError.self) { try Multipart.parts(of: Data("--B\r\nno end".utf8), boundary: "B") }
    }

    @Test func uploadNamesAreNeverPaths() {
        #expect(Upload(clientName: "../../etc/passwd.json", data: Data()).name == "passwd.json")
        #expect(Upload(clientName: "C:\\Users\\clerk\\表.xlsx", data: Data()).name == "表.xlsx")
        #expect(Upload(clientName: "..", data: Data()).name == "upload")
    }
}

/// Bodies that are not what they claim are refused without disturbing the server.
@Suite struct MalformedBodyTests {
    @Test func emptyAndTruncatedMultipartBodiesAre400() async throws {
        let server = try await TestServer.start()
        for body in ["", "--x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n{}"] {
            let reply = try await server.send("/api/convert", method: "POST", body: Data(body.utf8),
                                              headers: ["Content-Type": "multipart/form-data; boundary=x"])
            #expect(reply.status == 400 && reply.json["error"] as? String == "the upload is not well-formed multipart/form-data")
        }
        #expect(try await server.get("/healthz").status == 200)
    }

    @Test func randomBodiesNeverCrashTheParser() {
        let pieces = ["--B", "--B--", "\r\n", "\r\n\r\n", "Content-Disposition: form-data; name=\"file\"; filename=\"a;\\\"b.xlsx\"", "name=", "\"", ";", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var body = Data()
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                if Bool.random(using: &generator) {
                    body.append(Data(pieces.randomElement(using: &generator)!.utf8))
                } else {
                    body.append(contentsOf: (0..<Int.random(in: 0...8, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
                }
            }
            do {
                for part in try Multipart.parts(of: body, boundary: "B") { #expect(part.data.count <= body.count) }
            } catch {
                #expect(error is ApiError)
            }
        }
    }
}
