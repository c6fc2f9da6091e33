import Testing
@testable import EvalSheet

/// `evalsheet serve` hands its checked options to `evalsheet-serve` as arguments and the token in the environment.
struct ServerOptionsTests {
    @Test func theOptionsComeBackFromTheirArguments() throws {
        var options = ServerOptions()
        options.host = "0.0.0.0"
        options.port = 0
        options.maxFileBytes = 3_000_000
        options.maxRequestBytes = 9_000_000
        options.jobs = 5
        options.timeLimit = 2.5
        options.language = .zh
        options.token = "s3cret"
        let back = try #require(ServerOptions(arguments: options.arguments, environment: [ServerOptions.tokenVariable: "s3cret"]))
        #expect(back == options)
        #expect(!options.arguments.contains("s3cret"), "the token stays out of the arguments, which ps shows")
    }

    @Test func anEmptyTokenIsNoToken() throws {
        let options = try #require(ServerOptions(arguments: ["--port", "1"], environment: [ServerOptions.tokenVariable: ""]))
        #expect(options.token == nil && options.port == 1 && options.host == "127.0.0.1")
    }

    @Test func anythingElseIsRefused() {
        for arguments in [["--port"], ["--port", "eighty"], ["--lang", "fr"], ["--verbose", "1"], ["--time-limit", "soon"]] {
            #expect(ServerOptions(arguments: arguments, environment: [:]) == nil, "\(arguments)")
        }
    }
}
