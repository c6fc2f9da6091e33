import Foundation
import Testing
import EvalSheet

/// convert, validate and template through a real listener, against the fixtures and the command line.
@Suite struct ConversionRouteTests {
    static let seed = "tsv/000_e57ca213149e2c8b.txt"

    @Test func convertsTheSeedToTheExpectedJSON() async throws {
        let server = try await TestServer.start()
        let reply = try await server.post("/api/convert?to=json", parts: [try .fixture(Self.seed)])
        #expect(reply.status == 200)
        let expected = try Data(contentsOf: TestServer.root.appendingPathComponent("Fixtures/tsv/000_e57ca213149e2c8b.expected.json"))
        #expect(try JSONSerialization.jsonObject(with: reply.body) as? NSDictionary == JSONSerialization.jsonObject(with: expected) as? NSDictionary)
    }

    @Test func convertsToXLSXAndGB18030WithChineseFileNames() async throws {
        let server = try await TestServer.start()
        let xlsx = try await server.post("/api/convert?to=xlsx", parts: [try .fixture(Self.seed, as: "2023-党建事务.txt")])
        #expect(xlsx.status == 200)
        #expect(xlsx.body.prefix(2) == Data("PK".utf8))
        #expect(xlsx.header("Content-Disposition")?.contains("filename*=UTF-8''2023-%E5%85%9A%E5%BB%BA%E4%BA%8B%E5%8A%A1.xlsx") == true)
        let tsv = try await server.post("/api/convert?to=tsv&encoding=gb18030", parts: [try .fixture(Self.seed)])
        #expect(tsv.header("Content-Type") == "text/tab-separated-values; charset=gb18030")
        #expect(String(data: tsv.body, encoding: String.Encoding(rawValue: 0x8000_0632))?.contains("党建事务") == true)
        #expect(String(data: tsv.body, encoding: .utf8) == nil)
        let back = try await server.post("/api/convert?to=json", parts: [.init(filename: "back.xlsx", data: xlsx.body)])
        #expect(back.json["project"] as? NSDictionary == (try await server.post("/api/convert", parts: [try .fixture(Self.seed)])).json["project"] as? NSDictionary)
    }

    @Test func validateAnswersTheCommandLinesJSONPlusLayoutAndProject() async throws {
        let server = try await TestServer.start()
        let folder = TestServer.root.appendingPathComponent("Fixtures/import")
        let reply = try await server.post("/api/validate?lang=zh", parts: [try .fixture("import/tampered.xlsx"),
                                                                      try .fixture(Self.seed, field: "baseline")])
        #expect(reply.status == 200)
        var served = reply.json
        #expect(served.removeValue(forKey: "layout") as? String == "shenzhen")
        #expect((served.removeValue(forKey: "project") as? [String: Any])?["name"] as? String == "党建事务")
        let cli = try CommandLineTool.run(["validate", "tampered.xlsx", "--baseline", "../tsv/000_e57ca213149e2c8b.txt", "--format", "json", "--lang", "zh"], in: folder)
        let expected = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? NSDictionary
        #expect(served as NSDictionary == expected)
        let codes = (served["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        #expect(codes.contains("system-changed"))
    }

    @Test func annotateAnswersTheWorkbookOfValidateAnnotate() async throws {
        let server = try await TestServer.start()
        let reply = try await server.post("/api/annotate?lang=zh", parts: [try .fixture("import/tampered.xlsx"),
                                                                      try .fixture(Self.seed, field: "baseline")])
        #expect(reply.status == 200 && reply.body.prefix(2) == Data("PK".utf8))
        #expect(reply.header("Content-Disposition")?.contains("filename*=UTF-8''tampered-%E9%97%AE%E9%A2%98%E6%A0%87%E6%B3%A8.xlsx") == true,
                "named 问题标注: \(reply.header("Content-Disposition") ?? "")")
        let folder = TestServer.root.appendingPathComponent("Fixtures/import")
        let annotated = FileManager.default.temporaryDirectory.appendingPathComponent("served-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: annotated) }
        _ = try CommandLineTool.run(["validate", "tampered.xlsx", "--baseline", "../tsv/000_e57ca213149e2c8b.txt", "--annotate", annotated.path,
                                     "--lang", "zh"], in: folder)
        let served = try XLSXFormat().read(reply.body, options: ReadOptions())[0].form
        #expect(served == (try XLSXFormat().read(try Data(contentsOf: annotated), options: ReadOptions())[0].form), "the form as the command line writes it")
        let unreadable = try await server.post("/api/annotate", parts: [.init(filename: "x.xlsx", data: Data("no".utf8))])
        #expect(unreadable.status == 400 || unreadable.status == 422)
    }

    @Test func templateIsBlankWithTheSystemFieldsOfTheUpload() async throws {
        let server = try await TestServer.start()
        let empty = try await server.post("/api/template", parts: [])
        #expect(empty.status == 200 && empty.body.prefix(2) == Data("PK".utf8))
        let emptyJSON = try await server.post("/api/template?to=json", parts: [])
        let blank = try await server.post("/api/validate", parts: [.init(filename: "blank.json", data: emptyJSON.body)])
        #expect(blank.json["blankTemplate"] as? Bool == true)
        #expect((blank.json["project"] as? [String: Any])?["year"] is NSNull)
        let filled = try await server.post("/api/template?to=json", parts: [try .fixture(Self.seed)])
        #expect((filled.json["project"] as? [String: Any])?["name"] as? String == "党建事务")
        let validation = try await server.post("/api/validate", parts: [.init(filename: "t.json", data: filled.body)])
        #expect(validation.json["blankTemplate"] as? Bool == true)
        let ids = try Layouts.all().map(\.id).joined(separator: ", ")
        #expect(try await server.post("/api/template?layout=nowhere", parts: []).json["error"] as? String
                == "unknown layout \"nowhere\"; use one of \(ids)")
    }

    /// The sorted names in a zip.
    static func zipNames(_ zip: Data) throws -> [String] {
        try unzipList(zip).components(separatedBy: "\n---\n")[0].split(separator: "\n").map(String.init).sorted()
    }

    /// The names in a zip, one a line, then `---` and its report.csv (through Python's zipfile, independent of libzip).
    static func unzipList(_ zip: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("list-\(UUID().uuidString).zip")
        try zip.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print('\\n'.join(z.namelist()) + '\\n---\\n' + z.read('report.csv').decode())", file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Import mode with a folder's worth of system records: the one of the same project and year is the baseline.
@Suite struct BaselineChoiceTests {
    /// The seed as canonical JSON with another project code.
    func otherProject(_ server: TestServer, code: String) async throws -> TestServer.Part {
        let json = try await server.post("/api/convert?to=json", parts: [try .fixture(ConversionRouteTests.seed)]).text
        return .init(field: "baseline", filename: "\(code).json", data: Data(json.replacingOccurrences(of: "440307220471500100001", with: code).utf8))
    }

    @Test func theMatchingBaselineIsChosenAmongSeveral() async throws {
        let server = try await TestServer.start()
        let other = try await otherProject(server, code: "440307220471500199999")
        let reply = try await server.post("/api/validate", parts: [try .fixture("import/tampered.xlsx"), other,
                                                                  try .fixture(ConversionRouteTests.seed, field: "baseline")])
        let codes = (reply.json["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        #expect(reply.json["mode"] as? String == "import" && codes.contains("system-changed"))
        let none = try await server.post("/api/validate", parts: [try .fixture("import/tampered.xlsx"), other,
                                                                 try await otherProject(server, code: "440307220471500188888")])
        #expect(none.status == 422)
        #expect((none.json["error"] as? String)?.hasPrefix("tampered.xlsx: none of the 2 baselines is project 440307220471500100001 of 2023") == true)
    }
}

/// `/api/batch`: files and .zip files in, one zip out; folders kept, names cleaned, entries held to the limits.
/// Serialized, as each checks that no scratch folder of its own is left behind.
@Suite(.serialized) struct BatchTests {
    @Test func batchZipsOutputsAndReportsAndLeavesNothingOnDisk() async throws {
        let server = try await TestServer.start()
        let before = try scratchFolders()
        let reply = try await server.post("/api/batch?to=xlsx", parts: [try .fixture(ConversionRouteTests.seed, as: "甲.txt"), try .fixture("xlsx/libreoffice-seed.xlsx"),
                                                                       try .fixture("bad/truncated.xlsx")])
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "application/zip")
        let listing = try ConversionRouteTests.unzipList(reply.body)
        #expect(listing.contains("甲.xlsx") && listing.contains("libreoffice-seed.xlsx") && listing.contains("report.csv") && listing.contains("report.json"))
        #expect(!listing.contains("truncated.xlsx\n"))
        let report = try #require(listing.components(separatedBy: "\n---\n").last)
        #expect(report.contains("truncated.xlsx,,,failed,,truncated.xlsx：不是可读取的 XLSX（zip）压缩包"), "the page's language: \(report)")
        #expect(!report.contains(NSTemporaryDirectory()) && !report.contains("evalsheet-serve-"), "no server paths in the report")
        #expect(try scratchFolders() == before)
    }

    private func scratchFolders() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("evalsheet-serve-") })
    }


    /// A zip of `entries` (name, bytes), written by Python's zipfile with deflate.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, entry) in entries.enumerated() { try entry.1.write(to: folder.appendingPathComponent("\(index)")) }
        let names = entries.map(\.0).joined(separator: "\n")
        try Data(names.utf8).write(to: folder.appendingPathComponent("names"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", """
            import sys, zipfile, os
            d = sys.argv[1]
            names = open(os.path.join(d, 'names'), encoding='utf-8').read().split('\\n')
            with zipfile.ZipFile(os.path.join(d, 'out.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
                for i, n in enumerate(names): z.writestr(n, open(os.path.join(d, str(i)), 'rb').read())
            """, folder.path]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: folder.appendingPathComponent("out.zip"))
    }

    @Test func foldersAreKeptAndTraversalIsIgnored() async throws {
        let server = try await TestServer.start()
        let seed = try TestServer.Part.fixture(ConversionRouteTests.seed).data
        let archive = try Self.zip([("2023/甲.txt", seed), ("../../evil.txt", seed), ("/abs/乙.txt", seed), ("说明.doc", Data("x".utf8))])
        let reply = try await server.post("/api/batch?to=json", parts: [.init(filename: "历年.zip", data: archive)])
        #expect(reply.status == 200)
        let names = try ConversionRouteTests.zipNames(reply.body)
        #expect(names == ["2023/甲.json", "abs/乙.json", "report.csv", "report.json"])
    }

    @Test func entriesAreHeldToTheLimitsAndClashesAre400() async throws {
        let server = try await TestServer.start { $0.maxFileBytes = 100_000 }
        let before = try scratchFolders()
        let bomb = try Self.zip([("big.txt", Data(repeating: 48, count: 5_000_000))])
        let large = try await server.post("/api/batch", parts: [.init(filename: "bomb.zip", data: bomb)])
        #expect(large.status == 413 && large.json["error"] as? String == "bomb.zip: big.txt inflates past 0 MB, the limit for one file")
        let seed = try TestServer.Part.fixture(ConversionRouteTests.seed).data
        let clash = try await server.post("/api/batch", parts: [.init(filename: "c.zip", data: try Self.zip([("a.txt", seed), ("a.txt/b.txt", seed)]))])
        #expect(clash.status == 400 && (clash.json["error"] as? String)?.hasPrefix("a.txt/b.txt: a file of the same name") == true)
        #expect(try scratchFolders() == before, "refused batches leave nothing behind either")
        #expect(try await server.get("/healthz").status == 200)
    }
}
