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

    @Test func aSearchWithinASubstringCountsFromItsStart() {
        let text = "年度：2023年度"
        let tail = text[text.index(text.startIndex, offsetBy: 3)...]
        let found = LabelText.range(of: "年度", in: tail, last: false)
        #expect(found.map { String(text[$0.lowerBound...]) } == "年度")
        #expect(found.map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) } == 13)
    }
}
