#!/usr/bin/python3
"""Checks evalsheet's XLSX templates with software we did not write.
Usage: check_xlsx_template.py EVALSHEET OUTDIR
- openpyxl (python3-openpyxl): the sheet is protected; system cells locked and grey; input cells unlocked
  and white; merged ranges as Templates/form.json declares them; formulas with right cached values; data
  validation on the score column; a password when one is asked for; blank templates have empty inputs.
- LibreOffice (libreoffice-calc-nogui): converts the template to CSV and PDF headless without error, and
  the CSV shows the form's values; pdftoppm renders the PDF to PNG pages for a person to look at.
- Every layout of `evalsheet layouts`: the seed written in it is protected, its system cells locked and grey, its
  inputs open, its computed cells formulas, and LibreOffice shows its amounts in the layout's money unit."""
import glob, json, os, subprocess, sys, zipfile
import openpyxl

evalsheet, outdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
seed = os.path.join(root, "Fixtures/tsv/000_e57ca213149e2c8b.txt")
expected = json.load(open(os.path.join(root, "Fixtures/tsv/000_e57ca213149e2c8b.expected.json"), encoding="utf-8"))
os.makedirs(outdir, exist_ok=True)
passed = failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def run(*args):
    subprocess.run([evalsheet, *args], check=True)


full = os.path.join(outdir, "seed.xlsx")
blank = os.path.join(outdir, "seed-blank.xlsx")
locked = os.path.join(outdir, "seed-password.xlsx")
run("convert", seed, full)
run("template", blank, "--from", seed)
run("convert", seed, locked, "--password", "s3cret")

ws = openpyxl.load_workbook(full).active
values = openpyxl.load_workbook(full, data_only=True).active


def find(text):
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.replace(" ", "") == text.replace(" ", ""):
                return cell
    raise SystemExit("label %s not found" % text)


def grey(cell):
    return cell.fill is not None and cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.upper().endswith("D9D9D9")


check(ws.protection.sheet, "sheet is protected")
check(not ws.protection.password, "no password by default")
check(openpyxl.load_workbook(locked).active.protection.password, "--password sets one")
code = ws.cell(row=find("项目编码:").row, column=find("项目编码:").column + 1)
check(code.value == expected["project"]["code"] and code.data_type == "s", "project code stays text: %r" % code.value)
check(code.protection.locked and grey(code), "project code is locked and grey")
header = find("* 得分")
first_item = ws.cell(row=header.row + 1, column=header.column)
check(first_item.value == 10 and not first_item.protection.locked and not grey(first_item), "item score is open and white")
actual_goal = ws.cell(row=find("* 实际完成情况").row + 1, column=find("* 实际完成情况").column)
check(actual_goal.value and not actual_goal.protection.locked, "actual completion is open")
target = ws.cell(row=header.row + 1, column=find("年度指标值").column)
check(target.protection.locked and grey(target), "indicator target is locked and grey")
for label in ["项目名称:", "全年执行数", "一级指标", "总分"]:
    check(find(label).protection.locked and grey(find(label)), "label %s locked and grey" % label)
total = find("总分")
merged = {str(r) for r in ws.merged_cells.ranges}
check("A%d:F%d" % (total.row, total.row) in merged, "总分 merged A:F")
check(any(r.startswith("A%d:A" % (header.row + 1)) for r in merged), "年度绩效指标 merged down the indicator rows")
rate_row = find("年度资金总额").row
rate = ws.cell(row=rate_row, column=find("执行率（%）").column)
check(isinstance(rate.value, str) and rate.value.startswith("=") and "ROUND" in rate.value, "execution rate is a formula: %r" % rate.value)
check(abs(values.cell(row=rate.row, column=rate.column).value - 99.84) < 1e-9, "execution rate cached 99.84")
total_score = ws.cell(row=total.row, column=header.column)
check(str(total_score.value).startswith("=") and values.cell(row=total.row, column=header.column).value == 98.98,
      "total score formula cached exactly 98.98 (the nearest double, as openpyxl, pandas and calamine read it)")
check(any(dv.type == "custom" and header.column_letter in str(dv.sqref) for dv in ws.data_validations.dataValidation),
      "score column validated against its weight")
check(any(dv.promptTitle == "必填" for dv in ws.data_validations.dataValidation), "required cells say so")
check(ws.page_setup.orientation == "portrait" and ws.page_setup.paperSize in (9, "9"), "A4 portrait (check_xlsx_print.py checks the rest of the printing)")

bws = openpyxl.load_workbook(blank).active
bheader = [c for row in bws.iter_rows() for c in row if c.value == "* 得分"][0]
inputs = [bws.cell(row=r, column=c) for r in range(bheader.row + 1, bheader.row + 11) for c in range(bheader.column - 2, bheader.column + 2)]
check(all(c.value in (None, "") and not c.protection.locked for c in inputs), "blank template: inputs empty and open")
check(any(c.value == "党建美誉度" for row in bws.iter_rows() for c in row), "blank template keeps system texts")
bvalues = openpyxl.load_workbook(blank, data_only=True).active
btotal = [c for row in bws.iter_rows() for c in row if c.value == "总分"][0]
check(bvalues.cell(row=btotal.row, column=bheader.column).value == 9.98,
      "blank template's total score caches what its formula gives over the empty scores (9.98, the funds score)")

# LibreOffice: converts without error, shows the values
env = dict(os.environ, HOME=outdir)
for target in ["csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "pdf"]:
    result = subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir", outdir, full],
                            capture_output=True, text=True, timeout=300, env=env)
    check(result.returncode == 0, "soffice --convert-to %s: %s" % (target.split(":")[0], result.stderr.strip()))
csv_path = os.path.join(outdir, "seed.csv")
shown = open(csv_path, encoding="utf-8").read() if os.path.exists(csv_path) else ""
for text in ["440307220471500100001", "党建事务", "2,555,831.40", "99.84", "9.98", "98.98", "产出指标 (50分)", "实际活动费用结算时"]:
    check(text in shown, "LibreOffice shows %s" % text)
pages = subprocess.run(["pdftoppm", "-r", "60", "-png", os.path.join(outdir, "seed.pdf"), os.path.join(outdir, "seed-page")])
check(pages.returncode == 0 and glob.glob(os.path.join(outdir, "seed-page*.png")), "PDF renders to PNG pages")
# Every layout
layouts = [line.split()[0] for line in subprocess.run([evalsheet, "layouts"], capture_output=True, text=True, check=True).stdout.splitlines()]
check(len(layouts) >= 4, "four or more layouts: %s" % layouts)
made = []
for layout in layouts:
    path = os.path.join(outdir, "layout-%s.xlsx" % layout)
    run("convert", seed, path, "--layout", layout)
    made.append(path)
    lws = openpyxl.load_workbook(path).active
    cells = [c for row in lws.iter_rows() for c in row if c.value not in (None, "")]
    check(lws.protection.sheet, "%s: sheet is protected" % layout)
    names = [c for c in cells if c.value == "党建美誉度"]
    check(len(names) == 1 and names[0].protection.locked and grey(names[0]), "%s: item name locked and grey" % layout)
    row = [c for c in cells if names and c.row == names[0].row]
    check(any(c.value in (30, "100%") and not c.protection.locked and not grey(c) for c in row),
          "%s: the item's inputs (score, or actual value where the layout has no score) open and white" % layout)
    check(any(isinstance(c.value, str) and c.value.startswith("=") and "ROUND(" in c.value for c in cells),
          "%s: a computed cell (execution rate, funds score) is a formula" % layout)
result = subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                         "--outdir", outdir, *made], capture_output=True, text=True, timeout=600, env=env)
check(result.returncode == 0, "soffice converts every layout: %s" % result.stderr.strip())
for layout, path in zip(layouts, made):
    csv_path = path[:-5] + ".csv"
    shown = open(csv_path, encoding="utf-8").read() if os.path.exists(csv_path) else ""
    amount = "2,555,831.40" if layout in ("shenzhen", "yunnan-gongkai14") else "255.58314"
    check("党建事务" in shown and amount in shown, "%s: LibreOffice shows the project and %s" % (layout, amount))
print("xlsx template: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
