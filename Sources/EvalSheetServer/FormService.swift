import EvalSheet
import Foundation

/// Everything the server takes from the EvalSheet library, in one file, so a library change is adapted here only.
enum FormService {
    /// A form layout the page offers: its id and its name for people.
    struct Layout: Sendable, Equatable {
        let id: String
        let name: String
    }

    /// A file made for download.
    struct Output: Sendable {
        let name: String
        let data: Data
        let contentType: String
    }

    /// A refusal with the command line's one-line message; `invalidForm` separates "not a valid form" from "unreadable".
    struct Failure: Error, Sendable {
        let message: String
        let invalidForm: Bool
    }

    /// The layouts of the form, as `evalsheet layouts` lists them.
    static func layouts() -> [Layout] {
        ((try? Layouts.all()) ?? []).map { Layout(id: $0.id, name: $0.title) }
    }

    /// The file extensions that name a form (`tsv`, `txt`, `json`, `xlsx`).
    static var formExtensions: Set<String> { Set(FormatRegistry.all().flatMap(\.extensions)) }

    /// How the form in `upload` converts to `format`, checked in `mode` against the system's record among `baselines`.
    static func convert(_ upload: Upload, to format: String, encoding: String?, options: CheckChoice, baselines: [Upload]) throws -> Output {
        try refusingLikeTheCLI(in: options.lang) {
            let textEncoding = try encoding.map(textEncoding(named:))
            let writer = try FormatRegistry.format(named: format, encoding: textEncoding)
            let (_, checked) = try check(upload, options: options, baselines: baselines)
            let name = upload.stem + "." + writer.extensions[0]
            let layout = options.layout.flatMap { $0.isEmpty ? nil : $0 }
            do {
                return Output(name: name, data: try writer.write(checked.form, options: WriteOptions(layout: layout)),
                              contentType: contentType(writer.name, encoding: textEncoding))
            } catch let error as EvalSheetError {
                throw error.located(in: name)
            }
        }
    }

    /// The JSON of `evalsheet validate --format json` for `upload`, with the layout and the project's identity added.
    static func validate(_ upload: Upload, options: CheckChoice, baselines: [Upload]) throws -> Data {
        try refusingLikeTheCLI(in: options.lang) {
            let (reading, checked) = try check(upload, options: options, baselines: baselines)
            let report = Reports.json(checked.findings, file: upload.name, sheet: reading.sheet,
                                      mode: try importMode(options, baselines: baselines), language: try language(options.lang))
            guard var object = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any] else {
                throw Failure(message: "\(upload.name): the report could not be built", invalidForm: false)
            }
            let form = checked.form
            object["layout"] = form.layout ?? NSNull()
            func text(_ path: String) -> Any { form.text(path) ?? NSNull() }
            object["project"] = ["code": text("project.code"), "name": text("project.name"),
                                 "year": form.integer("project.year").map { $0 as Any } ?? NSNull(),
                                 "implementingUnit": text("project.implementingUnit"), "primaryBudgetUnit": text("project.primaryBudgetUnit")]
            return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        }
    }

    /// The form in `upload` written back in its layout with each finding's cell marked and commented (`validate --annotate`).
    static func annotate(_ upload: Upload, options: CheckChoice, baselines: [Upload]) throws -> Output {
        try refusingLikeTheCLI(in: options.lang) {
            let (reading, checked) = try check(upload, options: options, baselines: baselines)
            let name = upload.stem + (try language(options.lang) == .zh ? "-问题标注.xlsx" : "-annotated.xlsx")
            let data: Data
            do {
                data = try XLSXFormat().annotated(reading.form, findings: checked.findings, language: try language(options.lang), options: WriteOptions())
            } catch let error as EvalSheetError {
                throw error.located(in: name)
            }
            return Output(name: name, data: data, contentType: contentType("xlsx", encoding: nil))
        }
    }

    /// A blank import template in `format`: system cells from `source` when given, otherwise empty under the standard indicators.
    static func template(from source: Upload?, format: String, layout id: String?) throws -> Output {
        try refusingLikeTheCLI {
            _ = try layout(id)
            let writer = try FormatRegistry.format(named: format)
            let filled = try source.map { try read($0).form }
            let target = try LayoutConversion.target(for: filled ?? Form(), requested: id.flatMap { $0.isEmpty ? nil : $0 })
            let form = (filled ?? target.emptyForm).clearingInputs(layout: target)
            let stem = source.map { $0.stem + "-导入模板" } ?? "导入模板"
            return Output(name: stem + "." + writer.extensions[0], data: try writer.write(form, options: WriteOptions(layout: target.id)),
                          contentType: contentType(writer.name, encoding: nil))
        }
    }

    /// Converts every form under `input` into `output` as `evalsheet batch` does, writing report.csv and report.json there.
    static func batch(input: URL, output: URL, to format: String, options: CheckChoice) throws {
        try refusingLikeTheCLI(in: options.lang) {
            let language = try language(options.lang)
            let converter = BatchConverter(input: input, output: output, format: try FormatRegistry.format(named: format),
                                           mode: try importMode(options, baselines: []), jobs: 1)
            let outcomes = converter.run(try converter.inputs()) { _, _ in }
            /// Errors name the input by its full path; the report names it as uploaded, relative to the input folder.
            func relative(_ report: String) -> String {
                let root = input.standardizedFileURL.path
                return report.replacingOccurrences(of: root + "/", with: "")
                    .replacingOccurrences(of: root.replacingOccurrences(of: "/", with: "\\/") + "\\/", with: "")
            }
            try AtomicFile.write(Data(relative(BatchReport.csv(outcomes, language: language)).utf8), to: output.appendingPathComponent("report.csv").path)
            try AtomicFile.write(Data(relative(BatchReport.json(outcomes, language: language)).utf8), to: output.appendingPathComponent("report.json").path)
        }
    }

    /// The chosen layout; nil means the first.
    static func layout(_ id: String?) throws -> Layout {
        let all = layouts()
        guard let id, !id.isEmpty else { return all[0] }
        guard let found = all.first(where: { $0.id == id }) else {
            throw Failure(message: "unknown layout \"\(id)\"; use one of \(all.map(\.id).joined(separator: ", "))", invalidForm: false)
        }
        return found
    }

    private static func check(_ upload: Upload, options: CheckChoice, baselines: [Upload]) throws -> (FormReading, CheckedForm) {
        _ = try layout(options.layout)
        let reading = try read(upload)
        let system = try baseline(for: reading.form, named: upload.name, among: baselines)
        do {
            return (reading, try FormImport.check(reading, mode: try importMode(options, baselines: baselines), baseline: system))
        } catch let error as EvalSheetError {
            throw error.located(in: upload.name)
        }
    }

    /// The system's record of `form`: the one baseline given, or among a folder's worth the one with the same project code and year.
    private static func baseline(for form: Form, named name: String, among baselines: [Upload]) throws -> Form? {
        let records = try baselines.map { try read($0).form }
        guard records.count > 1 else { return records.first }
        guard let match = records.first(where: { $0["project.code"] == form["project.code"] && $0["project.year"] == form["project.year"] }) else {
            throw Failure(message: "\(name): none of the \(records.count) baselines is project \(form.text("project.code") ?? form.text("project.name") ?? "?") of \(form.integer("project.year").map(String.init) ?? "no year"); add the system's record of this form",
                          invalidForm: true)
        }
        return match
    }

    /// The first form in `upload`, the format from its name's extension, errors located as the command line locates them.
    private static func read(_ upload: Upload) throws -> FormReading {
        do {
            let format = try FormatRegistry.format(forPath: upload.name)
            guard let first = try format.read(upload.data, options: ReadOptions()).first else {
                throw EvalSheetError(.invalidForm, "no form found in the file", zh: "文件中没有找到表")
            }
            return first
        } catch let error as EvalSheetError {
            throw error.located(in: upload.name)
        }
    }

    private static func importMode(_ options: CheckChoice, baselines: [Upload]) throws -> ImportMode {
        if !baselines.isEmpty { return .import }
        guard let mode = ImportMode(rawValue: options.mode ?? "export") else {
            throw Failure(message: "unknown mode \"\(options.mode ?? "")\"; use export or import", invalidForm: false)
        }
        return mode
    }

    private static func language(_ name: String?) throws -> Language {
        guard let language = Language(rawValue: name ?? "zh") else {
            throw Failure(message: "unknown language \"\(name ?? "")\"; use zh or en", invalidForm: false)
        }
        return language
    }

    private static func textEncoding(named name: String) throws -> TextEncoding {
        guard let encoding = TextEncoding(name: name) else {
            throw Failure(message: "unknown encoding \"\(name)\"; use utf-8, utf-8-bom, utf-16le or gb18030", invalidForm: false)
        }
        return encoding
    }

    private static func contentType(_ format: String, encoding: TextEncoding?) -> String {
        switch format {
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=" + charset(encoding)
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: return "text/tab-separated-values; charset=" + charset(encoding)
        }
    }

    /// The charset of text written in `encoding` (the encodings the page offers).
    private static func charset(_ encoding: TextEncoding?) -> String {
        encoding == .gb18030 ? "gb18030" : encoding == .utf16LE ? "utf-16le" : "utf-8"
    }

    /// Runs `body`, turning the library's errors into failures carrying the command line's message in `language`
    /// (the page's: Chinese unless it asks for English).
    private static func refusingLikeTheCLI<T>(in language: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as EvalSheetError {
            throw Failure(message: error.message(Language(rawValue: language ?? "zh") ?? .zh), invalidForm: error.kind == .invalidForm)
        }
    }
}
