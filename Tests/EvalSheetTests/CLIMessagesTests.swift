import Foundation
import Testing
@testable import EvalSheet

/// The binary's messages as a user meets them: in their language, with the fix in them.
@Suite struct CLIMessagesTests {
    let seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt").path
    let english = ["LANG": "C", "LC_ALL": ""]
    let chinese = ["LANG": "zh_CN.UTF-8", "LC_ALL": ""]

    @Test func aMisspeltCommandGetsASuggestion() throws {
        let en = try CLITests.run(["convrt", seed, "out.json"], environment: english)
        #expect(en.status == 2)
        #expect(en.stderr.contains("unknown command \"convrt\"; did you mean convert?"), "\(en.stderr)")
        let zh = try CLITests.run(["convrt", seed, "out.json"], environment: chinese)
        #expect(zh.stderr.contains("您是否要输入 convert？"), "\(zh.stderr)")
        let first = try CLITests.run(["--lang", "zh", "valdate", seed], environment: english)
        #expect(first.stderr.contains("您是否要输入 validate？"), "\(first.stderr)")
        let leading = try CLITests.run(["--lang", "zh", "convert", seed], environment: english)
        #expect(leading.stderr.hasPrefix("错误：缺少参数 <output>"), "\(leading.stderr)")
    }

    @Test func aMisspeltOptionGetsASuggestionInChinese() throws {
        let zh = try CLITests.run(["convert", seed, "out.json", "--shet", "x", "--lang", "zh"], environment: english)
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("未知选项 --shet；您是否要输入 --sheet？"), "\(zh.stderr)")
        #expect(zh.stderr.contains("用法："))
    }

    @Test func argumentErrorsFollowLang() throws {
        let zh = try CLITests.run(["convert", seed], environment: chinese)
        #expect(zh.status == 2)
        #expect(zh.stderr.hasPrefix("错误：缺少参数 <output>"), "\(zh.stderr)")
        let en = try CLITests.run(["convert", seed, "--lang", "en"], environment: chinese)
        #expect(en.stderr.hasPrefix("Error: Missing expected argument '<output>'"), "\(en.stderr)")
        let mode = try CLITests.run(["convert", seed, "out.json", "--mode", "x"], environment: chinese)
        #expect(mode.stderr.contains("未知模式 \"x\"；请使用 export 或 import"), "\(mode.stderr)")
    }

    @Test func fileErrorsFollowLangOnEveryCommand() throws {
        let missing = try CLITests.run(["convert", "/nonexistent/a.txt", "out.json", "--lang", "zh"], environment: english)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("无法打开"), "\(missing.stderr)")
        let other = TestFiles.temporaryDirectory().appendingPathComponent("a.xyz")
        try Data("x".utf8).write(to: other)
        let unknown = try CLITests.run(["diff", seed, other.path, "--lang", "zh"], environment: english)
        #expect(unknown.stderr.contains("无法从扩展名 \".xyz\" 判断格式"), "\(unknown.stderr)")
        let notForm = try CLITests.run(["convert", TestFiles.fixture("bad/not-the-form.tsv").path, "-", "--lang", "zh"], environment: english)
        #expect(notForm.stderr.contains("不是已知版式的项目支出绩效自评表"), "\(notForm.stderr)")
    }

    @Test func usageErrorsOfEveryCommandAreInChinese() throws {
        let seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt").path
        let cases: [([String], String)] = [
            (["batch", "a", "b", "--to", "json", "--jobs", "0"], "--jobs 至少为 1"),
            (["batch", "a", "b", "--to", "json", "--summary", "汇总.csv"], "请给出以 .xlsx 结尾的文件名"),
            (["batch", "a", "b", "--to", "json", "--mode", "x"], "未知模式"),
            (["validate", seed, "--annotate", "标注.json"], "--annotate 写出工作簿"),
            (["validate", seed, "--mode", "x"], "未知模式"),
            (["convert", seed], "缺少"),
        ]
        for (arguments, expected) in cases {
            let result = try CLITests.run(arguments + ["--lang", "zh"], environment: english)
            #expect(result.status == 2 && result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }
    }

    @Test func commandsThatTakeOneFormRefuseSeveral() throws {
        let book = TestFiles.fixture("xlsx/two-forms.xlsx").path, seed = TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt").path
        for arguments in [["diff", book, seed], ["validate", seed, "--baseline", book], ["template", "/tmp/never.xlsx", "--from", book]] {
            let result = try CLITests.run(arguments, environment: english)
            #expect(result.status == 2 && result.stderr.contains("2 forms, on sheets 党建事务"), "\(arguments): \(result.stderr)")
            // only template has --sheet; diff and --baseline are told to split the workbook
            #expect(result.stderr.contains("--sheet") == (arguments[0] == "template"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func csvIsWrittenForExcelWithAByteOrderMark() throws {
        let output = TestFiles.temporaryDirectory().appendingPathComponent("seed.csv")
        #expect(try CLITests.run(["convert", TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt").path, output.path]).status == 0)
        let data = try Data(contentsOf: output)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "Excel on a Chinese Windows reads UTF-8 without a BOM as GBK")
        #expect(try TestFiles.readForm(output) == TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt")))
    }

    @Test func writeNotesFollowLang() throws {
        let dir = TestFiles.temporaryDirectory()
        let input = TestFiles.fixture("real/daying-2023-sichuan/expected.json").path
        let result = try CLITests.run(["convert", input, dir.appendingPathComponent("out.xlsx").path, "--layout", "shenzhen", "--lang", "zh"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("evalsheet: 注意：金额已从万元换算为元（版式 shenzhen 的单位）"), "\(result.stderr)")
        #expect(result.stderr.contains("版式 shenzhen 没有 funds.deviationReason、"), "\(result.stderr)")
    }

    @Test func anXLSIsKnownByItsBytes() throws {
        let dir = TestFiles.temporaryDirectory()
        let xls = TestFiles.fixture("hostile/excel-97-2003.xlsx")
        for name in ["old.xls", "old.txt", "old.json"] {
            let copy = dir.appendingPathComponent(name)
            try FileManager.default.copyItem(at: xls, to: copy)
            let en = try CLITests.run(["convert", copy.path, dir.appendingPathComponent("out.json").path], environment: english)
            #expect(en.status == 2)
            #expect(en.stderr.contains("an Excel 97-2003 file (.xls), not .xlsx: open it in Excel or WPS and save it as .xlsx"), "\(name): \(en.stderr)")
            let zh = try CLITests.run(["convert", copy.path, dir.appendingPathComponent("out.json").path, "--lang", "zh"])
            #expect(zh.stderr.contains("这是 Excel 97-2003 (.xls) 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再转换"), "\(zh.stderr)")
        }
        let piped = try CLITests.run(["convert", "-", "-"], stdin: try Data(contentsOf: xls), environment: english)
        #expect(piped.stderr.contains("save it as .xlsx"), "\(piped.stderr)")
        let locked = dir.appendingPathComponent("locked.txt")
        try FileManager.default.copyItem(at: TestFiles.fixture("hostile/password-protected.xlsx"), to: locked)
        #expect(try CLITests.run(["convert", locked.path, "-"], environment: english).stderr.contains("password-protected"))
    }

    @Test func standardInputIsKnownByItsContent() throws {
        let expected = try TestFiles.readForm(TestFiles.fixture("xlsx/libreoffice-seed.expected.json"))
        let book = try Data(contentsOf: TestFiles.fixture("xlsx/libreoffice-seed.xlsx"))
        let fromBook = try CLITests.run(["convert", "-", "-"], stdin: book)
        #expect(fromBook.status == 0, "\(fromBook.stderr)")
        #expect(try JSONFormat().read(Data(fromBook.stdout.utf8), options: ReadOptions())[0].form == expected)
        let fromText = try CLITests.run(["convert", "-", "-"], stdin: try Data(contentsOf: URL(fileURLWithPath: seed)))
        #expect(fromText.status == 0, "\(fromText.stderr)")
        let fromJSON = try CLITests.run(["convert", "-", "-"], stdin: Data(fromText.stdout.utf8))
        #expect(fromJSON.status == 0, "\(fromJSON.stderr)")
        let empty = try CLITests.run(["convert", "-", "-", "--lang", "zh"], stdin: Data())
        #expect(empty.status == 2 && empty.stderr.contains("标准输入为空"), "\(empty.stderr)")
    }

    @Test(arguments: ["libreoffice-seed-comma.csv", "libreoffice-seed-semicolon.csv"])
    func aCSVReadsToTheSeed(name: String) throws {
        let expected = try TestFiles.readForm(TestFiles.fixture("xlsx/libreoffice-seed.expected.json"))
        let csv = try Data(contentsOf: TestFiles.fixture("csv/\(name)"))
        let text = String(decoding: csv, as: UTF8.self)
        let dir = TestFiles.temporaryDirectory()
        let variants: [(String, Data)] = [
            ("utf8.csv", csv), ("bom.csv", Data([0xEF, 0xBB, 0xBF]) + csv),
            ("gbk.csv", text.data(using: String.Encoding(rawValue: 0x8000_0632))!),
            ("utf16.csv", Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!), ("named-as-text.txt", csv),
        ]
        for (file, data) in variants {
            let input = dir.appendingPathComponent(file)
            try data.write(to: input)
            let output = dir.appendingPathComponent(file + ".json")
            let result = try CLITests.run(["convert", input.path, output.path])
            #expect(result.status == 0, "\(file): \(result.stderr)")
            #expect(try TestFiles.readForm(output) == expected, "\(file)")
        }
    }

    @Test func aCSVQuotesFieldsAsRFC4180() throws {
        let data = Data("a,\"b,\"\"c\"\"\nd\",e\r\n\r\n1;2,3\n".utf8)
        let rows = try data.withUnsafeBytes { try TSVRecords.parse($0.bindMemory(to: UInt8.self), delimiter: UInt8(ascii: ",")) { String(decoding: $0, as: UTF8.self) } }
        #expect(rows.map(\.cells) == [["a", "b,\"c\"\nd", "e"], ["1;2", "3"]])
        #expect(TextDelimiter.sniff(Array(data)) == UInt8(ascii: ","))
        #expect(TextDelimiter.sniff(Array("a\tb,c\td\n".utf8)) == UInt8(ascii: "\t"))
    }

    @Test func convertingAFileOntoItselfIsRefusedInChinese() throws {
        let dir = TestFiles.temporaryDirectory()
        let input = dir.appendingPathComponent("a.txt")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: seed), to: input)
        let before = try Data(contentsOf: input)
        let result = try CLITests.run(["convert", input.path, input.path, "--lang", "zh"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("输出就是输入文件本身"), "\(result.stderr)")
        #expect(try Data(contentsOf: input) == before)
    }

    @Test func aWorkbookOfSeveralFormsNeedsSheetOrAll() throws {
        let dir = TestFiles.temporaryDirectory()
        let book = TestFiles.fixture("xlsx/two-forms.xlsx").path
        let output = dir.appendingPathComponent("out.json")
        let refused = try CLITests.run(["convert", book, output.path], environment: english)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("2 forms, on sheets 党建事务, 党建事务(复核); choose one with --sheet NAME, or write each with --all"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let zh = try CLITests.run(["convert", book, output.path, "--lang", "zh"])
        #expect(zh.stderr.contains("工作簿中有 2 张表"), "\(zh.stderr)")
        #expect(try CLITests.run(["convert", book, output.path, "--sheet", "党建事务(复核)"]).status == 0)
        let all = try CLITests.run(["convert", book, dir.appendingPathComponent("each.json").path, "--all"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["out.json", "each-党建事务.json", "each-党建事务(复核).json"])
        let text = TestFiles.temporaryDirectory()
        #expect(try CLITests.run(["convert", book, text.appendingPathComponent("old.txt").path, "--all"]).status == 0)
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: text.path)) == ["old-党建事务.txt", "old-党建事务(复核).txt"],
                "each output keeps the extension asked for")
    }

    @Test func validateOnAWorkbookOfSeveralFormsAsksForTheSheet() throws {
        let book = TestFiles.fixture("xlsx/two-forms.xlsx").path
        let refused = try CLITests.run(["validate", book], environment: english)
        #expect(refused.status == 2 && refused.stdout.isEmpty, "no report on the first form alone")
        #expect(refused.stderr.contains("choose one with --sheet NAME, or split them with evalsheet convert FILE OUT.json --all first"), "\(refused.stderr)")
        #expect(try CLITests.run(["validate", book, "--sheet", "党建事务(复核)"], environment: english).status == 0)
    }

    @Test func formsOnOneSheetAreListed() throws {
        let dir = TestFiles.temporaryDirectory()
        let text = try String(contentsOfFile: seed, encoding: .utf8)
        let twice = dir.appendingPathComponent("twice.txt")
        try (text + "\n" + text).write(to: twice, atomically: true, encoding: .utf8)
        let refused = try CLITests.run(["convert", twice.path, dir.appendingPathComponent("out.json").path], environment: english)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("2 forms (440307220471500100001 党建事务, 440307220471500100001 党建事务)"), "\(refused.stderr)")
        let all = try CLITests.run(["convert", twice.path, dir.appendingPathComponent("out.json").path, "--all"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["twice.txt", "out.json", "out-2.json"])
    }
}
