#!/usr/bin/python3
"""Makes the second round of hostile inputs (issue 11) in Fixtures/hostile/: files a spreadsheet user or an attacker
really produces, each refused or read correctly by evalsheet, quickly and in bounded memory (see
Tests/EvalSheetTests/Hostile*Tests.swift; inputs of many megabytes are made by the tests themselves).
Run: /usr/bin/python3 make_hostile.py"""
import os, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = os.path.join(HERE, "../xlsx/openpyxl-inline.xlsx")
SEED = os.path.join(HERE, "../tsv/000_e57ca213149e2c8b.txt")


def path(name):
    return os.path.join(HERE, name)


def parts_of(xlsx):
    with zipfile.ZipFile(xlsx) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def write_xlsx(name, parts):
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        for filename, data in parts.items():
            z.writestr(filename, data)


good = parts_of(GOOD)
sheet = good["xl/worksheets/sheet1.xml"].decode("utf-8")
workbook = good["xl/workbook.xml"].decode("utf-8")
SHEET_ENTRY = '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="%s" sheetId="%d" state="%s" r:id="%s"/>'

# elements nested 500,000 deep inside a cell (the file nested 9 million deep in 72 KB)
deep = sheet.replace("<sheetData>", "<sheetData>" + "<x>" * 500_000 + "</x>" * 500_000, 1)
write_xlsx("deep-nesting.xlsx", dict(good, **{"xl/worksheets/sheet1.xml": deep.encode()}))

# 200 sheet entries pointing at one 20,000-row part
rows = "".join('<row r="%d"><c r="A%d" t="inlineStr"><is><t>填充%d</t></is></c></row>' % (n, n, n) for n in range(200, 20_200))
big = sheet.replace("</sheetData>", rows + "</sheetData>", 1)
entries = "".join(SHEET_ENTRY % ("表%d" % n, n + 1, "visible", "rId1") for n in range(200))
many = workbook.split("<sheets>")[0] + "<sheets>" + entries + "</sheets>" + workbook.split("</sheets>")[1]
write_xlsx("one-part-200-sheets.xlsx", dict(good, **{"xl/worksheets/sheet1.xml": big.encode(), "xl/workbook.xml": many.encode()}))

# a veryHidden sheet holding another project's form before the visible form
hidden_sheet = sheet.replace("&#20826;&#24314;&#20107;&#21153;", "&#38544;&#34255;", 1)  # 党建事务 → 隐藏
assert hidden_sheet != sheet
entries = SHEET_ENTRY % ("隐藏", 1, "veryHidden", "rId9") + SHEET_ENTRY % ("绩效自评", 2, "visible", "rId1")
hidden_book = workbook.split("<sheets>")[0] + "<sheets>" + entries + "</sheets>" + workbook.split("</sheets>")[1]
rels = good["xl/_rels/workbook.xml.rels"].decode().replace(
    "</Relationships>", '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="/xl/worksheets/sheet2.xml" Id="rId9"/></Relationships>')
types = good["[Content_Types].xml"].decode().replace(
    "</Types>", '<Override PartName="/xl/worksheets/sheet2.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
write_xlsx("very-hidden-first.xlsx", dict(good, **{"xl/workbook.xml": hidden_book.encode(), "xl/_rels/workbook.xml.rels": rels.encode(),
                                                  "[Content_Types].xml": types.encode(), "xl/worksheets/sheet2.xml": hidden_sheet.encode()}))
# the same with the visible form gone: only the hidden sheet holds a form
only = workbook.split("<sheets>")[0] + "<sheets>" + SHEET_ENTRY % ("隐藏", 1, "hidden", "rId9") + "</sheets>" + workbook.split("</sheets>")[1]
write_xlsx("only-hidden.xlsx", dict(good, **{"xl/workbook.xml": only.encode(), "xl/_rels/workbook.xml.rels": rels.encode(),
                                            "[Content_Types].xml": types.encode(), "xl/worksheets/sheet2.xml": hidden_sheet.encode()}))

# compound files (OLE2): an encrypted workbook, as Excel saves one with a password, and an Excel 97-2003 workbook
CFB = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
directory = lambda name: name.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
open(path("password-protected.xlsx"), "wb").write(CFB + directory("Root Entry") + directory("EncryptionInfo") + directory("EncryptedPackage"))
open(path("excel-97-2003.xlsx"), "wb").write(CFB + directory("Root Entry") + directory("Workbook") + bytes(256))

# the seed in UTF-16 big-endian with a BOM
text = open(SEED, encoding="utf-8").read()
open(path("utf16be-bom.txt"), "wb").write(b"\xfe\xff" + text.encode("utf-16-be"))
