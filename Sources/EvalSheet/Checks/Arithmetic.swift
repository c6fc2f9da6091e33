import Foundation

/// The form's arithmetic (form-spec.md), in exact decimals, rounding half up.
enum Arithmetic {
    /// executed / annualBudget × 100, to 2 places; nil when either is missing or the budget is 0.
    static func executionRate(_ funds: Funds) -> FormDecimal? {
        guard let executed = funds.total.executed?.value, let budget = funds.total.annualBudget?.value, budget != 0 else { return nil }
        return FormDecimal(executed / budget * 100, scale: 2).rounded(2)
    }

    /// weight × min(rate, 100) / 100, to 2 places.
    static func fundsScore(weight: FormDecimal?, rate: FormDecimal?) -> FormDecimal? {
        guard let weight = weight?.value, let rate = rate?.value else { return nil }
        return FormDecimal(weight * min(rate, 100) / 100, scale: 2).rounded(2)
    }

    static func sum(_ values: [FormDecimal?]) -> FormDecimal {
        values.compactMap { $0 }.reduce(FormDecimal(0)) { $0 + $1 }
    }

    static func items(_ form: Form) -> [Item] { form.indicators.flatMap(\.categories).flatMap(\.items) }

    static func totalWeight(_ form: Form) -> FormDecimal {
        sum([form.funds.weight] + form.indicators.map(\.weight))
    }

    static func totalScore(_ form: Form) -> FormDecimal {
        sum([form.funds.score] + items(form).map(\.score))
    }
}

extension Form {
    /// The same form with the computed system fields (execution rate, funds score, total weight, total score) worked out from the inputs.
    public func recomputed() -> Form {
        var form = self
        form.funds.executionRate = Arithmetic.executionRate(funds) ?? funds.executionRate
        form.funds.score = Arithmetic.fundsScore(weight: funds.weight, rate: form.funds.executionRate) ?? funds.score
        form.totalWeight = Arithmetic.totalWeight(form)
        form.totalScore = Arithmetic.totalScore(form)
        return form
    }
}
