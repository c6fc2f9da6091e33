import Foundation
import Testing
@testable import EvalSheet

/// The canonical JSON: stable output and readable, path-carrying errors for bad input.
@Suite struct JSONFormatTests {
    private func expectedSeed() throws -> [String: Any] {
        let data = try Data(contentsOf: TestFiles.fixture("tsv/000_e57ca213149e2c8b.expected.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    private func readError(_ mutate: (inout [String: Any]) -> Void) throws -> EvalSheetError? {
        var root = try expectedSeed()
        mutate(&root)
        let data = try JSONSerialization.data(withJSONObject: root)
        return #expect(throws: EvalSheetError.self) { try JSONFormat().read(data, options: ReadOptions()) }
    }

    @Test func wrongTypeNamesThePathAndTheValue() throws {
        let error = try readError { root in
            var funds = root["funds"] as! [String: Any]
            var total = funds["total"] as! [String: Any]
            total["executed"] = "两百万"
            funds["total"] = total
            root["funds"] = funds
        }
        #expect(error?.message == "funds.total.executed: expected a decimal string, found \"两百万\"")
    }

    @Test func aNumberWhereADecimalStringBelongsIsRefused() throws {
        let error = try readError { root in
            var funds = root["funds"] as! [String: Any]
            funds["weight"] = 10
            root["funds"] = funds
        }
        #expect(error?.message.hasPrefix("funds.weight: expected a decimal string") == true)
    }

    @Test func unknownKeyAndWrongSchemaAreRefused() throws {
        let unknown = try readError { root in
            var project = root["project"] as! [String: Any]
            project["nmae"] = "党建事务"
            root["project"] = project
        }
        #expect(unknown?.message.hasPrefix("project.nmae: unknown key") == true)
        let schema = try readError { $0["schema"] = "evalsheet/project-self-evaluation@3" }
        #expect(schema?.message.hasPrefix("schema: expected \"evalsheet/project-self-evaluation@2\"") == true)
        let nested = try readError { root in
            var indicators = root["indicators"] as! [[String: Any]]
            var categories = indicators[2]["categories"] as! [[String: Any]]
            var items = categories[0]["items"] as! [[String: Any]]
            items[0]["score"] = true
            categories[0]["items"] = items
            indicators[2]["categories"] = categories
            root["indicators"] = indicators
        }
        #expect(nested?.message == "indicators[2].categories[0].items[0].score: expected a decimal string, found a boolean")
    }

    @Test func anAbsentKeyIsNullAsVersion2Says() throws {
        var root = try expectedSeed()
        var project = root["project"] as! [String: Any]
        project["code"] = nil
        root["project"] = project
        let form = try JSONFormat().read(try JSONSerialization.data(withJSONObject: root), options: ReadOptions())[0].form
        #expect(form["project.code"] == nil && form.text("project.name") == "党建事务")
    }

    @Test func aVersion1DocumentReadsAsVersion2() throws {
        let v1 = try TestFiles.readForm(TestFiles.fixture("json/seed-v1.json"))
        var v2 = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.expected.json"))
        #expect(v2.layout == "shenzhen" && v2.text("funds.unit") == "元")
        v2.layout = nil
        v2["funds.unit"] = nil
        #expect(v1 == v2, "version 1 has no layout and no unit; every other field is the same")
    }

    @Test func invalidJSONIsUnreadable() {
        let error = #expect(throws: EvalSheetError.self) { try JSONFormat().read(Data("{\"schema\": ".utf8), options: ReadOptions()) }
        #expect(error?.kind == .unreadable)
    }

    @Test func outputKeepsChineseAndTheContractsKeyOrder() throws {
        let form = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.expected.json"))
        let text = String(decoding: try JSONFormat().write(form, options: WriteOptions()), as: UTF8.self)
        #expect(text.contains("\"name\": \"党建事务\""))
        let keys = ["\"schema\"", "\"project\"", "\"funds\"", "\"overallGoal\"", "\"indicators\"", "\"totalWeight\"", "\"totalScore\""]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func emptyInputsAreNull() throws {
        let form = try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt")).clearingInputs(layout: try Layouts.standard)
        let text = String(decoding: try JSONFormat().write(form, options: WriteOptions()), as: UTF8.self)
        #expect(text.contains("\"score\": null"))
        #expect(try JSONFormat().read(Data(text.utf8), options: ReadOptions())[0].form == form)
        #expect(form.decimal("funds.total.executed")?.description == "2555831.40", "system fields stay")
    }
}
