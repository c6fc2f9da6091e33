import Foundation
import Testing
@testable import EvalSheet

/// The layout files of Templates/: they load, the schema is theirs, and a wrong one fails with its file and key.
@Suite struct LayoutTests {
    @Test func everyLayoutFileLoads() throws {
        let layouts = try Layouts.all()
        #expect(layouts.count >= 4)
        #expect(Set(layouts.map(\.id)).count == layouts.count, "ids are unique")
        #expect(layouts.contains { $0.id == "shenzhen" })
    }

    @Test func theCommittedSchemaIsTheGeneratedOne() throws {
        let committed = try String(contentsOf: TestFiles.root.appendingPathComponent("Templates/form.schema.json"), encoding: .utf8)
        #expect(committed == JSONSchemaWriter.text(), "run `evalsheet schema > Templates/form.schema.json` after changing Templates/")
    }

    /// The seed's layout file with one change, loaded as Templates/layouts/shenzhen.json would be.
    private func loadChanged(_ change: (String) -> String) throws -> EvalSheetError? {
        let text = try String(contentsOf: TestFiles.root.appendingPathComponent("Templates/layouts/shenzhen.json"), encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the change applies")
        let result = Layouts.load(["fields.json": "", "layouts/shenzhen.json": changed])
        guard case .failure(let error) = result else { Issue.record("a broken layout loaded"); return nil }
        return error
    }

    @Test func anUnknownFieldNamesTheFileAndKey() throws {
        let error = try loadChanged { $0.replacingOccurrences(of: "\"funds.weight\"", with: "\"funds.wieght\"") }
        #expect(error?.message.hasPrefix("Templates/layouts/shenzhen.json: rows[5].cells[5].field: unknown field \"funds.wieght\"") == true, "\(error?.message ?? "")")
    }

    @Test func aDuplicateFieldNamesBothPlaces() throws {
        let error = try loadChanged { $0.replacingOccurrences(of: "\"field\": \"project.name\"", with: "\"field\": \"project.code\"") }
        #expect(error?.message.contains("duplicate field \"project.code\", already placed at rows[1].cells[1]") == true, "\(error?.message ?? "")")
    }

    @Test func anEmptyLabelAndAMisspeltKeyAreRefused() throws {
        let empty = try loadChanged { $0.replacingOccurrences(of: "\"label\": \"项目编码:\"", with: "\"label\": \" \"") }
        #expect(empty?.message.contains("rows[1].cells[0].label") == true && empty?.message.contains("empty label") == true, "\(empty?.message ?? "")")
        let misspelt = try loadChanged { $0.replacingOccurrences(of: "\"mergeTo\": \"E\"", with: "\"mergeTO\": \"E\"") }
        #expect(misspelt?.message.contains("unknown key \"mergeTO\"") == true, "\(misspelt?.message ?? "")")
        let missing = try loadChanged { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"usedIn\"") }.joined(separator: "\n")
        }
        #expect(missing?.message == "Templates/layouts/shenzhen.json: usedIn: missing; fix the layout file", "\(missing?.message ?? "")")
    }

    @Test func aValueOfTheWrongKindNamesItsPathAndWhatWasFound() throws {
        let kind = try loadChanged { $0.replacingOccurrences(of: "\"kind\": \"section\"", with: "\"kind\": \"sections\"") }
        #expect(kind?.message == "Templates/layouts/shenzhen.json: rows[3].kind: \"sections\" is not one of title, pairs, section, header, table, items, note; fix the layout file",
                "\(kind?.message ?? "")")
        let height = try loadChanged { $0.replacingOccurrences(of: "\"height\": 32", with: "\"height\": \"32\"") }
        #expect(height?.message.contains("rows[0].height: expected a number, found \"32\"") == true, "\(height?.message ?? "")")
        let width = try loadChanged { $0.replacingOccurrences(of: "\"tsvWidth\": 8", with: "\"tsvWidth\": 8.5") }
        #expect(width?.message.contains("rows[1].tsvWidth: expected a whole number, found the number 8.5") == true, "\(width?.message ?? "")")
        let column = try loadChanged { $0.replacingOccurrences(of: "{ \"col\": \"A\", \"width\": 12 }", with: "{ \"col\": \"A1\", \"width\": 12 }") }
        #expect(column?.message.contains("columns[0].col: not a column: A1") == true, "\(column?.message ?? "")")
    }

    @Test func aFormulaOverAnUnknownFieldIsRefused() throws {
        let error = try loadChanged { $0.replacingOccurrences(of: "{funds.other.executed}", with: "{funds.others.executed}") }
        #expect(error?.message.contains(".formula: unknown field \"funds.others.executed\"") == true, "\(error?.message ?? "")")
    }

    @Test func layoutsListsOneLinePerLayout() throws {
        // The real binary checks every layout at start-up; the embedded ones are fine, so it starts.
        let result = try CLITests.run(["layouts"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == (try Layouts.all()).count, "one line per layout")
    }
}
