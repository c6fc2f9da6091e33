import Foundation
import Testing
@testable import EvalSheet

/// The plain-XML reader against expat: on every part of every fixture workbook, on hand-made edge cases and on
/// thousands of damaged parts, a part it reads gives exactly expat's events, and everything expat refuses it leaves.
struct PlainXMLTests {
    /// True when the plain reader read `data` (its events then checked against expat's), false when it left it.
    @discardableResult
    private func agrees(_ data: Data, _ comment: Comment? = nil) -> Bool {
        guard let plain = XMLEventLog.plain(data) else { return false }
        let expat = XMLEventLog.expat(data)
        #expect(expat != nil, "expat refuses what the plain reader read: \(comment ?? "")")
        if let expat, plain != expat {
            let index = plain.indices.first { $0 >= expat.count || plain[$0] != expat[$0] } ?? plain.count
            let shown = { (events: [[UInt8]]) in index < events.count ? String(decoding: events[index], as: UTF8.self).debugDescription : "nothing" }
            Issue.record("\(comment ?? ""): event \(index) is \(shown(plain)) here, \(shown(expat)) from expat")
        }
        return true
    }

    /// Every .xml and .rels part of every workbook in Fixtures/, as Python's zipfile extracts them.
    private func fixtureParts() throws -> [(name: String, data: Data)] {
        let folder = TestFiles.temporaryDirectory()
        let workbooks = FileManager.default.enumerator(at: TestFiles.fixture(""), includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xlsx" && !$0.lastPathComponent.hasPrefix("zip-bomb") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", """
            import os, sys, zipfile
            for n, path in enumerate(sys.argv[2:]):
                try: zipfile.ZipFile(path).extractall(os.path.join(sys.argv[1], str(n)))
                except Exception: pass
            """, folder.path] + workbooks.map(\.path)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { ["xml", "rels"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
            .map { ($0.path, try Data(contentsOf: $0)) }
    }

    @Test func everyFixturePartReadsAsExpatReadsIt() throws {
        let parts = try fixtureParts()
        let read = parts.filter { agrees($0.data, "\($0.name)") }
        #expect(parts.count > 250)
        // the fast path must apply to real files, or it is only more code
        #expect(read.count * 10 >= parts.count * 9, "\(read.count) of \(parts.count) parts read plainly")
        let seed = try ZipParts(data: Data(contentsOf: TestFiles.fixture("xlsx/libreoffice-seed.xlsx")))
        for name in ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"] {
            #expect(XMLEventLog.plain(try #require(try seed.read(name))) != nil, "the seed's \(name) is read plainly")
        }
    }

    @Test func plainEdgesReadAsExpatReadsThem() {
        let accepted = [
            "<a/>", "\u{FEFF}<a/>", "<?xml version=\"1.0\"?><a/>", "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<a/>\n",
            "<?xml version=\"1.0\" standalone=\"no\"?><a/>", "  \n<a></a>  \n", "<x:a xmlns:x=\"u\" x:b='1'>t</x:a >",
            "<a b=\"&lt;&gt;&amp;&quot;&apos;\" c='&#65;&#x4e2d;&#128512;'>&#x1F600;&lt;中文&amp;</a>", "<a>]]</a>", "<a>]></a>",
            "<a\tb = \"1\"\nc='2'/>", "<a><b><c/></b>\ttext\n<d e='>'/></a>", "<a>\u{10FFFF}\u{FFFD}\u{E000}\u{D7FF}</a>",
            "<a b='\"'/>", "<_a-b.c9:d/>", "<a b='&#9;&#10;&#13;&#xD;&#xa;'>&#13;&#10;&#9;x&#xD;</a>",
            "<a>\r\n<b c='x\r\ny\rz\n\tw\r\r\n'>1\r2\r\r\n3\n\r</b>\r</a>\r\n", "<?xml version=\"1.0\"?>\r\n<a\r\nb='1'\r/>",
        ]
        for text in accepted { #expect(agrees(Data(text.utf8), "\(text)"), "\(text) is read plainly") }
        let nested = String(repeating: "<a>", count: XMLEventParser.maximumDepth) + String(repeating: "</a>", count: XMLEventParser.maximumDepth)
        #expect(agrees(Data(nested.utf8)), "as deep as the limit")
    }

    /// What expat refuses, and what the plain reader leaves to expat because expat reads it its own way.
    @Test func everythingElseIsLeftToExpat() {
        let left = [
            "", " ", "<a>", "<a></b>", "<a></a><b/>", "<a/>x", "text", "<a b='1' b='2'/>", "<a b='1'c='2'/>", "<a b=1/>",
            "<a>]]></a>", "<a b='<'/>", "<a>&unknown;</a>", "<a>&#0;</a>",
            "<a>&#8;</a>", "<a>&#x1F;</a>", "<a>&#xD800;</a>", "<a>&#xFFFE;</a>", "<a>&#x110000;</a>", "<a>&#;</a>", "<a>&lt</a>", "<a>&</a>",
            "<a><!-- c --></a>", "<a><![CDATA[x]]></a>", "<a><?pi x?></a>", "<!DOCTYPE a><a/>", "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>",
            "<?xml version=\"1.1\"?><a/>", "<?xml version=\"1.0\" encoding=\"GBK\"?><a/>", " <?xml version=\"1.0\"?><a/>",
            "<?xml-stylesheet href='s'?><a/>", "<中/>", "<a 中='1'/>", "<:a/>", "<1a/>", "<a/ >", "<a>\u{1}</a>", "<a\u{0}/>",
            "<a>\0</a>", "<a></a\0>", "<?xml version=\"1.0\" encoding?><a/>", "<?xml version=\"1.0\" standalone ?><a/>",
            "<?xml version=\"1.0\" encoding standalone=\"yes\"?><a/>", "<?xml version=\"1.0\" encodingstandalone=\"yes\"?><a/>",
        ]
        for text in left {
            #expect(XMLEventLog.plain(Data(text.utf8)) == nil, "\(text.debugDescription) is left to expat")
        }
        let badUTF8: [[UInt8]] = [[0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF],
                                  [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE4, 0xB8], [0xFF]]
        for bytes in badUTF8 {
            #expect(XMLEventLog.plain(Data(Array("<a>".utf8) + bytes + Array("</a>".utf8))) == nil, "\(bytes) in text")
            #expect(XMLEventLog.plain(Data(Array("<a b='".utf8) + bytes + Array("'/>".utf8))) == nil, "\(bytes) in a value")
        }
        let tooDeep = String(repeating: "<a>", count: XMLEventParser.maximumDepth + 1) + String(repeating: "</a>", count: XMLEventParser.maximumDepth + 1)
        #expect(XMLEventLog.plain(Data(tooDeep.utf8)) == nil, "deeper than the limit: expat refuses it with its message")
        let large = "<a>" + String(repeating: "<b c='1'>x</b>", count: PlainXML.largestPart / 14) + "</a>"
        #expect(large.utf8.count > PlainXML.largestPart && XMLEventLog.plain(Data(large.utf8)) == nil, "a part past 8 MiB is streamed by expat")
        let largest = "<a>" + String(repeating: "<b c='1'>x</b>", count: (PlainXML.largestPart - 7) / 14) + "</a>"
        #expect(XMLEventLog.plain(Data(largest.utf8)) != nil, "one within the limit is read here")
        let most = PlainXML.mostAttributes
        let attributes = (0...most).map { " a\($0)='\($0)'" }
        #expect(agrees(Data(("<a" + attributes.prefix(most).joined() + "/>").utf8)), "\(most) attributes are read here")
        #expect(XMLEventLog.plain(Data(("<a" + attributes.joined() + "/>").utf8)) == nil, "more are left to expat, whose duplicate check is linear")
        let emptyTooDeep = String(repeating: "<a>", count: XMLEventParser.maximumDepth) + "<b/>" + String(repeating: "</a>", count: XMLEventParser.maximumDepth)
        #expect(XMLEventLog.plain(Data(emptyTooDeep.utf8)) == nil, "an empty element past the limit")
        #expect(XMLEventLog.expat(Data(emptyTooDeep.utf8)) == nil)
    }

    /// Every prefix of a part that uses each construct: only the whole is read.
    @Test func everyTruncationIsLeftToExpat() {
        let whole = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<x:a xmlns:x='u' b=\"&amp;&#x4e2d;\"><c d='1'/>中&lt;文</x:a>".utf8)
        #expect(agrees(Data(whole)))
        for end in 0..<whole.count - 1 {
            #expect(XMLEventLog.plain(Data(whole[..<end])) == nil, "\(end) bytes")
        }
    }

    /// Small parts of the fixtures, each damaged a few bytes at a time (with XML's own characters among the
    /// replacements): the plain reader never reads one differently from expat, and it still reads some.
    @Test func damagedPartsReadAsExpatReadsThemOrAreLeftToIt() throws {
        let parts = try fixtureParts().filter { $0.data.count < 6_000 }.prefix(40)
        let alphabet = Array("<>/&;#x=\"' \t\r\n]![?-:a0中".utf8) + [0, 0x80, 0xBF, 0xC3, 0xE4, 0xED, 0xEF, 0xF0]
        var generator = SeededGenerator(seed: 12)
        var read = 0, tried = 0
        for part in parts {
            for _ in 0..<150 {
                var bytes = Array(part.data)
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let at = Int.random(in: 0..<bytes.count, using: &generator)
                    let byte = alphabet.randomElement(using: &generator)!
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: bytes[at] = byte
                    case 1: bytes.insert(byte, at: at)
                    default: bytes.remove(at: at)
                    }
                    if bytes.isEmpty { break }
                }
                tried += 1
                if agrees(Data(bytes), "\(part.name), damaged") { read += 1 }
            }
        }
        #expect(tried > 3_000)
        #expect(read > tried / 10, "\(read) of \(tried) damaged parts read plainly")
    }
}
