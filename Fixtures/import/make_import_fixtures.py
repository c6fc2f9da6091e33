#!/usr/bin/python3
"""Makes import fixtures: filled-in import files whose user also changed greyed cells.
- tampered.txt: the seed export edited as text: project name, a budget figure and an indicator target
  changed (greyed), and the 成本指标 score changed from 9 to 8 (an input).
- tampered.xlsx: the export template evalsheet writes for the seed, edited with openpyxl as a user would
  in a spreadsheet app (protection does not stop openpyxl): the same greyed and input changes.
- tampered.expected.json: what importing either with --baseline ../tsv/000_….expected.json must give:
  the system's values everywhere, the user's inputs (score 8, total score left as the system computed).
Usage: /usr/bin/python3 make_import_fixtures.py EVALSHEET"""
import json, os, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "../tsv/000_e57ca213149e2c8b.txt")
BASELINE = json.load(open(os.path.join(HERE, "../tsv/000_e57ca213149e2c8b.expected.json"), encoding="utf-8"))

rows = [line.split("\t") for line in open(SEED, encoding="utf-8").read().split("\n")]
rows[4][3] = "党建事务（改）"          # project name, greyed
rows[9][2] = "2600000.00"              # currentAppropriation.initialBudget, greyed
rows[20][4] = "半年完成"                # 时效指标 target, greyed
rows[21][7] = "8"                       # 成本指标 score, input
open(os.path.join(HERE, "tampered.txt"), "w", encoding="utf-8").write("\n".join("\t".join(r) for r in rows))

with tempfile.TemporaryDirectory() as tmp:
    template = os.path.join(tmp, "seed.xlsx")
    subprocess.run([sys.argv[1], "convert", SEED, template], check=True)
    wb = openpyxl.load_workbook(template)
    ws = wb.active
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    ws.cell(row=cells["项目名称:"].row, column=cells["项目名称:"].column + 1).value = "党建事务（改）"
    ws.cell(row=cells["其中：当年财政拨款"].row, column=cells["年初预算数"].column).value = 2600000
    ws.cell(row=cells["一年"].row, column=cells["年度指标值"].column).value = "半年完成"
    ws.cell(row=cells["资金支出完成率"].row, column=cells["* 得分"].column).value = 8
    wb.save(os.path.join(HERE, "tampered.xlsx"))

expected = json.loads(json.dumps(BASELINE))
expected["indicators"][0]["categories"][3]["items"][0]["score"] = "8"
expected["totalScore"] = "97.98"  # worked out again from the scores filled in
json.dump(expected, open(os.path.join(HERE, "tampered.expected.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2)
print("import fixtures written")
