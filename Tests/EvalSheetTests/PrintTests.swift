import Foundation
import Testing
@testable import EvalSheet

/// How the XLSX prints: row heights from their texts, page breaks between level-1 blocks.
@Suite struct PrintTests {
    @Test func textWrapsAsSimSunDrawsIt() {
        let padding = TextMeasure.horizontalPadding
        #expect(TextMeasure.lines(String(repeating: "字", count: 20), width: 200 + padding, fontSize: 10) == 1)
        #expect(TextMeasure.lines(String(repeating: "字", count: 21), width: 200 + padding, fontSize: 10) == 2)
        #expect(TextMeasure.lines(String(repeating: "8", count: 40), width: 200 + padding, fontSize: 10) == 1, "digits are half width")
        #expect(TextMeasure.lines(String(repeating: "字", count: 18) + " 2555831.40", width: 200 + padding, fontSize: 10) == 2,
                "an ASCII word moves whole to the next line")
        #expect(TextMeasure.lines(String(repeating: "字", count: 20) + "。", width: 200 + padding, fontSize: 10) == 2)
        #expect(TextMeasure.lines("一\n二", width: 200, fontSize: 10) == 2)
        #expect(TextMeasure.height(lines: 1, fontSize: 10) == 20 && TextMeasure.height(lines: 20, fontSize: 10) == 286)
    }

    @Test func theSeedsRowsAreAsTallAsTheirTexts() throws {
        let layout = SheetLayout(form: try seed(), template: try Layouts.standard)
        #expect(layout.rows[11].height == 286, "the goal: 671 characters over F:I, 20 lines (was 298 pt)")
        #expect(layout.rows.allSatisfy { $0.height >= 20 && $0.height <= TextMeasure.maximumRowHeight })
        #expect(layout.rows.filter { $0.template.kind == .items }.map(\.height).max() == 188)
    }

    @Test func theSeedsLayoutTurnsToLandscapeAndBreaksOnceBeforeTheIndicatorTable() throws {
        let template = try Layouts.standard
        let seedLayout = SheetLayout(form: try seed(), template: template)
        let setup = XLSXPrintSetup(layout: seedLayout)
        #expect(setup.isLandscape && setup.percent == 77, "portrait would print the seed's layout at 52 %")
        let blank = try seed().clearingInputs(layout: template)
        for form in [try seed(), blank] {
            let layout = SheetLayout(form: form, template: template)
            #expect(PageBreaks.rows(of: layout, pageHeight: XLSXPrintSetup(layout: layout).pageHeight) == [12],
                    "the goals on page 1, the indicator table from its header on page 2")
        }
        let empty = SheetLayout(form: template.emptyForm.clearingInputs(layout: template), template: template)
        #expect(PageBreaks.rows(of: empty, pageHeight: XLSXPrintSetup(layout: empty).pageHeight).isEmpty, "an empty template fits one page")
    }

    @Test func aLongFormBreaksBetweenLevel1BlocksAndLevel2OnlyInsideAPageTallBlock() throws {
        var form = try seed()
        for i in form.indicators.indices {
            for c in form.indicators[i].categories.indices {
                form.indicators[i].categories[c].items = Array(repeating: form.indicators[i].categories[c].items, count: 6).flatMap { $0 }
            }
        }
        let layout = SheetLayout(form: form, template: try Layouts.standard)
        let pageHeight = XLSXPrintSetup(layout: layout).pageHeight
        let breaks = PageBreaks.rows(of: layout, pageHeight: pageHeight)
        #expect(breaks.count >= 2)
        let header = try #require(layout.indicatorHeader)
        #expect(header == 12...12)
        let starts = { (field: String) in Set(layout.rows.filter { $0.cells.contains { $0.source.field == field } }.map(\.index)) }
        let room = pageHeight - layout.rows[header.lowerBound].height
        let level1 = starts("indicator.name"), level2 = starts("category.name")
        let tableEnd = layout.rows.count - 2
        /// Whether the block of those `starts` around `row` is taller than a page.
        func tall(_ starts: Set<Int>, around row: Int) throws -> Bool {
            let bounds = (starts + [tableEnd]).sorted()
            let first = try #require(bounds.last { $0 < row }), end = try #require(bounds.first { $0 > row })
            return layout.rows[first..<end].reduce(0) { $0 + $1.height } > room
        }
        for row in breaks where !level1.contains(row) && row != header.lowerBound {
            // between level-2 blocks only inside a level-1 block taller than a page; inside a level-2 block only when
            // that block is taller than a page
            #expect(try tall(level1, around: row), "row \(row) splits a level-1 block that fits a page")
            if !level2.contains(row) { #expect(try tall(level2, around: row), "row \(row) splits a level-2 block that fits a page") }
        }
        for (first, end) in zip([0] + breaks, breaks + [layout.rows.count]) {
            let room = first > header.upperBound ? pageHeight - layout.rows[header.lowerBound].height : pageHeight
            #expect(layout.rows[first..<end].reduce(0) { $0 + $1.height } <= room, "page from row \(first)")
        }
    }

    private func seed() throws -> Form {
        try TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))
    }
}
