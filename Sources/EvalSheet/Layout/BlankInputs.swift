extension Form {
    /// The same form with every field that Templates/ marks as user input emptied: a blank import template.
    public func clearingInputs(template: Template = .standard) -> Form {
        var form = self
        for cell in template.rows.flatMap(\.fields) where cell.effectiveRole.isInput {
            let path = cell.field!
            if let key = FormFields.formTexts[path] { form[keyPath: key] = "" }
            if let key = FormFields.formDecimals[path] { form[keyPath: key] = nil }
            if let key = FormFields.formIntegers[path] { form[keyPath: key] = nil }
            let text = FormFields.itemTexts[path]
            let decimal = FormFields.itemDecimals[path]
            guard text != nil || decimal != nil else { continue }
            form.updateItems { item in
                if let text { item[keyPath: text] = "" }
                if let decimal { item[keyPath: decimal] = nil }
            }
        }
        return form
    }

    /// Applies `change` to every level-3 item.
    mutating func updateItems(_ change: (inout Item) -> Void) {
        for i in indicators.indices {
            for c in indicators[i].categories.indices {
                for n in indicators[i].categories[c].items.indices { change(&indicators[i].categories[c].items[n]) }
            }
        }
    }
}
