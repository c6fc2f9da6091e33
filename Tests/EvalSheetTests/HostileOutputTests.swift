import Foundation
import Testing
@testable import EvalSheet

/// Outputs that are not regular files (devices, FIFOs, links to standard output, the input itself) are never
/// renamed over: refused with exit 2, or written as a stream; checked on the real binary. (No test names /dev/stdout
/// itself: a regression would replace the machine's /dev/stdout.)
@Suite struct HostileOutputTests {
    let seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt").path

    private func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func aCharacterDeviceIsRefusedAndStaysADevice() throws {
        let device = TestFiles.temporaryDirectory().appendingPathComponent("null").path
        try #require(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, "tests run as root")
        let result = try MeasuredRun.run(["convert", seed, device, "--to", "json"])
        #expect(result.status == 2)
        #expect(result.stderr == "evalsheet: \(device): a character device, not a regular file; refused so it is never replaced (write to a file, or - for standard output)\n")
        #expect(kind(device) == S_IFCHR)
        #expect(result.seconds < 10 && result.peakMiB < 100)
    }

    @Test func aFIFOIsRefusedWithoutWaiting() throws {
        let fifo = TestFiles.temporaryDirectory().appendingPathComponent("pipe").path
        try #require(mkfifo(fifo, 0o644) == 0)
        let result = try MeasuredRun.run(["convert", seed, fifo, "--to", "xlsx"], timeout: 20)
        #expect(result.status == 2)
        #expect(result.stderr.contains("a FIFO (named pipe), not a regular file"))
        #expect(kind(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (fifo as NSString).deletingLastPathComponent) == ["pipe"], "no temporary file left")
        #expect(result.seconds < 10)
    }

    @Test("a link to standard output, or its name, is written as a stream", arguments: ["link", "/dev/fd/1", "/proc/self/fd/1"])
    func standardOutputIsAStream(_ name: String) throws {
        let dir = TestFiles.temporaryDirectory()
        var target = name
        if name == "link" {
            target = dir.appendingPathComponent("out1").path
            try #require(symlink("/proc/self/fd/1", target) == 0)
        }
        let captured = dir.appendingPathComponent("captured.json").path
        let result = try MeasuredRun.run(["convert", seed, target, "--to", "json"], stdoutPath: captured)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try TestFiles.readForm(URL(fileURLWithPath: captured)) == TestFiles.readForm(URL(fileURLWithPath: seed)))
        if name == "link" { #expect(kind(target) == S_IFLNK, "the link is still a link") }
    }

    @Test func aLinkToARegularFileReplacesTheFileAndKeepsTheLink() throws {
        let dir = TestFiles.temporaryDirectory()
        let file = dir.appendingPathComponent("real.json").path, link = dir.appendingPathComponent("link.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        try #require(symlink(file, link) == 0)
        #expect(try MeasuredRun.run(["convert", seed, link]).status == 0)
        #expect(kind(link) == S_IFLNK)
        #expect(try TestFiles.readForm(URL(fileURLWithPath: file)) == TestFiles.readForm(URL(fileURLWithPath: seed)))
    }

    @Test func aFolderIsRefused() throws {
        let dir = TestFiles.temporaryDirectory().appendingPathComponent("out.json")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let result = try MeasuredRun.run(["convert", seed, dir.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("out.json: a folder, not a regular file"))
    }

    @Test func convertingAFileOntoItselfIsRefused() throws {
        let dir = TestFiles.temporaryDirectory()
        let book = dir.appendingPathComponent("book.xlsx").path
        #expect(try MeasuredRun.run(["convert", seed, book]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: book))
        let result = try MeasuredRun.run(["convert", book, dir.appendingPathComponent("./book.xlsx").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is the input itself; write to another file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: book)) == before)
    }
}
