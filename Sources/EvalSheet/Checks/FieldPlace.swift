/// Where a field sits on the form, in the words of the printed form: `绩效指标 › 产出指标 › 数量指标 › 党建事务 · 得分`.
enum FieldPlace {
    /// The place of `path` in `form`: block › level 1 › level 2 › item · column; empty for the whole form.
    static func words(_ path: String, in form: Form, language: Language) -> String {
        guard !path.isEmpty else { return "" }
        if path.hasPrefix("indicators[") { return indicatorWords(path, in: form, language: language) }
        let top = path.split(separator: ".").first.map(String.init) ?? path
        var parts = [block(top, language)].compactMap { $0 }
        if let field = FieldCatalog.shared.field(path) {
            let name = language == .zh ? field.zh : field.en
            // 年度资金总额 全年执行数 / total funds, executed: a row and a column of the funds table.
            let separator = language == .zh ? " " : ", "
            if let split = name.range(of: separator) {
                return (parts + [String(name[..<split.lowerBound])]).joined(separator: " › ") + " · " + name[split.upperBound...]
            }
            return parts.isEmpty ? name : parts.joined(separator: " › ") + " · " + name
        }
        parts.append(path)
        return parts.joined(separator: " › ")
    }

    /// 绩效指标 › 产出指标 › 数量指标 › 党建事务 · 得分, with 第 n 项 for an item without a name.
    private static func indicatorWords(_ path: String, in form: Form, language: Language) -> String {
        let numbers = IndicatorPath.indexes(path)
        let column = path.split(separator: ".").last.map(String.init) ?? ""
        var parts = [language == .zh ? "绩效指标" : "Indicators"]
        var columnName: String?
        if numbers.count >= 1, numbers[0] < form.indicators.count {
            let indicator = form.indicators[numbers[0]]
            parts.append(name(indicator.name, number: numbers[0], language))
            if numbers.count >= 2, numbers[1] < indicator.categories.count {
                let category = indicator.categories[numbers[1]]
                parts.append(name(category.name, number: numbers[1], language))
                if numbers.count == 3, numbers[2] < category.items.count {
                    parts.append(name(category.items[numbers[2]].text("name") ?? "", number: numbers[2], language))
                    columnName = FieldCatalog.shared.itemField(column).map { language == .zh ? $0.zh : $0.en }
                }
            }
        }
        if columnName == nil, column == "weight" { columnName = language == .zh ? "分值" : "weight" }
        if columnName == nil, column == "name" { columnName = language == .zh ? "名称" : "name" }
        return parts.joined(separator: " › ") + (columnName.map { " · " + $0 } ?? "")
    }

    private static func name(_ text: String, number: Int, _ language: Language) -> String {
        let trimmed = LabelText.normalized(text)
        if !trimmed.isEmpty { return trimmed }
        return language == .zh ? "第 \(number + 1) 项" : "no. \(number + 1)"
    }

    /// The block of the printed form a top-level key belongs to.
    private static func block(_ top: String, _ language: Language) -> String? {
        switch top {
        case "project": return language == .zh ? "项目信息" : "Project"
        case "funds": return language == .zh ? "项目资金" : "Funds"
        case "overallGoal": return language == .zh ? "年度总体目标" : "Annual goal"
        case "evaluation": return language == .zh ? "自评结论" : "Evaluation"
        case "signatures": return language == .zh ? "签字" : "Signatures"
        default: return nil
        }
    }
}
