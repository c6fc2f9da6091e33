import Testing
@testable import EvalSheet

/// A reading's field → cell map: item cells kept as coordinates, named when asked for.
@Suite struct CellMapTests {
    @Test func itemFieldsAreNamedFromTheirRowAndColumn() {
        var map = CellMap(["project.code": "B5"])
        map.setItem(1, 0, 2, row: 21, columns: [("name", 3), ("score", 7)])
        map["indicators[1].weight"] = "B26"
        #expect(map["project.code"] == "B5")
        #expect(map["indicators[1].weight"] == "B26")
        #expect(map["indicators[1].categories[0].items[2].name"] == "D22")
        #expect(map["indicators[1].categories[0].items[2].score"] == "H22")
        #expect(map["indicators[1].categories[0].items[2].target"] == nil, "a key the row does not hold")
        #expect(map["indicators[1].categories[0].items[3].score"] == nil, "an item not read")
        #expect(map["indicators[1].categories[0].items[2]"] == nil, "a path that names no field")
        #expect(map["funds.total.executed"] == nil)
    }

    /// In the LibreOffice-saved seed the first item, 党建事务, stands in row 19: name in D19, weight G19, score H19.
    @Test func anItemPointsAtTheCellItWasReadFrom() throws {
        let reading = try FormFiles.readOne(TestFiles.fixture("xlsx/libreoffice-seed.xlsx").path)
        #expect(reading.form.indicators[0].categories[0].items[0].text("name") == "党建事务")
        let item = "indicators[0].categories[0].items[0]."
        #expect([reading.cells[item + "name"], reading.cells[item + "weight"], reading.cells[item + "score"]] == ["D19", "G19", "H19"])
    }
}
