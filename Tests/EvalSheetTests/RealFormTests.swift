import Foundation
import Testing
@testable import EvalSheet

/// Real published forms (Fixtures/real/, sources in each source.md) read to their expected JSON from TSV and XLSX,
/// and survive a trip through every layout with every field the layout holds.
@Suite struct RealFormTests {
    static var cases: [String] {
        let folder = TestFiles.fixture("real")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("expected.json").path) }
            .sorted()
    }

    /// Each form as Excel saves it (TSV, XLSX) and, where the source had one, as a browser copies the web page's
    /// table (cells under merged ones left out).
    static var inputs: [String] {
        cases.flatMap { name in
            ["form.tsv", "form.xlsx", "form.browser-copy.txt"].map { "\(name)/\($0)" }
                .filter { FileManager.default.fileExists(atPath: TestFiles.fixture("real/" + $0).path) }
        }
    }

    @Test("every real form reads as its expected JSON", arguments: inputs)
    func readsAsExpected(_ input: String) throws {
        let url = TestFiles.fixture("real/" + input)
        let expected = try TestFiles.readForm(url.deletingLastPathComponent().appendingPathComponent("expected.json"))
        let actual = try TestFiles.readForm(url)
        #expect(actual.layout == expected.layout, "layout found from the labels")
        #expect(actual == expected, "\(input) differs from its expected JSON")
    }

    @Test("every real form goes through every layout and back", arguments: cases)
    func survivesEveryLayout(_ name: String) throws {
        let form = try TestFiles.readForm(TestFiles.fixture("real/\(name)/expected.json"))
        for layout in try Layouts.all() {
            let tsv = try TSVFormat().write(form, options: WriteOptions(layout: layout.id))
            let back = try TSVFormat().read(tsv, options: ReadOptions(layout: layout.id))[0].form
            let sent = LayoutConversion.prepare(form, for: layout)
            let notes = LayoutConversion.notes(for: form, in: layout).map(\.en).joined(separator: "\n")
            for (path, value) in sent.values where !value.isEmpty {
                if layout.has(path) || path == "funds.unit" {
                    #expect(back[path] == value, "\(name) → \(layout.id): \(path)")
                } else {
                    #expect(notes.contains(path), "\(name) → \(layout.id): \(path) is lost without a note")
                }
            }
            #expect(back.indicators.map(\.name) == sent.indicators.map(\.name), "\(name) → \(layout.id): level 1")
            #expect(back.indicators.map { $0.categories.map(\.name) } == sent.indicators.map { $0.categories.map(\.name) }, "\(name) → \(layout.id): level 2")
            let keys = FieldCatalog.shared.itemFields.map(\.path).filter { layout.has("item." + $0) }
            for (sentIndicator, backIndicator) in zip(sent.indicators, back.indicators) {
                for (sentCategory, backCategory) in zip(sentIndicator.categories, backIndicator.categories) {
                    // A layout that keeps a row per level 2 gives an empty level 2 one blank item.
                    let expectedCount = sentCategory.items.isEmpty && layout.keepsBlankItems ? 1 : sentCategory.items.count
                    #expect(backCategory.items.count == expectedCount, "\(name) → \(layout.id): items of \(sentCategory.name)")
                    for (sentItem, backItem) in zip(sentCategory.items, backCategory.items) {
                        for key in keys where sentItem[key].map({ !$0.isEmpty }) ?? false {
                            #expect(backItem[key] == sentItem[key], "\(name) → \(layout.id): item \(key)")
                        }
                    }
                }
            }
        }
    }
}

/// Writing in another layout: money converted exactly, fields without a cell named, any layout to any other.
@Suite struct LayoutConversionTests {
    private let seed = try! TestFiles.readForm(TestFiles.fixture("tsv/000_e57ca213149e2c8b.txt"))

    @Test func yuanBecomeWanYuanExactlyAndBack() throws {
        let mof = try Layouts.named("mof")
        let inWan = LayoutConversion.prepare(seed, for: mof)
        #expect(inWan.decimal("funds.total.executed")?.description == "255.58314")
        #expect(inWan.decimal("funds.total.annualBudget")?.description == "256.00")
        #expect(inWan.text("funds.unit") == "万元")
        let back = LayoutConversion.prepare(inWan, for: try Layouts.standard)
        #expect(back.decimal("funds.total.executed") == seed.decimal("funds.total.executed"))
        #expect(LayoutConversion.notes(for: seed, in: mof).first?.en == "amounts converted from 元 to 万元, the unit of layout mof")
    }

    @Test func aFieldTheTargetLacksIsNamed() throws {
        let notes = LayoutConversion.notes(for: seed, in: try Layouts.named("mof")).map(\.en).joined(separator: "\n")
        #expect(notes.contains("layout mof has no cell for project.code"), "\(notes)")
        let sichuan = try TestFiles.readForm(TestFiles.fixture("real/daying-2023-sichuan/expected.json"))
        let intoSeeds = LayoutConversion.notes(for: sichuan, in: try Layouts.standard).map(\.en).joined(separator: "\n")
        for path in ["funds.specialAccount.initialBudget", "funds.deviationReason", "indicators[].categories[].items[].nature",
                     "extras \u{201C}2.项目实施内容及过程概述\u{201D}"] {
            #expect(intoSeeds.contains(path), "\(path) in \(intoSeeds)")
        }
    }

    @Test("the seed goes into every layout as XLSX and comes back", arguments: try! Layouts.all().map(\.id))
    func seedThroughEveryLayoutAsXLSX(_ id: String) throws {
        let layout = try Layouts.named(id)
        let xlsx = try XLSXFormat().write(seed, options: WriteOptions(layout: id))
        let back = try XLSXFormat().read(xlsx, options: ReadOptions())[0].form
        #expect(back.layout == id, "the written workbook is recognised as \(id)")
        let sent = LayoutConversion.prepare(seed, for: layout)
        for (path, value) in sent.values where layout.has(path) && !value.isEmpty {
            #expect(back[path] == value, "\(id): \(path)")
        }
        #expect(back.allItems.count == sent.allItems.count, "\(id): every item")
    }
}
