import Foundation
import Testing
@testable import EvalSheet

/// `batch` on messy trees, on the real binary: every name converted or reported, loops ended, the report always
/// written, one batch per output folder, no output overwritten, the input never the output.
@Suite struct HostileBatchTests {
    let seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt")

    private func tree(_ files: [String]) throws -> URL {
        let root = TestFiles.temporaryDirectory().appendingPathComponent("in")
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: seed, to: url)
        }
        return root
    }

    private func report(_ folder: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as! [String: Any]
    }

    private func files(_ report: [String: Any]) -> [[String: Any]] { report["files"] as! [[String: Any]] }

    @Test func linkLoopsAndLinksOutOfTheTreeAreReportedNotFollowed() throws {
        let input = try tree(["d/a.txt"])
        try #require(symlink("..", input.appendingPathComponent("d/up").path) == 0)
        try #require(symlink("../d", input.appendingPathComponent("d/self").path) == 0)
        try #require(symlink("/etc", input.appendingPathComponent("etc").path) == 0)
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let result = try MeasuredRun.run(["batch", input.path, output.path, "--to", "json"], timeout: 30)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.seconds < 10 && result.peakMiB < 100)
        let entries = files(try report(output))
        #expect(entries.map { $0["file"] as! String } == ["d/a.txt", "d/self", "d/up", "etc"])
        #expect(entries.filter { $0["status"] as? String == "skipped" }.count == 3)
        #expect((entries[2]["error"] as? String)?.contains("a link to a folder already read (a loop, or a second way in); not followed") == true)
        #expect((entries[3]["error"] as? String)?.contains("outside the input folder; not followed") == true)
        #expect(FileManager.default.subpaths(atPath: output.path)?.filter { $0.hasSuffix(".json") }.sorted() == ["d/a.json", "report.json"])
    }

    @Test func aNameThatIsNotUTF8IsConvertedAndShownLegibly() throws {
        let input = try tree([])
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let gbk: [UInt8] = [0xB5, 0xB3, 0xBD, 0xA8] + Array(".txt".utf8)  // 党建.txt in GBK
        let path = Array(input.path.utf8) + [UInt8(ascii: "/")] + gbk
        let data = try Data(contentsOf: seed)
        let descriptor = (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        try #require(descriptor >= 0)
        _ = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let result = try MeasuredRun.run(["batch", input.path, output.path, "--to", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let entry = files(try report(output))[0]
        #expect(entry["file"] as? String == "党建.txt")
        #expect(entry["output"] as? String == "党建.json")
        #expect((entry["notes"] as? [String])?.first?.contains("not UTF-8") == true)
        #expect(try TestFiles.readForm(output.appendingPathComponent("党建.json")) == TestFiles.readForm(seed))

        let single = input.deletingLastPathComponent().appendingPathComponent("single.json").path
        let converted = try MeasuredRun.run(bytes: [Array("convert".utf8), path, Array(single.utf8)])
        #expect(converted.status == 0, "\(converted.stderr)")
        let missing = try MeasuredRun.run(bytes: [Array("convert".utf8), Array(input.path.utf8) + [0x2F, 0xB5, 0xB3, 0x2E, 0x74, 0x78, 0x74], Array(single.utf8)])
        #expect(missing.status == 2)
    }

    @Test func anUnreadableFolderIsReportedAndTheBatchGoesOn() throws {
        let input = try tree(["a.txt", "locked/b.txt"])
        let top = input.deletingLastPathComponent()
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: top.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: input.appendingPathComponent("locked").path)
        let output = top.appendingPathComponent("out")
        let result = try MeasuredRun.run(["batch", input.path, output.path, "--to", "json"], launcher: MeasuredRun.asNobody)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        let entries = files(try report(output))
        #expect(entries.map { $0["status"] as! String } == ["ok", "failed"])
        #expect(entries[1]["file"] as? String == "locked")
        #expect(entries[1]["error"] as? String == "cannot read this folder (Permission denied); check its permissions")
    }

    @Test func anInterruptedBatchStillWritesItsReportMarkedInterrupted() throws {
        let input = try tree((0..<2000).map { "f\($0).txt" })
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let result = try MeasuredRun.run(["batch", input.path, output.path, "--to", "xlsx", "--jobs", "1"], interruptAfter: 0.4)
        #expect(result.status == 130)
        #expect(result.stderr.contains("evalsheet: interrupted: "))
        let report = try report(output)
        #expect(report["interrupted"] as? Bool == true)
        let done = files(report)
        #expect(!done.isEmpty && done.count < 2000)
        for entry in done { #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(entry["output"] as! String).path)) }
        let csv = try String(contentsOf: output.appendingPathComponent("report.csv"), encoding: .utf8)
        #expect(csv.hasSuffix(",,,interrupted,,interrupted: the files above were done; run the batch again for the rest,,\r\n"))
    }

    /// A name with a line break (`\r\n` is one Character, equal to neither `\r` nor `\n`), a comma or a formula stays
    /// one field of report.csv: quoted, its quotes doubled, a leading = + - @ neutralised.
    @Test func reportFieldsWithBreaksCommasAndFormulasStayOneField() throws {
        #expect(BatchReport.field("a\r\nb.txt") == "\"a\r\nb.txt\"")
        #expect(BatchReport.field("a\nb") == "\"a\nb\"" && BatchReport.field("a,b") == "\"a,b\"")
        #expect(BatchReport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(BatchReport.field("=1+2") == "'=1+2" && BatchReport.field("@SUM(A1)") == "'@SUM(A1)" && BatchReport.field("-2") == "'-2")
        #expect(BatchReport.field("=\u{301}x") == "'=\u{301}x", "a combining mark after = still starts a formula")
        #expect(BatchReport.field("项目, 一") == "\"项目, 一\"" && BatchReport.field("项目支出") == "项目支出")
        let input = try tree(["a\r\nb.txt", "c.txt"])
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let result = try MeasuredRun.run(["batch", input.path, output.path, "--to", "json"])
        #expect(result.status == 0)
        let csv = try String(contentsOf: output.appendingPathComponent("report.csv"), encoding: .utf8)
        #expect(csv.contains("\r\n\"a\r\nb.txt\",,\"a\r\nb.json\",ok,"), "\(csv)")
        #expect(csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("c.txt,") }.count == 1)
    }

    @Test func aSecondBatchIntoTheSameFolderIsRefused() throws {
        let input = try tree(["a.txt"])
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let held = open(output.appendingPathComponent(".evalsheet-batch.lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(held) }
        try #require(flock(held, LOCK_EX | LOCK_NB) == 0)
        let result = try MeasuredRun.run(["batch", input.path, output.path, "--to", "json"])
        #expect(result.status == 2)
        #expect(result.stderr == "evalsheet: \(output.path): another batch is writing into this folder; wait for it to finish or choose another folder\n")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("report.json").path))
    }

    @Test func collidingOutputNamesAreMadeUniqueAndSaid() throws {
        let input = try tree(["book-党建事务.txt"])
        try FileManager.default.copyItem(at: TestFiles.fixture("xlsx/two-forms.xlsx"), to: input.appendingPathComponent("book.xlsx"))
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let result = try MeasuredRun.run(["batch", input.path, output.path, "--to", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let entries = files(try report(output))
        let outputs = entries.compactMap { $0["output"] as? String }
        #expect(Set(outputs).count == 3)
        #expect(outputs.contains("book-党建事务-2.json"))
        let renamed = entries.first { $0["output"] as? String == "book-党建事务-2.json" }
        #expect((renamed?["notes"] as? [String]) == ["written as book-党建事务-2.json: book-党建事务.json is another output of this batch"])
        #expect(try TestFiles.readForm(output.appendingPathComponent("book-党建事务.json")) == TestFiles.readForm(seed))
    }

    @Test func theInputFolderAsOutputIsRefusedAndAnOutputInsideItIsLeftOut() throws {
        let input = try tree(["a.txt"])
        let same = try MeasuredRun.run(["batch", input.path, input.appendingPathComponent(".").path, "--to", "json"])
        #expect(same.status == 2)
        #expect(same.stderr.contains("is the input folder; write into another folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: input.path) == ["a.txt"])
        let inside = input.appendingPathComponent("out")
        for _ in 0..<2 {
            #expect(try MeasuredRun.run(["batch", input.path, inside.path, "--to", "json"]).status == 0)
            #expect(files(try report(inside)).map { $0["file"] as! String } == ["a.txt"])
        }
    }

    @Test func aFileOverThePerFileTimeLimitIsRefusedAndTheBatchGoesOn() throws {
        let input = try tree(["a.txt"])
        try FileManager.default.copyItem(at: TestFiles.fixture("hostile/one-part-200-sheets.xlsx"), to: input.appendingPathComponent("slow.xlsx"))
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let result = try MeasuredRun.run(["batch", input.path, output.path, "--to", "json", "--file-seconds", "0.001"])
        #expect(result.status == 1)
        let entries = files(try report(output))
        #expect(entries.map { $0["status"] as! String } == ["ok", "failed"])
        #expect((entries[1]["error"] as? String)?.contains("xl/worksheets/sheet1.xml: still not read when the time for one file ran out (batch --file-seconds); refused") == true)
    }
}
