/// Writes the canonical JSON by hand, so the key order is the contract's and Chinese stays unescaped.
enum JSONFormWriter {
    static func text(of form: Form) -> String {
        var out = JSONOutput()
        out.object {
            $0.field("schema", .string(Form.schema))
            $0.field("project", .object {
                $0.field("code", .string(form.project.code))
                $0.field("name", .string(form.project.name))
                $0.field("year", form.project.year.map { .raw(String($0)) } ?? .raw("null"))
                $0.field("implementingUnit", .string(form.project.implementingUnit))
                $0.field("primaryBudgetUnit", .string(form.project.primaryBudgetUnit))
            })
            $0.field("funds", .object {
                for (key, row) in [("total", form.funds.total), ("currentAppropriation", form.funds.currentAppropriation),
                                   ("carryover", form.funds.carryover), ("other", form.funds.other)] {
                    $0.field(key, .object {
                        $0.field("initialBudget", .decimal(row.initialBudget))
                        $0.field("annualBudget", .decimal(row.annualBudget))
                        $0.field("executed", .decimal(row.executed))
                    })
                }
                $0.field("weight", .decimal(form.funds.weight))
                $0.field("executionRate", .decimal(form.funds.executionRate))
                $0.field("score", .decimal(form.funds.score))
            })
            $0.field("overallGoal", .object {
                $0.field("expected", .string(form.overallGoal.expected))
                $0.field("actual", .string(form.overallGoal.actual))
            })
            $0.field("indicators", .array(form.indicators.map { indicator in .object {
                $0.field("name", .string(indicator.name))
                $0.field("weight", .decimal(indicator.weight))
                $0.field("categories", .array(indicator.categories.map { category in .object {
                    $0.field("name", .string(category.name))
                    $0.field("items", .array(category.items.map { item in .object {
                        $0.field("name", .string(item.name))
                        $0.field("target", .string(item.target))
                        $0.field("actual", .string(item.actual))
                        $0.field("weight", .decimal(item.weight))
                        $0.field("score", .decimal(item.score))
                        $0.field("deviationReason", .string(item.deviationReason))
                    } }))
                } }))
            } }))
            $0.field("totalWeight", .decimal(form.totalWeight))
            $0.field("totalScore", .decimal(form.totalScore))
        }
        return out.text + "\n"
    }
}

/// A minimal pretty JSON builder (two-space indent, `"key": value`), enough for the form.
struct JSONOutput {
    indirect enum Value {
        case string(String)
        case raw(String)
        case object((inout JSONOutput) -> Void)
        case array([Value])

        static func decimal(_ value: FormDecimal?) -> Value { value.map { .string($0.description) } ?? .raw("null") }
    }

    private(set) var text = ""
    private var depth = 0
    private var first = true

    mutating func object(_ body: (inout JSONOutput) -> Void) {
        text += "{"
        depth += 1
        first = true
        body(&self)
        depth -= 1
        text += first ? "}" : "\n" + indent + "}"
        first = false
    }

    mutating func field(_ key: String, _ value: Value) {
        text += (first ? "\n" : ",\n") + indent
        first = false
        JSONOutput.appendString(key, to: &text)
        text += ": "
        write(value)
    }

    private mutating func write(_ value: Value) {
        switch value {
        case .string(let string): JSONOutput.appendString(string, to: &text)
        case .raw(let raw): text += raw
        case .object(let body): object(body)
        case .array(let values):
            guard !values.isEmpty else { text += "[]"; return }
            text += "["
            depth += 1
            for (index, element) in values.enumerated() {
                text += (index == 0 ? "\n" : ",\n") + indent
                write(element)
            }
            depth -= 1
            text += "\n" + indent + "]"
        }
        first = false
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    static func appendString(_ string: String, to text: inout String) {
        text += "\""
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += string
            text += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
