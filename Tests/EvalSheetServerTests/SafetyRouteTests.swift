import Foundation
import Testing

/// Hostile files, size limits, the token and the time limit.
@Suite struct SafetyRouteTests {
    @Test func everyHostileFixtureIsRefusedWithTheCommandLinesMessage() async throws {
        let server = try await TestServer.start()
        let folder = TestServer.root.appendingPathComponent("Fixtures/bad")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".py") }.sorted()
        #expect(names.count >= 20)
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("evalsheet-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        for name in names {
            let to = name.hasSuffix(".json") ? "xlsx" : "json"
            let reply = try await server.post("/api/convert?to=\(to)", parts: [try .fixture("bad/" + name)])
            let output = outputs.appendingPathComponent((name as NSString).deletingPathExtension + "." + to)
            let cli = try CommandLineTool.run(["convert", name, output.path], in: folder)
            if name == "dimension-million-rows.xlsx" {
                #expect(reply.status == 200 && cli.stderr.isEmpty, "a lying dimension is ignored and the form reads")
                continue
            }
            #expect((400...499).contains(reply.status), "\(name): \(reply.status)")
            let message = cli.stderr.split(separator: "\n").last.map { String($0.dropFirst("evalsheet: ".count)) }?
                .replacingOccurrences(of: outputs.path + "/", with: "")
            #expect(reply.json["error"] as? String == message, "\(name)")
            #expect(try await server.get("/healthz").status == 200)
        }
    }

    @Test func filesAndRequestsAboveTheLimitsAre413() async throws {
        let server = try await TestServer.start { $0.maxFileBytes = 10_000; $0.maxRequestBytes = 30_000 }
        let big = TestServer.Part(filename: "big.json", data: Data(repeating: 32, count: 10_001))
        let file = try await server.post("/api/convert", parts: [big])
        #expect(file.status == 413)
        #expect(file.json["error"] as? String == "big.json: larger than 0 MB, the limit for one file" || file.text.contains("big.json"))
        let small = TestServer.Part(filename: "s.json", data: Data(repeating: 32, count: 9_000))
        #expect(try await server.post("/api/batch", parts: [small, small, small, small]).status == 413)
        #expect(try await server.get("/healthz").status == 200)
    }

    @Test func tokenIsNeededAsBearerOrLoginCookie() async throws {
        let server = try await TestServer.start { $0.token = "s3cret" }
        let seed = try TestServer.Part.fixture("tsv/000_e57ca213149e2c8b.txt")
        #expect(try await server.post("/api/validate", parts: [seed]).status == 401)
        #expect(try await server.post("/api/validate", parts: [seed], headers: ["Authorization": "Bearer wrong"]).status == 401)
        #expect(try await server.post("/api/validate", parts: [seed], headers: ["Authorization": "Bearer s3cret"]).status == 200)
        #expect(try await server.post("/api/login", parts: [], fields: ["token": "nope"]).status == 401)
        let login = try await server.post("/api/login", parts: [], fields: ["token": "s3cret"])
        #expect(login.status == 204)
        let cookie = try #require(login.header("Set-Cookie"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let pair = String(cookie.split(separator: ";")[0])
        #expect(try await server.post("/api/validate", parts: [seed], headers: ["Cookie": pair]).status == 200)
        #expect(try await server.get("/healthz").status == 200)
        #expect(try await server.get("/").status == 200)
    }

    @Test func aBodyThatIsNotMultipartIs415AndUnknownOptionsAre400() async throws {
        let server = try await TestServer.start()
        let raw = try await server.send("/api/convert", method: "POST", body: Data("x".utf8), headers: ["Content-Type": "application/json"])
        #expect(raw.status == 415)
        let seed = try TestServer.Part.fixture("tsv/000_e57ca213149e2c8b.txt")
        #expect(try await server.post("/api/convert?to=pdf", parts: [seed]).json["error"] as? String == "未知格式\u{201C}pdf\u{201D}；请使用 tsv, csv, json, xlsx 之一")
        #expect(try await server.post("/api/convert?mode=strange", parts: [seed]).status == 400)
        #expect(try await server.post("/api/convert", parts: [.init(filename: "form.doc", data: Data("x".utf8))]).status == 400)
    }
}
