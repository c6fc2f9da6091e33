#!/usr/bin/python3
"""Makes the XLSX fixtures where what a cell shows is not what it stores, with openpyxl, from the libreoffice-seed
fixture; writes what each must read as. Run from this folder: /usr/bin/python3 make_stored_values.py
- hidden-decimals.xlsx: amounts formatted #,##0 and # ?/? (2,555,831 shown, 2555831.4 stored; the money is the
  stored value), the execution rate 0.9984 formatted 0.00% (shown 99.84%)
- formula-without-value.xlsx: an item's score is a formula saved without its result, as openpyxl saves formulas;
  it reads as empty (and validate says why)
"""
import copy, json, os
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = json.load(open(os.path.join(HERE, "libreoffice-seed.expected.json"), encoding="utf-8"))


def save_expected(name, form):
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(form, f, ensure_ascii=False, indent=2)
        f.write("\n")


def find(ws, value):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == value:
                return cell
    raise SystemExit("%r not found" % value)


wb = openpyxl.load_workbook(os.path.join(HERE, "libreoffice-seed.xlsx"))
ws = wb.active
for cell in [c for row in ws.iter_rows() for c in row if c.value == 2555831.4]:
    cell.number_format = "#,##0"
find(ws, 2560000).number_format = "# ?/?"
rate = find(ws, 99.84)
rate.value = 0.9984
rate.number_format = "0.00%"
wb.save(os.path.join(HERE, "hidden-decimals.xlsx"))
save_expected("hidden-decimals", EXPECTED)

wb = openpyxl.load_workbook(os.path.join(HERE, "libreoffice-seed.xlsx"))
ws = wb.active
score = find(ws, 9)          # the 成本指标 item's score
score.value = "=%s%d-1" % (openpyxl.utils.get_column_letter(score.column - 1), score.row)
wb.save(os.path.join(HERE, "formula-without-value.xlsx"))
unsaved = copy.deepcopy(EXPECTED)
unsaved["indicators"][0]["categories"][3]["items"][0]["score"] = None
save_expected("formula-without-value", unsaved)
