import EvalSheet
import EvalSheetServer
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real server on an ephemeral loopback port, and a small client for it.
struct TestServer: Sendable {
    let base: URL

    /// The repository's root, for fixtures and docs.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Starts a server with `options` (port 0) and waits until it listens; it serves until the test process ends.
    static func start(_ configure: (inout ServerOptions) -> Void = { _ in }) async throws -> TestServer {
        var options = ServerOptions()
        options.port = 0
        configure(&options)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let chosen = options
        Task { try await EvalSheetServer.run(chosen) { continuation.yield($0) } }
        for await port in ports { return TestServer(base: URL(string: "http://127.0.0.1:\(port)")!) }
        throw URLError(.cannotConnectToHost)
    }

    /// One response: status, headers, body.
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    /// A file part of a multipart upload.
    struct Part {
        var field = "file"
        let filename: String
        let data: Data

        static func fixture(_ path: String, as filename: String? = nil, field: String = "file") throws -> Part {
            let url = TestServer.root.appendingPathComponent("Fixtures").appendingPathComponent(path)
            return Part(field: field, filename: filename ?? url.lastPathComponent, data: try Data(contentsOf: url))
        }
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Reply {
        try await send(path, method: "GET", body: nil, headers: headers)
    }

    /// POSTs `parts` as multipart/form-data, plus plain `fields`.
    func post(_ path: String, parts: [Part], fields: [String: String] = [:], headers: [String: String] = [:]) async throws -> Reply {
        let boundary = "evalsheet-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for part in parts {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.field)\"; filename=\"\(part.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(part.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var all = headers
        all["Content-Type"] = "multipart/form-data; boundary=\(boundary)"
        return try await send(path, method: "POST", body: body, headers: all)
    }

    func send(_ path: String, method: String, body: Data?, headers: [String: String]) async throws -> Reply {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        let fields = Dictionary(http.allHeaderFields.map { ("\($0.key)", "\($0.value)") }, uniquingKeysWith: { a, _ in a })
        return Reply(status: http.statusCode, headers: fields, body: data)
    }
}

/// The real `evalsheet` binary, for comparing the server's messages with the command line's.
enum CommandLineTool {
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("evalsheet")
        return FileManager.default.isExecutableFile(atPath: beside.path) ? beside : TestServer.root.appendingPathComponent(".build/debug/evalsheet")
    }

    /// Runs `evalsheet arguments` in `folder`; its stdout, stderr and exit status.
    static func run(_ arguments: [String], in folder: URL = TestServer.root) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ["LANG": "zh_CN.UTF-8"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self), process.terminationStatus)
    }
}
