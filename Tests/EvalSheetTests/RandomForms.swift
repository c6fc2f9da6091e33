@testable import EvalSheet

/// A small deterministic generator (SplitMix64), so a failing random form can be reproduced from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random forms of any shape, with texts that stress every format: tabs, newlines, quotes, `<`, `&`, emoji, empty strings.
enum RandomForms {
    static let pieces = ["党建", "事务", "a", "Z", " ", "\t", "\n", "\"", "\"\"", "<", ">", "&", "&amp;", "<p>", "</b>",
                         "😀", "👩‍💻", "（", "）", ":", "：", "%", "100%", "—", "，", "。", "1、", "≥", "\\", "'"]

    static func text(_ rng: inout SeededGenerator, maxPieces: Int = 8, allowEmpty: Bool = true) -> String {
        let count = Int.random(in: (allowEmpty ? 0 : 1)...maxPieces, using: &rng)
        return (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    /// A text that can stand alone as a label or a row's only content: not blank, no edge spaces, no brackets.
    static func name(_ rng: inout SeededGenerator) -> String {
        let core = ["党建", "指标", "数量", "质量", "😀", "A", "社会", "&", "<", "\"", "x"]
        let count = Int.random(in: 1...4, using: &rng)
        return (0..<count).map { _ in core.randomElement(using: &rng)! }.joined()
    }

    static func decimal(_ rng: inout SeededGenerator, allowNil: Bool = true) -> FormDecimal? {
        if allowNil, Int.random(in: 0..<8, using: &rng) == 0 { return nil }
        let scale = Int.random(in: 0...2, using: &rng)
        let units = Int.random(in: 0...999_999_999, using: &rng)
        var text = String(units)
        if scale > 0 {
            while text.count <= scale { text = "0" + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
        }
        return FormDecimal(parsing: text)
    }

    static func form(seed: UInt64) -> Form {
        var rng = SeededGenerator(seed: seed)
        var form = Form()
        form["project.code"] = .text(String(Int.random(in: 0...Int.max, using: &rng)))
        form["project.name"] = .text(name(&rng))
        form["project.year"] = .integer(Bool.random(using: &rng) ? Int.random(in: 2000...2099, using: &rng) : nil)
        form["project.implementingUnit"] = .text(name(&rng))
        form["project.primaryBudgetUnit"] = .text(name(&rng) + "（本级）")
        form["funds.unit"] = .text("元")
        for row in ["total", "currentAppropriation", "carryover", "other"] {
            for column in ["initialBudget", "annualBudget", "executed"] { form["funds.\(row).\(column)"] = .decimal(decimal(&rng)) }
        }
        for path in ["funds.weight", "funds.executionRate", "funds.score", "totalWeight", "totalScore"] {
            form[path] = .decimal(decimal(&rng))
        }
        form["overallGoal.expected"] = .text(text(&rng, maxPieces: 30))
        form["overallGoal.actual"] = .text(text(&rng, maxPieces: 30))
        form.layout = "shenzhen"
        var previous = ""
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            var indicatorName = name(&rng)
            while indicatorName == previous { indicatorName += "A" }
            previous = indicatorName
            var indicator = Indicator(name: indicatorName, weight: decimal(&rng))
            var previousCategory = ""
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                var categoryName = name(&rng)
                while categoryName == previousCategory { categoryName += "x" }
                previousCategory = categoryName
                var category = Category(name: categoryName)
                for _ in 0..<Int.random(in: 1...5, using: &rng) {
                    category.items.append(Item(["name": .text(name(&rng)), "target": .text(text(&rng)), "actual": .text(text(&rng)),
                                                "weight": .decimal(decimal(&rng)), "score": .decimal(decimal(&rng)),
                                                "deviationReason": .text(text(&rng))]))
                }
                indicator.categories.append(category)
            }
            form.indicators.append(indicator)
        }
        return form
    }
}
