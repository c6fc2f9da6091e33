#!/usr/bin/python3
"""Makes the XLSX fixtures with software we did not write, from the seed export, and writes the JSON
each must read as. Needs Debian's libreoffice-calc-nogui and python3-openpyxl. Run from this folder:
    /usr/bin/python3 make_fixtures.py
- libreoffice-seed.xlsx: the seed TSV opened and saved by LibreOffice (shared strings, numbers with formats)
- libreoffice-rich-text.xlsx: a flat ODS with rich-text runs saved by LibreOffice (sharedStrings <r> runs)
- openpyxl-inline.xlsx: written by openpyxl (inline strings), amounts as numbers with #,##0.00, 100% as 1 with 0%
- moved-form.xlsx: openpyxl; a cover sheet first, the form at C4 with blank rows between sections, amounts as text
- unzipped-seed/: libreoffice-seed.xlsx unzipped into a folder
"""
import copy, json, os, shutil, subprocess, tempfile, zipfile
from decimal import Decimal
from xml.sax.saxutils import escape
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "../tsv/000_e57ca213149e2c8b.txt")
EXPECTED = json.load(open(os.path.join(HERE, "../tsv/000_e57ca213149e2c8b.expected.json"), encoding="utf-8"))
ROWS = [line.split("\t") for line in open(SEED, encoding="utf-8").read().split("\n")]


def save_expected(name, form):
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(form, f, ensure_ascii=False, indent=2)
        f.write("\n")


def soffice_convert(source, target_ext, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", target_ext, "--outdir", outdir, source],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


def number_or_text(cell):
    """The seed's numbers as numbers (percentages as fractions), everything else as text."""
    if len(cell) > 15 and cell.isdigit():
        return cell, None  # codes stay text, as the finance system writes them
    try:
        if cell.endswith("%"):
            return Decimal(cell[:-1]) / 100, "0%"
        value = Decimal(cell)
        return value, "#,##0.00" if "." in cell and len(cell) > 6 else "General"
    except Exception:
        return cell, None


# 1. LibreOffice opens the seed TSV and saves it as XLSX
with tempfile.TemporaryDirectory() as tmp:
    tsv = os.path.join(tmp, "libreoffice-seed.csv")
    shutil.copy(SEED, tsv)
    subprocess.run(["soffice", "--headless", "--infilter=CSV:9,34,76,1,2/2", "--convert-to", "xlsx", "--outdir", HERE, tsv],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
# LibreOffice turns the typed "100%" into 1 formatted 0.00%, and shows (so we read) 100.00%
shown = copy.deepcopy(EXPECTED)
for indicator in shown["indicators"]:
    for category in indicator["categories"]:
        for item in category["items"]:
            for key in ("target", "actual"):
                if item[key] == "100%":
                    item[key] = "100.00%"
save_expected("libreoffice-seed", shown)

# 2. Rich text: a flat ODS whose cells mix bold and plain runs, saved as XLSX by LibreOffice
RICH = {(4, 0): ("项目", "编码:"), (4, 3): ("党建", "事务"), (20, 3): ("一", "年")}
cells_xml = []
for r, row in enumerate(ROWS):
    out = []
    for c, cell in enumerate(row):
        if (r, c) in RICH:
            a, b = RICH[(r, c)]
            out.append('<table:table-cell office:value-type="string"><text:p>%s<text:span text:style-name="T1">%s</text:span></text:p></table:table-cell>' % (a, b))
            continue
        value, _ = number_or_text(cell)
        if isinstance(value, Decimal) and not cell.endswith("%"):
            out.append('<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' % (value, cell))
        else:
            out.append('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(cell))
    cells_xml.append("<table:table-row>%s</table:table-row>" % "".join(out))
fods = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" fo:color="#c00000"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="自评表">%s</table:table></office:spreadsheet></office:body></office:document>
""" % "".join(cells_xml)
with tempfile.TemporaryDirectory() as tmp:
    source = os.path.join(tmp, "libreoffice-rich-text.fods")
    open(source, "w", encoding="utf-8").write(fods)
    soffice_convert(source, "xlsx", HERE)
save_expected("libreoffice-rich-text", EXPECTED)


# 3. openpyxl writes the form with inline strings, numbers with number formats
def openpyxl_sheet(ws, top, left, as_text=False, blank_between_sections=False):
    r = top
    for row in ROWS:
        if not any(cell.strip() for cell in row):
            continue
        if blank_between_sections and row[0].startswith("<b>"):
            r += 1
        for c, cell in enumerate(row):
            if cell == "":
                continue
            value, fmt = number_or_text(cell)
            target = ws.cell(row=r, column=left + c)
            if isinstance(value, Decimal) and not as_text:
                target.value = float(value) if "." in str(value) else int(value)
                if fmt:
                    target.number_format = fmt
            elif isinstance(value, Decimal) and as_text and "." in cell and len(cell) > 6:
                target.value = "{:,.2f}".format(value)
            else:
                target.value = cell
        r += 1


wb = openpyxl.Workbook()
openpyxl_sheet(wb.active, 1, 1)
wb.active.title = "绩效自评"
wb.save(os.path.join(HERE, "openpyxl-inline.xlsx"))
save_expected("openpyxl-inline", EXPECTED)

# 4. The form moved: a cover sheet first, the form at C4, blank rows between sections, amounts as text
wb = openpyxl.Workbook()
cover = wb.active
cover.title = "说明"
cover["A1"] = "本工作簿由区财政局下发，请在第二个工作表填写。"
form = wb.create_sheet("2023年自评")
openpyxl_sheet(form, 4, 3, as_text=True, blank_between_sections=True)
wb.save(os.path.join(HERE, "moved-form.xlsx"))
save_expected("moved-form", EXPECTED)

# 5. A workbook holding two forms, one per sheet
wb = openpyxl.Workbook()
openpyxl_sheet(wb.active, 1, 1)
wb.active.title = "党建事务"
openpyxl_sheet(wb.create_sheet("党建事务(复核)"), 2, 2)
wb.save(os.path.join(HERE, "two-forms.xlsx"))
save_expected("two-forms", EXPECTED)

# 6. An unzipped spreadsheet
folder = os.path.join(HERE, "unzipped-seed")
shutil.rmtree(folder, ignore_errors=True)
with zipfile.ZipFile(os.path.join(HERE, "libreoffice-seed.xlsx")) as z:
    z.extractall(folder)
save_expected("unzipped-seed", shown)
print("fixtures written")
