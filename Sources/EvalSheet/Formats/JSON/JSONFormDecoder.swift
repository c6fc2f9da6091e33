import Foundation

/// Checks a parsed JSON tree against the canonical shape and builds the form; errors name the JSON path.
enum JSONFormDecoder {
    static func form(from root: Any) throws -> Form {
        let object = try JSONObject(root, path: "")
        let schema = try object.string("schema")
        guard schema == Form.schema else {
            throw EvalSheetError(.invalidForm, "schema: expected \"\(Form.schema)\", found \"\(schema.prefix(60))\"; this JSON is not an evalsheet form of this version")
        }
        var form = Form()
        let project = try object.object("project")
        form.project.code = try project.string("code")
        form.project.name = try project.string("name")
        form.project.year = try project.integer("year")
        form.project.implementingUnit = try project.string("implementingUnit")
        form.project.primaryBudgetUnit = try project.string("primaryBudgetUnit")

        let funds = try object.object("funds")
        for (key, row) in [("total", \Funds.total), ("currentAppropriation", \.currentAppropriation),
                           ("carryover", \.carryover), ("other", \.other)] {
            let values = try funds.object(key)
            form.funds[keyPath: row] = FundsRow(initialBudget: try values.decimal("initialBudget"),
                                                annualBudget: try values.decimal("annualBudget"),
                                                executed: try values.decimal("executed"))
        }
        form.funds.weight = try funds.decimal("weight")
        form.funds.executionRate = try funds.decimal("executionRate")
        form.funds.score = try funds.decimal("score")

        let goal = try object.object("overallGoal")
        form.overallGoal = Goal(expected: try goal.string("expected"), actual: try goal.string("actual"))

        form.indicators = try object.array("indicators").map { indicator in
            Indicator(name: try indicator.string("name"), weight: try indicator.decimal("weight"),
                      categories: try indicator.array("categories").map { category in
                Category(name: try category.string("name"), items: try category.array("items").map { item in
                    Item(name: try item.string("name"), target: try item.string("target"),
                         actual: try item.string("actual"), weight: try item.decimal("weight"),
                         score: try item.decimal("score"), deviationReason: try item.string("deviationReason"))
                })
            })
        }
        form.totalWeight = try object.decimal("totalWeight")
        form.totalScore = try object.decimal("totalScore")
        return form
    }
}

/// A JSON object with typed accessors whose errors carry the path (`funds.total.executed`).
private struct JSONObject {
    let values: [String: Any]
    let path: String

    init(_ value: Any, path: String) throws {
        guard let values = value as? [String: Any] else {
            throw EvalSheetError(.invalidForm, "\(path.isEmpty ? "the document" : path): expected an object, found \(JSONObject.kind(of: value))")
        }
        self.values = values
        self.path = path
    }

    private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func required(_ key: String) throws -> Any {
        guard let value = values[key] else {
            throw EvalSheetError(.invalidForm, "\(child(key)): missing; add the key (see Templates/form.schema.json)")
        }
        return value
    }

    private func typeError(_ key: String, _ expected: String, _ value: Any) -> EvalSheetError {
        EvalSheetError(.invalidForm, "\(child(key)): expected \(expected), found \(JSONObject.kind(of: value))")
    }

    func string(_ key: String) throws -> String {
        let value = try required(key)
        guard let text = value as? String else { throw typeError(key, "a string", value) }
        return text
    }

    func decimal(_ key: String) throws -> FormDecimal? {
        let value = try required(key)
        if value is NSNull { return nil }
        guard let text = value as? String else { throw typeError(key, "a decimal string", value) }
        if text.isEmpty { return nil }
        guard let decimal = FormDecimal(parsing: text), !text.contains(",") else {
            throw typeError(key, "a decimal string", value)
        }
        return decimal
    }

    func integer(_ key: String) throws -> Int? {
        let value = try required(key)
        if value is NSNull { return nil }
        guard let number = value as? NSNumber, !JSONObject.isBoolean(number),
              let integer = Int(exactly: number.doubleValue), abs(integer) < 1_000_000_000,
              Double(integer) == number.doubleValue
        else { throw typeError(key, "an integer", value) }
        return integer
    }

    func object(_ key: String) throws -> JSONObject { try JSONObject(try required(key), path: child(key)) }

    func array(_ key: String) throws -> [JSONObject] {
        let value = try required(key)
        guard let items = value as? [Any] else { throw typeError(key, "an array", value) }
        return try items.enumerated().map { try JSONObject($0.element, path: "\(child(key))[\($0.offset)]") }
    }

    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c" || type(of: number) == type(of: NSNumber(value: true))
    }

    static func kind(of value: Any) -> String {
        switch value {
        case let text as String: return "\"\(text.prefix(60))\""
        case is NSNull: return "null"
        case let number as NSNumber: return isBoolean(number) ? "a boolean" : "the number \(number)"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "\(type(of: value))"
        }
    }
}
