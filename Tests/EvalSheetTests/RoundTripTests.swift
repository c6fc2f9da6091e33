import Foundation
import Testing
@testable import EvalSheet

/// Every pair of formats gives back the form it was given, on the fixtures and on random forms.
@Suite struct RoundTripTests {
    static let formats: [any FormFormat] = [TSVFormat(), JSONFormat(), TSVFormat(encoding: .gb18030), TSVFormat(encoding: .utf16LE)]

    private func through(_ format: any FormFormat, _ form: Form) throws -> Form {
        try format.read(try format.write(form, options: WriteOptions()), options: ReadOptions())[0].form
    }

    @Test("TSV → JSON → TSV and JSON → TSV → JSON", arguments: TestFiles.tsvFixtures)
    func fixturesRoundTrip(_ input: URL) throws {
        let tsvText = try Data(contentsOf: input)
        let form = try TSVFormat().read(tsvText, options: ReadOptions())[0].form
        let json = try JSONFormat().write(form, options: WriteOptions())
        let tsv = try TSVFormat().write(try JSONFormat().read(json, options: ReadOptions())[0].form, options: WriteOptions())
        #expect(try TSVFormat().write(form, options: WriteOptions()) == tsv)
        let backToJSON = try JSONFormat().write(try TSVFormat().read(tsv, options: ReadOptions())[0].form, options: WriteOptions())
        #expect(json == backToJSON)
    }

    @Test("random forms survive every format", arguments: 0..<150)
    func randomFormsRoundTrip(_ seed: Int) throws {
        let form = RandomForms.form(seed: UInt64(seed))
        for format in Self.formats {
            let back = try through(format, form)
            #expect(back == form, "seed \(seed) through \(format.name)")
        }
    }

    @Test func randomFormsKeepDecimalScales() throws {
        for seed in 0..<20 {
            let form = RandomForms.form(seed: UInt64(seed))
            let json = try JSONFormat().write(form, options: WriteOptions())
            let back = try through(TSVFormat(), form)
            #expect(try JSONFormat().write(back, options: WriteOptions()) == json, "seed \(seed)")
        }
    }
}
