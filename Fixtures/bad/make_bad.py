#!/usr/bin/python3
"""Makes the hostile and broken inputs of Fixtures/bad/, each a regression fixture: evalsheet must refuse it
with a one-line error and no output, quickly and in bounded memory. Run: /usr/bin/python3 make_bad.py"""
import io, json, os, random, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = os.path.join(HERE, "../xlsx/openpyxl-inline.xlsx")
random.seed(20261126)


def path(name):
    return os.path.join(HERE, name)


def parts_of(xlsx):
    with zipfile.ZipFile(xlsx) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def write_xlsx(name, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path(name), "w", compression) as z:
        for filename, data in parts:
            z.writestr(filename, data)


def replace_part(parts, filename, data):
    return [(n, data if n == filename else d) for n, d in parts]


good = parts_of(GOOD)
sheet = dict(good)["xl/worksheets/sheet1.xml"].decode("utf-8")

open(path("empty.tsv"), "wb").close()
open(path("empty.xlsx"), "wb").close()
open(path("empty.json"), "wb").close()
open(path("random-bytes.xlsx"), "wb").write(bytes(random.getrandbits(8) for _ in range(4096)))
open(path("random-bytes.tsv"), "wb").write(bytes(random.getrandbits(8) for _ in range(4096)))
open(path("not-the-form.tsv"), "w", encoding="utf-8").write("姓名\t部门\t工资\n张三\t财务科\t8000\n")
data = open(GOOD, "rb").read()
open(path("truncated.xlsx"), "wb").write(data[: len(data) // 2])
open(path("invalid-utf8.tsv"), "wb").write(b"\xff\xfe\xfd\x80\x81 \xc3\x28 \xa0\xa1\n\x00\x00\xfe")

# a workbook that is not the form
not_form = sheet.split("<sheetData>")[0] + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>员工名单</t></is></c></row></sheetData></worksheet>'
write_xlsx("not-the-form.xlsx", replace_part(good, "xl/worksheets/sheet1.xml", not_form.encode()))

# XML attacks: an external entity that would read /etc/passwd, and nested entity expansion
xxe = sheet.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', "").replace("<?xml version='1.0' encoding='UTF-8'?>", "")
NAME = "&#20826;&#24314;&#20107;&#21153;"  # 党建事务 as openpyxl writes it
assert NAME in xxe
xxe = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + xxe.replace(NAME, "&xxe;", 1)
write_xlsx("xxe-external-entity.xlsx", replace_part(good, "xl/worksheets/sheet1.xml", xxe.encode()))
lol = '<!ENTITY lol "lol">' + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%s;" % (i - 1 if i > 1 else "")) * 10) for i in range(1, 10))
laughs = '<?xml version="1.0"?><!DOCTYPE worksheet [%s]>' % lol + xxe.split("]>", 1)[1].replace("&xxe;", "&lol9;")
write_xlsx("billion-laughs.xlsx", replace_part(good, "xl/worksheets/sheet1.xml", laughs.encode()))

# a part that inflates to 200 MiB from a few hundred KiB
bomb = io.BytesIO()
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
    for n, d in good:
        if n == "xl/worksheets/sheet1.xml":
            with z.open(n, "w", force_zip64=True) as f:
                f.write(d[:-len("</worksheet>")])
                chunk = b" " * (1 << 20)
                for _ in range(200):
                    f.write(chunk)
                f.write(b"</worksheet>")
        else:
            z.writestr(n, d)
open(path("zip-bomb.xlsx"), "wb").write(bomb.getvalue())

# the same bomb with its sizes lying: headers claim the sheet inflates to 1,000 bytes
import struct
data = bytearray(bomb.getvalue())
name = b"xl/worksheets/sheet1.xml"


def lie(signature, lengths_at, name_at, size_at):
    """Sets the uncompressed size of `name` to 1000 in every header with `signature` (and its zip64 extra)."""
    i = data.find(signature)
    while i >= 0:
        n, m = struct.unpack("<HH", data[i + lengths_at:i + lengths_at + 4])
        if data[i + name_at:i + name_at + n] == name:
            struct.pack_into("<I", data, i + size_at, 1000)
            if m >= 12 and data[i + name_at + n:i + name_at + n + 2] == b"\x01\x00":
                struct.pack_into("<Q", data, i + name_at + n + 4, 1000)
        i = data.find(signature, i + 4)


lie(b"PK\x03\x04", 26, 30, 22)   # local file header
lie(b"PK\x01\x02", 28, 46, 24)   # central directory
open(path("zip-bomb-lying-sizes.xlsx"), "wb").write(bytes(data))

# the same part name twice, a shared string index out of range, a cell beyond Excel's grid
with zipfile.ZipFile(path("duplicate-entries.xlsx"), "w") as z:
    import warnings
    warnings.simplefilter("ignore")
    for n, d in good:
        z.writestr(n, d)
    z.writestr("xl/worksheets/sheet1.xml", not_form.encode())
import re
shared = re.sub(r'<c r="D2" t="inlineStr"><is><t>[^<]*</t></is></c>', '<c r="D2" t="s"><v>999</v></c>', sheet, count=1)
assert shared != sheet
write_xlsx("shared-string-out-of-range.xlsx", replace_part(good, "xl/worksheets/sheet1.xml", shared.encode()))
beyond = sheet.replace('<c r="A2" t="inlineStr">', '<c r="XFE2" t="inlineStr">', 1)
write_xlsx("cell-beyond-grid.xlsx", replace_part(good, "xl/worksheets/sheet1.xml", beyond.encode()))
million = sheet.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>', 1) if "<dimension" not in sheet else \
    sheet.replace(sheet[sheet.index("<dimension"):sheet.index("/>", sheet.index("<dimension")) + 2], '<dimension ref="A1:XFD1048576"/>')
write_xlsx("dimension-million-rows.xlsx", replace_part(good, "xl/worksheets/sheet1.xml", million.encode()))
malformed = sheet.replace("</sheetData>", "<row>", 1)
write_xlsx("malformed-xml.xlsx", replace_part(good, "xl/worksheets/sheet1.xml", malformed.encode()))

# JSON: wrong types, huge numbers, deep nesting, a text over Excel's cell limit (refused on writing XLSX)
seed = json.load(open(os.path.join(HERE, "../tsv/000_e57ca213149e2c8b.expected.json"), encoding="utf-8"))
wrong = json.loads(json.dumps(seed)); wrong["funds"]["total"]["executed"] = "两百万"
json.dump(wrong, open(path("wrong-type.json"), "w", encoding="utf-8"), ensure_ascii=False)
open(path("huge-number.json"), "w").write(json.dumps(seed, ensure_ascii=False).replace('"year": 2023', '"year": 1' + "0" * 400))
open(path("deep-nesting.json"), "w").write("[" * 100000 + "]" * 100000)
long = json.loads(json.dumps(seed)); long["overallGoal"]["actual"] = "超" * 40000
json.dump(long, open(path("text-over-cell-limit.json"), "w", encoding="utf-8"), ensure_ascii=False)
unknown = json.loads(json.dumps(seed)); unknown["project"]["leader"] = "张三"
json.dump(unknown, open(path("unknown-key.json"), "w", encoding="utf-8"), ensure_ascii=False)
print("bad fixtures written")
