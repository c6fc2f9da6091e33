import Testing
@testable import EvalSheet

/// Relationship targets resolved to part names, the plain ones joined without splitting.
@Suite struct PartPathTests {
    @Test func aPlainTargetJoinsItsSourceFolder() {
        #expect(PartPath.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(PartPath.resolve("xl/workbook.xml", from: "") == "xl/workbook.xml")
        #expect(PartPath.resolve("styles.xml", from: "workbook.xml") == "styles.xml")
        #expect(PartPath.resolve("a.b/c..d", from: "x/.y/w.xml") == "x/.y/a.b/c..d", "dots inside a name are a name")
    }

    @Test func otherTargetsAreResolvedNameByName() {
        #expect(PartPath.resolve("/xl/styles.xml", from: "xl/workbook.xml") == "xl/styles.xml")
        #expect(PartPath.resolve("../docProps/app.xml", from: "xl/workbook.xml") == "docProps/app.xml")
        #expect(PartPath.resolve("./sharedStrings.xml", from: "xl/workbook.xml") == "xl/sharedStrings.xml")
        #expect(PartPath.resolve("worksheets//sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(PartPath.resolve("sheet1.xml", from: "xl//workbook.xml") == "xl/sheet1.xml")
        #expect(PartPath.resolve("..", from: "xl/workbook.xml") == "")
        #expect(PartPath.resolve("worksheets/", from: "xl/workbook.xml") == "xl/worksheets")
    }
}
