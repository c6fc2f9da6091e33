import Foundation
import Testing
@testable import EvalSheet

/// The real `evalsheet` binary as a user meets it: output files, stdout, messages and exit codes.
@Suite struct CLITests {
    struct Run { let status: Int32; let stdout: String; let stderr: String }

    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("evalsheet")
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Run {
        var url = binary
        if !FileManager.default.isExecutableFile(atPath: url.path) {
            url = TestFiles.root.appendingPathComponent(".build/debug/evalsheet")
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    let seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt")

    @Test func convertsTheSeedToItsExpectedJSON() throws {
        let dir = TestFiles.temporaryDirectory()
        let output = dir.appendingPathComponent("seed.json")
        let result = try Self.run(["convert", seed.path, output.path])
        #expect(result.status == 0)
        #expect(try TestFiles.readForm(output) == TestFiles.readForm(TestFiles.expectedJSON(for: seed)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["seed.json"], "no temporary file left")
    }

    @Test func readsStdinAndWritesStdout() throws {
        let result = try Self.run(["convert", "--from", "tsv", "--to", "json", "-", "-"], stdin: try Data(contentsOf: seed))
        #expect(result.status == 0)
        let form = try JSONFormat().read(Data(result.stdout.utf8), options: ReadOptions())[0].form
        #expect(form.text("project.code") == "440307220471500100001")
    }

    @Test func writesGB18030WhenAsked() throws {
        let output = TestFiles.temporaryDirectory().appendingPathComponent("old.txt")
        #expect(try Self.run(["convert", seed.path, output.path, "--encoding", "gb18030"]).status == 0)
        let data = try Data(contentsOf: output)
        #expect(String(data: data, encoding: .utf8) == nil)
        #expect(try TestFiles.readForm(output).text("project.name") == "党建事务")
    }

    @Test func writingSaysWhatItChangesOrLeavesOut() throws {
        let dir = TestFiles.temporaryDirectory()
        var form = try TestFiles.readForm(TestFiles.fixture("real/daying-2023-sichuan/expected.json"))
        form["funds.currentAppropriation.executed"] = .decimal(FormDecimal(parsing: "12345678901234567.12"))
        let input = dir.appendingPathComponent("in.json")
        try JSONFormat().write(form, options: WriteOptions()).write(to: input)
        let result = try Self.run(["convert", input.path, dir.appendingPathComponent("out.xlsx").path, "--layout", "shenzhen"])
        #expect(result.status == 0, "findings and notes go to stderr; the output is written")
        #expect(result.stderr.contains("evalsheet: note: amounts converted from 万元 to 元, the unit of layout shenzhen"))
        #expect(result.stderr.contains("layout shenzhen has no cell for funds.deviationReason, funds.specialAccount.annualBudget"), "\(result.stderr)")
        #expect(result.stderr.contains("indicators[].categories[].items[].nature, extras \u{201C}2.项目实施内容及过程概述\u{201D}; not written (kept in JSON)"))
        #expect(result.stderr.contains("significant digits; Excel keeps 15"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.xlsx").path))
    }

    @Test func aFormulaSavedWithoutItsResultIsReportedByTheBinary() throws {
        let result = try Self.run(["validate", TestFiles.fixture("xlsx/formula-without-value.xlsx").path, "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("H22: error Indicators › 产出指标 › 成本指标 › 资金支出完成率 · score: "), "\(result.stdout)")
        #expect(result.stdout.contains("[formula-without-value]"))
    }

    @Test func notTheFormExitsOneWithTheMissingLabel() throws {
        let dir = TestFiles.temporaryDirectory()
        let input = dir.appendingPathComponent("list.tsv")
        try Data("姓名\t张三\n".utf8).write(to: input)
        let result = try Self.run(["convert", input.path, dir.appendingPathComponent("out.json").path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("evalsheet: \(input.path): not a 项目支出绩效自评表 in any known layout: closest is "))
        #expect(result.stderr.contains("not found: \u{201C}"), "names the labels it looked for")
        let zh = try Self.run(["convert", input.path, dir.appendingPathComponent("out.json").path], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stderr.contains("不是已知版式的项目支出绩效自评表：最接近的是"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path), "no output on failure")
    }

    @Test func usageErrorsAndUnreadableFilesExitTwo() throws {
        let missing = try Self.run(["convert", "/nonexistent/form.tsv", "/tmp/x.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/form.tsv: cannot open"))
        let unknown = try Self.run(["convert", seed.path, "/tmp/x.docx"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--from or --to"))
        let badOption = try Self.run(["convert", "--bogus", seed.path, "/tmp/x.json"])
        #expect(badOption.status == 2)
        let badEncoding = try Self.run(["convert", "--encoding", "latin9", seed.path, "/tmp/x.json"])
        #expect(badEncoding.status == 2)
    }

    @Test func noClobberKeepsAnExistingOutput() throws {
        let output = TestFiles.temporaryDirectory().appendingPathComponent("keep.json")
        try Data("keep".utf8).write(to: output)
        let result = try Self.run(["convert", "--no-clobber", seed.path, output.path])
        #expect(result.status == 2)
        #expect(try String(contentsOf: output, encoding: .utf8) == "keep")
    }

    @Test func helpShowsExamplesAndExitsZero() throws {
        let result = try Self.run(["convert", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("evalsheet convert 2023-党建事务.txt"))
    }

    @Test func inputFileIsNeverModified() throws {
        let before = try Data(contentsOf: seed)
        let output = TestFiles.temporaryDirectory().appendingPathComponent("x.tsv")
        #expect(try Self.run(["convert", seed.path, output.path]).status == 0)
        #expect(try Data(contentsOf: seed) == before)
    }
}

/// validate, diff and import through the real binary: messages in both languages, JSON shape, exit codes.
@Suite struct CheckCommandTests {
    let seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt").path
    let baseline = TestFiles.fixture("tsv/000_e57ca213149e2c8b.expected.json").path
    let tampered = TestFiles.fixture("import/tampered.xlsx").path

    @Test func aCleanFormValidatesWithExitZero() throws {
        let result = try CLITests.run(["validate", seed, "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout == "\(seed): 0 errors, 0 warnings\n")
    }

    @Test func findingsInBothLanguages() throws {
        let zh = try CLITests.run(["validate", tampered, "--baseline", baseline, "--lang", "zh"])
        let en = try CLITests.run(["validate", tampered, "--baseline", baseline, "--lang", "en"])
        #expect(zh.status == 0 && en.status == 0, "warnings only")
        #expect(zh.stdout.contains("D2: 警告 项目信息 · 项目名称: "), "\(zh.stdout)")
        #expect(zh.stdout.contains("[system-changed]"))
        #expect(zh.stdout.contains("已保留系统值“党建事务”"))
        #expect(en.stdout.contains("D2: warning Project · project name: "))
        #expect(!en.stdout.contains("[total-score]"), "the score changed legitimately; the total follows it")
    }

    @Test func languageDefaultsFromLANG() throws {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["validate", TestFiles.fixture("tsv/quirks/other-project-gbk.txt").path]
        process.environment = ["LANG": "zh_CN.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("个错误"))
    }

    @Test func jsonFindingsHaveTheDocumentedShape() throws {
        let result = try CLITests.run(["validate", tampered, "--baseline", baseline, "--format", "json", "--lang", "en"])
        #expect(result.status == 0)
        let root = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(Set(root.keys) == ["file", "sheet", "mode", "valid", "blankTemplate", "errors", "warnings", "findings"])
        #expect(root["mode"] as? String == "import" && root["valid"] as? Bool == true && root["errors"] as? Int == 0)
        #expect(root["warnings"] as? Int == 3, "three greyed fields changed")
        let findings = root["findings"] as! [[String: Any]]
        #expect(findings.allSatisfy { Set($0.keys) == ["severity", "code", "path", "label", "place", "cell", "expected", "found", "message"] })
        #expect(findings.first?["cell"] as? String == "D2")
    }

    @Test func unreadableFilesExitTwo() throws {
        #expect(try CLITests.run(["validate", "/nonexistent.xlsx"]).status == 2)
    }

    @Test func convertImportsWithTheSystemsValuesAndStrictRefuses() throws {
        let dir = TestFiles.temporaryDirectory()
        let output = dir.appendingPathComponent("imported.json").path
        let result = try CLITests.run(["convert", tampered, output, "--baseline", baseline, "--recompute", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("D2: warning Project · project name: ") && result.stderr.contains("[system-changed]"))
        let form = try TestFiles.readForm(URL(fileURLWithPath: output))
        #expect(form.text("project.name") == "党建事务" && form.decimal("totalScore")?.description == "97.98")
        let withErrors = TestFiles.fixture("tsv/quirks/other-project-gbk.txt").path
        let strict = try CLITests.run(["convert", withErrors, dir.appendingPathComponent("s.json").path, "--strict"])
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("s.json").path))
    }

    @Test func diffExitsZeroWhenEqualAndOneWhenNot() throws {
        let same = try CLITests.run(["diff", seed, TestFiles.fixture("xlsx/openpyxl-inline.xlsx").path])
        #expect(same.status == 0 && same.stdout.isEmpty)
        let changed = try CLITests.run(["diff", baseline, TestFiles.fixture("import/tampered.txt").path, "--format", "json"])
        #expect(changed.status == 1)
        let root = try JSONSerialization.jsonObject(with: Data(changed.stdout.utf8)) as! [String: Any]
        let paths = (root["differences"] as! [[String: Any]]).map { $0["path"] as! String }
        #expect(paths == ["project.name", "funds.currentAppropriation.initialBudget",
                          "indicators[0].categories[2].items[0].target", "indicators[0].categories[3].items[0].score"])
    }
}

/// `evalsheet batch` over a folder of good and bad forms.
@Suite struct BatchCommandTests {
    @Test func convertsEveryGoodFormAndReportsEveryBadOne() throws {
        let root = TestFiles.temporaryDirectory()
        let input = root.appendingPathComponent("in")
        let output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("2023/街道"), withIntermediateDirectories: true)
        let copies = [("tsv/000_e57ca213149e2c8b.txt", "2023/街道/党建事务.txt"), ("tsv/quirks/other-project-gbk.txt", "2023/环境整治.txt"),
                      ("xlsx/two-forms.xlsx", "2023/汇总.xlsx"), ("xlsx/unzipped-seed", "2023/解压"),
                      ("bad/zip-bomb.xlsx", "坏/bomb.xlsx"), ("bad/not-the-form.tsv", "坏/名单.tsv"),
                      ("tsv/000_e57ca213149e2c8b.expected.json", "2023/街道/党建事务.json")]
        for (from, to) in copies {
            let target = input.appendingPathComponent(to)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestFiles.fixture(from), to: target)
        }
        let result = try CLITests.run(["batch", input.path, output.path, "--to", "xlsx", "--jobs", "2", "--lang", "en"])
        #expect(result.status == 1, "bad files make the batch exit 1")
        #expect(result.stderr.contains("progress: 7/7 files, 2 failed"))
        #expect(result.stderr.contains("6 converted, 2 failed"))
        for produced in ["2023/街道/党建事务.txt.xlsx", "2023/街道/党建事务.json.xlsx", "2023/环境整治.xlsx",
                         "2023/汇总-党建事务.xlsx", "2023/汇总-党建事务(复核).xlsx", "2023/解压.xlsx"] {
            let form = try TestFiles.readForm(output.appendingPathComponent(produced))
            #expect(form.text("project.code")?.isEmpty == false, "\(produced)")
        }
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("report.json"))) as! [String: Any]
        #expect(report["converted"] as? Int == 6 && report["failed"] as? Int == 2)
        let files = report["files"] as! [[String: Any]]
        let bomb = files.first { $0["file"] as? String == "坏/bomb.xlsx" }!
        #expect(bomb["status"] as? String == "failed" && (bomb["error"] as? String)?.contains("zip bomb") == true)
        let gbk = files.first { $0["file"] as? String == "2023/环境整治.txt" }!
        #expect(gbk["status"] as? String == "errors", "its checks find errors (weights that do not add up)")
        let csv = String(decoding: try Data(contentsOf: output.appendingPathComponent("report.csv")), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}file,sheet,output,status,findings,error,milliseconds,baseline\r\n"))
        #expect(csv.contains("坏/名单.tsv,,,failed"))
    }
}

/// An interrupted conversion leaves nothing behind: no partial output, no temporary file.
@Suite struct InterruptTests {
    @Test func ctrlCLeavesNoPartialFiles() throws {
        let dir = TestFiles.temporaryDirectory()
        var form = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
        form.indicators[0].categories[0].items = (0..<20_000).map { Item(["name": .text("指标\($0)"), "target": .text(String(repeating: "按计划完成", count: 8)), "actual": .text("100%")]) }
        let input = dir.appendingPathComponent("big.json")
        try FormFiles.write(form, to: input.path)
        let output = dir.appendingPathComponent("big.xlsx")
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["convert", input.path, output.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(400_000)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        if process.terminationStatus == 0 {
            #expect(left == ["big.json", "big.xlsx"], "finished before the signal: only the whole output")
        } else {
            #expect(process.terminationStatus == 128 + SIGINT)
            #expect(left == ["big.json"], "interrupted: no output and no temporary file")
        }
    }
}
