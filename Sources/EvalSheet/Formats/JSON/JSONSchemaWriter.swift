/// Writes the JSON Schema of the canonical JSON from Templates/fields.json, so the schema cannot drift from the
/// form: `evalsheet schema` prints it, and a test checks that Templates/form.schema.json is this text.
public enum JSONSchemaWriter {
    public static func text() -> String {
        let catalog = FieldCatalog.shared
        var out = JSONOutput()
        out.object {
            $0.field("$schema", .string("https://json-schema.org/draft/2020-12/schema"))
            $0.field("$id", .string("urn:evalsheet:" + catalog.schema.replacingOccurrences(of: "evalsheet/", with: "").replacingOccurrences(of: "@", with: ":")))
            $0.field("title", .string("项目支出绩效自评表 (evalsheet canonical JSON, \(catalog.schema); generated from Templates/fields.json)"))
            $0.field("description", .string("Amounts, weights, rates and scores are strings holding plain decimals (no exponent, no separators), amounts in funds.unit. An absent key or null means the form's layout has no such cell or it is empty. Paragraphs inside a text are joined by \\n."))
            $0.field("type", .string("object"))
            $0.field("additionalProperties", .raw("false"))
            $0.field("required", .array([.string("schema")]))
            $0.field("$defs", .object {
                $0.field("decimal", .object {
                    $0.field("type", .array([.string("string"), .string("null")]))
                    $0.field("pattern", .string("^-?[0-9]+(\\.[0-9]+)?$"))
                })
                $0.field("item", object(catalog.itemFields.map { ($0.path, value($0)) }))
            })
            $0.field("properties", .object {
                $0.field("schema", .object { $0.field("enum", .array(([catalog.schema] + catalog.reads).map(JSONOutput.Value.string))) })
                $0.field("layout", .object {
                    $0.field("description", .string("The layout the form was read in (informative)"))
                    $0.field("enum", .array(((try? Layouts.all()) ?? []).map { .string($0.id) } + [.raw("null")]))
                })
                for shape in JSONShape.root { $0.field(shape.key, schema(shape)) }
            })
        }
        return out.text + "\n"
    }

    private static func schema(_ shape: JSONShape) -> JSONOutput.Value {
        switch shape {
        case .value(let field):
            return value(field)
        case .object(_, let children):
            return object(children.map { ($0.key, schema($0)) })
        case .indicators:
            let category = object([("name", .object { $0.field("type", .string("string")) }), ("weight", reference("decimal")),
                                   ("items", array(reference("item")))])
            return array(object([("name", .object { $0.field("type", .string("string")) }), ("weight", reference("decimal")),
                                 ("categories", array(category))]))
        case .extras:
            return array(object([("label", .object { $0.field("type", .string("string")) }),
                                 ("value", .object { $0.field("type", .string("string")) })], required: ["label", "value"]))
        }
    }

    private static func value(_ field: FieldCatalog.Field) -> JSONOutput.Value {
        .object {
            switch field.type {
            case .amount, .decimal, .percent: $0.field("$ref", .string("#/$defs/decimal"))
            case .integer: $0.field("type", .array([.string("integer"), .string("null")]))
            case .unit: $0.field("enum", .array(FieldCatalog.shared.moneyUnits.keys.sorted().map(JSONOutput.Value.string) + [.raw("null")]))
            default: $0.field("type", .array([.string("string"), .string("null")]))
            }
            $0.field("description", .string("\(field.zh) (\(field.en))"))
        }
    }

    private static func object(_ properties: [(String, JSONOutput.Value)], required: [String] = []) -> JSONOutput.Value {
        .object {
            $0.field("type", .string("object"))
            $0.field("additionalProperties", .raw("false"))
            if !required.isEmpty { $0.field("required", .array(required.map(JSONOutput.Value.string))) }
            $0.field("properties", .object { for (key, value) in properties { $0.field(key, value) } })
        }
    }

    private static func array(_ items: JSONOutput.Value) -> JSONOutput.Value {
        .object {
            $0.field("type", .string("array"))
            $0.field("items", items)
        }
    }

    private static func reference(_ name: String) -> JSONOutput.Value { .object { $0.field("$ref", .string("#/$defs/\(name)")) } }
}
