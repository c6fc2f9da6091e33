import Testing
@testable import EvalSheet

/// Label search by UTF-8 bytes, as level labels and patterns use it.
@Suite struct LabelSearchTests {
    private func offsets(_ literal: String, in text: String, last: Bool) -> (Int, Int)? {
        LabelText.range(of: literal, in: text[...], last: last).map {
            (text.utf8.distance(from: text.startIndex, to: $0.lowerBound), text.utf8.distance(from: text.startIndex, to: $0.upperBound))
        }
    }

    @Test func findsTheFirstOrLastPlaceByBytes() {
        #expect(offsets("(", in: "产出指标(50分)", last: false).map { [$0.0, $0.1] } == [12, 13])
        #expect(offsets("指标", in: "效益指标(经济效益指标)", last: true).map { [$0.0, $0.1] } == [25, 31])
        #expect(offsets("指标", in: "效益指标(经济效益指标)", last: false).map { [$0.0, $0.1] } == [6, 12])
        #expect(offsets("自评表", in: "项目支出绩效自评表(2023年度)", last: false) != nil)
        #expect(offsets("分)", in: "分", last: false) == nil, "longer than the text")
        #expect(offsets("", in: "分", last: false) == nil, "nothing to find")
        #expect(offsets("x", in: "", last: true) == nil)
    }

    @Test func aLevelLabelSplitsAtItsLastBracket() {
        let label = LevelLabel("{name}({weight}分)")
        #expect(label.parse("产出指标（50分）").map { [$0.name ?? "", $0.weight?.description ?? ""] } == ["产出指标", "50"])
        #expect(label.parse("效益(社会)指标(30分)").map { [$0.name ?? "", $0.weight?.description ?? ""] } == ["效益(社会)指标", "30"])
    }

    /// A simple label (ASCII, CJK, full-width forms) is taken apart by its scalars: the same as by its characters.
    @Test func aSimpleLevelLabelParsesAsByCharacters() {
        let labels = ["产出指标 (50分)", "产出指标（50分）", "产出指标\n（50分）", "经济效益\r\n指标 (10分)", "效益(社会)指标(30分)", " 满意度指标　(10 分) ",
                      "(30分)", "效益指标", "数量指标（abc分）", "", "  ", "指标（５０分）", "成本指标(12.5分)", "a(1分)b"]
        for format in ["{name} ({weight}分)", "{name}({weight}分)", "{name}（{weight}）"] {
            let level = LevelLabel(format)
            for label in labels {
                #expect(LevelLabel.isSimple(label), "\(label)")
                let byScalars = level.parse(label, simple: true), byCharacters = level.parse(label, simple: false)
                #expect(byScalars?.name == byCharacters?.name && byScalars?.weight == byCharacters?.weight && (byScalars == nil) == (byCharacters == nil),
                        "\(format) \(label)")
            }
        }
        #expect(!LevelLabel.isSimple("e\u{301}(1分)") && !LevelLabel.isSimple("指\u{FE0F}标"), "a combining mark or a selector is not simple")
    }

    @Test func aSearchWithinASubstringCountsFromItsStart() {
        let text = "年度：2023年度"
        let tail = text[text.index(text.startIndex, offsetBy: 3)...]
        let found = LabelText.range(of: "年度", in: tail, last: false)
        #expect(found.map { String(text[$0.lowerBound...]) } == "年度")
        #expect(found.map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) } == 13)
    }

    @Test func aLabelNormalisesWithOrWithoutMarkup() {
        #expect(LabelText.normalized("* 实际完成值") == "实际完成值")
        #expect(LabelText.normalized("项目编码：") == "项目编码")
        #expect(LabelText.normalized("（５０分）") == "(50分)")
        #expect(LabelText.normalized("＊＊ 指标 ：:") == "指标")
        #expect(LabelText.normalized("a * b") == "a*b", "a star inside stays")
        #expect(LabelText.normalized("<b>产出指标</b>：") == "产出指标")
        #expect(LabelText.normalized("*") == "" && LabelText.normalized("\u{3000} ") == "")
        #expect(LabelText.normalized("总分") == "总分")
    }

    /// A row's hash summary rules a label out only when the row lacks it: every cell's hash, whole and before its
    /// colon, is in the summary, and a label the row lacks is mostly ruled out.
    @Test func aRowsHashSummaryHoldsEveryCellsHashes() {
        let grid = Grid(rows: [Grid.Row(number: 0, cells: ["项目名称：某项目", "", "年度指标值", "实际完成值", "得分"])])
        let row = LabelCells(grid).row(0)
        for (whole, prefix) in row.hashes {
            #expect(row.mask.intersects(LabelHashMask([whole])))
            if prefix != 0 { #expect(row.mask.intersects(LabelHashMask([prefix]))) }
        }
        #expect(row.mask.intersects(LabelHashMask([LabelHash.of("项目名称").whole])), "a label:value cell holds its label")
        let absent = ["预算执行率", "总分", "偏差原因分析及改进措施", "项目资金", "满意度指标", "成本指标"].map { LabelHash.of($0).whole }
        #expect(absent.contains { !row.mask.intersects(LabelHashMask([$0])) }, "labels the row lacks are mostly ruled out")
    }

    @Test func aShownAmountMatchesItsStoredNumber() {
        let cases: [(String, String, Bool)] = [
            ("2,560,000.00", "2560000", true), ("2560000", "2560000", true), ("2,560,000.10", "2560000.1", true),
            ("1.50", "1.5", true), ("2560000.", "2560000", false), ("2560000.01", "2560000", false), ("9.99", "9.985", false),
            ("1.5", "1.50", false), ("1.5x", "1.5", false), ("12", "1", false), ("", "", true), ("0.0", "0", true),
        ]
        for (shown, stored, expected) in cases {
            #expect(LayoutReader.shows(shown, stored: stored) == expected, "\(shown) for \(stored)")
        }
    }
}
