import Foundation
import Testing

/// `evalsheet serve` and `--version` as a user meets them.
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
}
