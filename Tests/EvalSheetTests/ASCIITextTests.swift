import Testing
@testable import EvalSheet

/// Cell names and field paths built from their bytes, against the plain Swift that made them before.
@Suite struct ASCIITextTests {
    /// The letters as the old loop made them, one prepended at a time.
    private func lettersByLoop(_ index: Int) -> String {
        var letters = "", value = index + 1
        while value > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (value - 1) % 26))) + letters
            value = (value - 1) / 26
        }
        return letters
    }

    @Test func cellNamesMatchTheLettersAndDigits() {
        for column in [0, 1, 25, 26, 27, 51, 52, 701, 702, 703, 16_383, 18_277, 18_278, 1_000_000] {
            #expect(CellReference.columnLetters(column) == lettersByLoop(column))
            for row in [0, 8, 9, 99, 1_048_575] {
                #expect(CellReference.name(row: row, column: column) == lettersByLoop(column) + String(row + 1))
            }
        }
        #expect(CellReference.name(row: 8, column: 2) == "C9")
        #expect(CellReference.columnIndex(CellReference.columnLetters(16_383)) == 16_383)
    }

    @Test func extremesFitAndNegativesStayReadable() {
        let widest = CellReference.columnLetters(Int.max)
        #expect(widest.count == 14 && widest.allSatisfy { ("A"..."Z").contains($0) })
        #expect(CellReference.columnLetters(-1) == "")
        #expect(CellReference.name(row: -5, column: 0) == "A-4")
        #expect(CellReference.name(row: Int.max - 1, column: Int.max).hasSuffix(String(Int.max)))
        #expect(CellReference.name(row: Int.min, column: 3) == "D" + String(Int.min + 1))
    }

    @Test func indicatorPaths() {
        #expect(IndicatorPath.indicator(0) == "indicators[0]")
        #expect(IndicatorPath.category(12, 3) == "indicators[12].categories[3]")
        #expect(IndicatorPath.item(1, 20, 9_999) == "indicators[1].categories[20].items[9999]")
        #expect(IndicatorPath.indicator(3, field: "weight") == "indicators[3].weight")
        #expect(IndicatorPath.category(0, 1, field: "name") == "indicators[0].categories[1].name")
        #expect(IndicatorPath.item(0, 0, 0, field: "评分说明") == "indicators[0].categories[0].items[0].评分说明")
        #expect(IndicatorPath.itemIndexes(IndicatorPath.item(Int.max, 0, 7)).map { [$0.0, $0.1, $0.2] } == [Int.max, 0, 7])
    }
}
