import Foundation
@testable import EvalSheet

/// Runs the real binary as a child and measures that child alone: exit status, seconds, peak memory.
enum MeasuredRun {
    struct Result {
        let status: Int32
        /// The signal that ended the child (nil when it exited).
        let signal: Int32?
        let stdout: String
        let stderr: String
        let seconds: Double
        /// Peak anonymous resident memory of the child (heap and stacks, not the binary's pages), in MiB.
        let peakMiB: Double
    }

    /// Peak memory of the binary refusing a one-line file: what the runtime costs before any input, so bounds that
    /// grow with the input can leave it out.
    static let baselineMiB: Double = {
        let file = TestFiles.temporaryDirectory().appendingPathComponent("one-line.txt")
        try? Data("x\n".utf8).write(to: file)
        return (try? run(["convert", file.path, "-"]).peakMiB) ?? 0
    }()

    /// The child's own memory now (RssAnon: its heap and stacks), sampled every 2 ms for the peak. Not wait4's
    /// ru_maxrss, which after posix_spawn starts from the spawning test process's; not VmHWM, which also counts the
    /// pages of the (debug, 200 MB) binary mapped in, and those vary with what the page cache holds (a binary just
    /// linked maps tens of MB more), so a bound on it fails now and then for nothing the input did.
    private static func highWaterKiB(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Runs `evalsheet arguments`, stdin from `stdinPath` (else /dev/null), stdout to `stdoutPath` (else a temporary
    /// file); sends SIGINT after `interruptAfter` seconds (the child starts with no signal blocked or ignored) and
    /// SIGKILL after `timeout`.
    static func run(_ arguments: [String], stdinPath: String = "/dev/null", stdoutPath: String? = nil,
                    interruptAfter: Double? = nil, timeout: Double = 60, launcher: [String] = []) throws -> Result {
        try run(bytes: arguments.map { Array($0.utf8) }, stdinPath: stdinPath, stdoutPath: stdoutPath,
                interruptAfter: interruptAfter, timeout: timeout, launcher: launcher)
    }

    /// Runs the binary as user nobody, for whom permissions hold, unlike for root.
    static let asNobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    /// Runs the binary with files limited to 8 KiB, as a full disk would stop it.
    static let withSmallFiles = ["/usr/bin/prlimit", "--fsize=8192"]

    /// The same with arguments as bytes (a file name that is not UTF-8), started through `launcher` when given.
    static func run(bytes arguments: [[UInt8]], stdinPath: String = "/dev/null", stdoutPath: String? = nil,
                    interruptAfter: Double? = nil, timeout: Double = 60, launcher: [String] = []) throws -> Result {
        var evalsheet = CLITests.binary.path
        if !FileManager.default.isExecutableFile(atPath: evalsheet) { evalsheet = TestFiles.root.appendingPathComponent(".build/debug/evalsheet").path }
        let binary = launcher.first ?? evalsheet
        let scratch = TestFiles.temporaryDirectory()
        let outPath = stdoutPath ?? scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ((launcher + [evalsheet]).map { Array($0.utf8) } + arguments).map { bytes in
            (bytes + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { strdup($0.baseAddress!) } }
        } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, binary, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw EvalSheetError(.unreadable, "cannot start \(binary): \(String(cString: strerror(spawned)))", zh: "无法启动 \(binary)") }
        var status: Int32 = 0
        var usage = rusage()
        var interrupted = false
        var peakKiB = 0
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            peakKiB = max(peakKiB, highWaterKiB(pid))
            let elapsed = Date().timeIntervalSince(started)
            if let interruptAfter, !interrupted, elapsed >= interruptAfter { kill(pid, SIGINT); interrupted = true }
            if elapsed > timeout { kill(pid, SIGKILL) }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(started)
        let signalled = status & 0x7F
        let read = { (path: String) in String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self) }
        return Result(status: signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled, signal: signalled == 0 ? nil : signalled,
                      stdout: stdoutPath == nil ? read(outPath) : "", stderr: read(errPath),
                      seconds: seconds, peakMiB: Double(peakKiB) / 1024)
    }
}
