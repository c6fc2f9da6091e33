import Foundation
import Testing
@testable import EvalSheet

/// The sheet reader gives each numeric cell's stored value beside the text its format shows (form-spec: decimal
/// fields take the stored value at Excel's 15 significant digits, text fields the displayed text), and names the
/// formulas saved without their result.
@Suite struct GridNumbersTests {
    static let styles = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="1"><numFmt numFmtId="164" formatCode="# ?/?"/></numFmts>
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="3"/><xf numFmtId="164"/><xf numFmtId="9"/></cellXfs></styleSheet>
        """

    private func grid(_ cells: String) throws -> Grid {
        let sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(cells)</sheetData></worksheet>
            """
        let styles = try StylesPart(Data(Self.styles.utf8), part: "xl/styles.xml")
        return try SheetPart.grid(Data(sheet.utf8), part: "xl/worksheets/sheet1.xml", sharedStrings: ["2555831.4"], styles: styles)
    }

    @Test func anAmountUnderAFormatWithoutDecimalsKeepsItsStoredValue() throws {
        let row = try grid(#"<row r="1"><c r="A1" s="1"><v>2555831.4</v></c><c r="B1" s="2"><v>2555831.4</v></c><c r="C1" s="3"><v>0.875</v></c></row>"#).rows[0]
        #expect(row.cells[0] == "2,555,831")
        #expect(row.numbers == ["2555831.4", "2555831.4", "0.875"])
        #expect(row.cells[2] == "88%")
    }

    @Test("stored values at 15 significant digits", arguments: [
        ("2560000", "2560000"), ("0.1", "0.1"), ("1.0000000000000002", "1"), ("123456789012345678", "123456789012346000"),
        ("1E-20", "0.00000000000000000001"), ("-2.5E3", "-2500"), ("2555831.4000000001", "2555831.4"), ("0", "0"),
        ("99999999999999.95", "100000000000000"), ("0.000123456789012345678", "0.000123456789012346"),
    ])
    func fifteenDigits(_ raw: String, _ expected: String) throws {
        let row = try grid(#"<row r="1"><c r="A1"><v>\#(raw)</v></c></row>"#).rows[0]
        #expect(row.number(at: 0) == expected)
    }

    @Test func textBooleansAndEmptyCellsHaveNoNumber() throws {
        let rows = try grid("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>12</t></is></c><c r="C1" t="b"><v>1</v></c>\
            <c r="D1" t="str"><f>A1</f><v>7</v></c><c r="F1" s="1"><f>SUM(A2)</f><v>12.5</v></c></row>
            <row r="2"><c r="A2" t="s"><v>0</v></c></row>
            """).rows
        #expect(rows[0].cells == ["2555831.4", "12", "TRUE", "7", "", "13"])
        #expect(rows[0].numbers == [nil, nil, nil, nil, nil, "12.5"])
        #expect(rows[1].numbers.isEmpty)
        #expect(rows[1].number(at: 0) == nil && rows[0].number(at: 99) == nil)
    }

    @Test func rowsComeTopToBottomWhateverOrderTheFileListsThem() throws {
        let rows = try grid("""
            <row r="3"><c r="B3" t="inlineStr"><is><t>b3</t></is></c></row>
            <row r="1"><c r="A1" t="inlineStr"><is><t>a1</t></is></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>a4</t></is></c><c r="A3" t="inlineStr"><is><t>a3</t></is></c>\
            <c r="A4" t="inlineStr"><is><t>again</t></is></c></row>
            """).rows
        #expect(rows.map(\.number) == [0, 2, 3])
        #expect(rows.map(\.cells) == [["a1"], ["a3", "b3"], ["again"]], "a row's cells in file order, the last of a place kept")
    }

    @Test func aNumberHiddenByItsFormatIsStillStored() throws {
        let styles = Self.styles.replacingOccurrences(of: "# ?/?", with: ";;;")
        let sheet = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="2"><v>42</v></c></row></sheetData></worksheet>"#
        let grid = try SheetPart.grid(Data(sheet.utf8), part: "sheet", sharedStrings: [],
                                      styles: try StylesPart(Data(styles.utf8), part: "styles"))
        #expect(grid.rows.first?.number(at: 0) == "42")
    }

    @Test func theSeedWorkbookGivesItsAmountsAsStored() throws {
        let data = try Data(contentsOf: TestFiles.fixture("xlsx/libreoffice-seed.xlsx"))
        let parts = try ZipParts(data: data)
        let styles = try StylesPart(try parts.read("xl/styles.xml"), part: "xl/styles.xml")
        let strings = try SharedStringsPart(try parts.read("xl/sharedStrings.xml"), part: "xl/sharedStrings.xml")
        let grid = try SheetPart.grid(try #require(try parts.read("xl/worksheets/sheet1.xml")), part: "sheet1",
                                      sharedStrings: strings.strings, styles: styles)
        let numbers = grid.rows.flatMap(\.numbers).compactMap { $0 }
        #expect(numbers.contains("2560000"))
        #expect(numbers.allSatisfy { FormDecimal(parsing: $0) != nil })
    }

    @Test func formulasSavedWithoutTheirResultAreNamed() throws {
        let grid = try grid(#"<row r="19"><c r="H19"><f>SUM(H1:H18)</f></c><c r="I19"><f>1+1</f><v>2</v></c><c r="J19" t="str"><f>A1</f><v></v></c></row>"#)
        #expect(grid.formulasWithoutValue == ["H19", "J19"])
        #expect(grid.rows.first?.number(at: 8) == "2")
    }
}
