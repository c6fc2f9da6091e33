import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `evalsheet serve` and `--version` as a user meets them: serve becomes the `evalsheet-serve` beside it, the token
/// kept off its command line; without that program it says what is missing.
@Suite struct ServeCommandTests {
    @Test func versionIsPrinted() throws {
        let run = try CommandLineTool.run(["--version"])
        #expect(run.status == 0 && run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test func badOptionsAndABusyPortAreOneLineErrors() throws {
        let port = try CommandLineTool.run(["serve", "--port", "70000"])
        #expect(port.status == 2 && port.stderr.contains("--port 必须在 0…65535 之间"), "LANG is zh_CN")
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try #require(withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } } == 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        listen(listener, 1)
        let busy = try CommandLineTool.run(["serve", "--port", String(UInt16(bigEndian: address.sin_port))])
        #expect(busy.status == 2)
        #expect(busy.stderr.hasPrefix("evalsheet: 无法在 127.0.0.1:") && busy.stderr.hasSuffix("请换一个 --port 或 --host\n"))
        #expect(busy.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func serveBecomesTheServerWithTheTokenOffItsCommandLine() async throws {
        let process = Process()
        process.executableURL = CommandLineTool.binary
        process.arguments = ["serve", "--port", "0", "--token", "s3cret-token", "--lang", "en"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        let port = try #require(text.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//).map { String($0.1) }, "\(text)")
        #expect(text.contains("(token required)"), "\(text)")
        let commandLine = try String(contentsOfFile: "/proc/\(process.processIdentifier)/cmdline", encoding: .utf8)
        #expect(commandLine.contains("evalsheet-serve"), "the same process became the server: \(commandLine)")
        #expect(!commandLine.contains("s3cret-token"), "the token is not on the command line: \(commandLine)")
        let server = TestServer(base: URL(string: "http://127.0.0.1:\(port)")!)
        #expect(try await server.get("/healthz").status == 200)
        #expect(try await server.post("/api/validate", parts: [try .fixture("tsv/000_e57ca213149e2c8b.txt")]).status == 401)
        #expect(try await server.post("/api/validate", parts: [try .fixture("tsv/000_e57ca213149e2c8b.txt")],
                                      headers: ["Authorization": "Bearer s3cret-token"]).status == 200)
    }

    @Test func withoutTheServerProgramBesideItServeSaysWhatIsMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalsheet-lonely-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lonely = folder.appendingPathComponent("evalsheet")
        try FileManager.default.copyItem(at: CommandLineTool.binary, to: lonely)
        let process = Process()
        process.executableURL = lonely
        process.arguments = ["serve", "--port", "0", "--lang", "en"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message == "evalsheet: the web server \(folder.path)/evalsheet-serve is missing; install evalsheet-serve beside evalsheet (make install)\n",
                "\(message)")
    }
}
