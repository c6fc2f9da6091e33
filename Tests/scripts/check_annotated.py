#!/usr/bin/python3
"""Checks `validate --annotate` workbooks with software we did not write.
Usage: check_annotated.py EVALSHEET OUTDIR
- openpyxl: each finding's cell is filled (error red FFC7CE, warning amber FFEB9C) and carries a comment with its
  message; input cells stay open and greyed ones locked; both sheets are protected; 问题清单 lists every finding
  with its place in words and a link to its cell.
- LibreOffice: opens the workbook headless and saves it again as .xlsx (the comments and the list survive) and as
  PDF; page 1 is rendered to OUTDIR/annotated.png for a person to look at."""
import glob, os, subprocess, sys
import openpyxl

evalsheet, outdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.makedirs(outdir, exist_ok=True)
passed = failed = 0
RED, AMBER = "FFFFC7CE", "FFFFEB9C"
FORM = "项目支出绩效自评表"


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def annotate(source, output, *extra):
    result = subprocess.run([evalsheet, "validate", source, "--annotate", output, "--lang", "zh", *extra],
                            capture_output=True, text=True)
    check(os.path.exists(output), "validate --annotate wrote %s: %s" % (output, result.stderr.strip()))
    return result


filled = os.path.join(root, "Fixtures/findings/score-above-weight.xlsx")
errors = os.path.join(outdir, "annotated.xlsx")
result = annotate(filled, errors)
check(result.returncode == 1, "three errors exit 1, got %d" % result.returncode)
book = openpyxl.load_workbook(errors)
check(book.sheetnames == [FORM, "问题清单"], "the form and the list: %s" % book.sheetnames)
form, issues = book[FORM], book["问题清单"]
for ref, words in [("H14", "得分15超过了该项分值10"), ("H24", "总得分应等于"), ("F22", "实际完成值")]:
    cell = form[ref]
    check(cell.fill.fgColor.rgb == RED, "%s filled red, got %s" % (ref, cell.fill.fgColor.rgb))
    check(cell.comment is not None and words in cell.comment.text, "%s comment holds %s: %s" % (ref, words, cell.comment and cell.comment.text))
check(form["H14"].value == 15, "the filled value is kept: %r" % form["H14"].value)
check(not form["H14"].protection.locked and form["H24"].protection.locked, "H14 stays open, the greyed H24 locked")
check(form["H12"].comment is None and form["H12"].fill.fgColor.rgb not in (RED, AMBER), "cells without findings are not marked")
check(form.protection.sheet and issues.protection.sheet, "both sheets protected")
rows = list(issues.iter_rows(min_row=2, values_only=True))
check(len(rows) == 3, "three findings listed: %s" % rows)
check(any(row[2] == "绩效指标 › 产出指标 › 数量指标 › 党建事务 · 得分" and row[3] == "H14" for row in rows), "H14 named in words: %s" % rows)
links = {issues.cell(row=r, column=4).value: issues.cell(row=r, column=4).hyperlink for r in range(2, 5)}
check(all(link is not None and link.location == "'%s'!%s" % (FORM, ref) for ref, link in links.items()),
      "each listed cell links to it: %s" % {ref: link and link.location for ref, link in links.items()})

tampered = os.path.join(outdir, "annotated-import.xlsx")
result = annotate(os.path.join(root, "Fixtures/import/tampered.xlsx"), tampered,
                  "--baseline", os.path.join(root, "Fixtures/tsv/000_e57ca213149e2c8b.txt"))
check(result.returncode == 0, "warnings only exit 0, got %d" % result.returncode)
form = openpyxl.load_workbook(tampered)[FORM]
for ref in ["D2", "C7", "E16"]:
    check(form[ref].fill.fgColor.rgb == AMBER, "changed greyed %s filled amber, got %s" % (ref, form[ref].fill.fgColor.rgb))
    check(form[ref].comment is not None and "已保留系统值" in form[ref].comment.text, "%s says the system value was kept" % ref)

saved = os.path.join(outdir, "libreoffice")
os.makedirs(saved, exist_ok=True)
for target in ["xlsx:Calc MS Excel 2007 XML", "pdf"]:
    result = subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir", saved, errors],
                            capture_output=True, text=True, timeout=180)
    check(result.returncode == 0, "soffice --convert-to %s: %s" % (target.split(":")[0], result.stderr.strip()))
resaved = openpyxl.load_workbook(os.path.join(saved, "annotated.xlsx"))
check(resaved.sheetnames == [FORM, "问题清单"], "LibreOffice keeps both sheets: %s" % resaved.sheetnames)
comment = resaved[FORM]["H14"].comment
check(comment is not None and "得分15超过了该项分值10" in comment.text, "LibreOffice keeps the comment on H14")
pdf = os.path.join(saved, "annotated.pdf")
pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
check("Pages:" in pages and int(pages.split("Pages:")[1].split()[0]) >= 2, "the form and the list print: %s" % pages.strip())
for old in glob.glob(os.path.join(outdir, "annotated-page*.png")):
    os.remove(old)
subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", pdf, os.path.join(outdir, "annotated-page")], check=True)

print("annotated workbook: %d checks passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
