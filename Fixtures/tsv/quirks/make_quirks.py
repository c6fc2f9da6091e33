#!/usr/bin/env python3
"""Regenerates the TSV quirk fixtures from the seed export: each file holds one quirk of real
exports (form-spec.md), and its .expected.json is the form it must read as. Run from this folder."""
import copy, json

SEED = "../000_e57ca213149e2c8b.txt"
EXPECTED = json.load(open("../000_e57ca213149e2c8b.expected.json", encoding="utf-8"))
seed = open(SEED, encoding="utf-8").read()
lines = seed.split("\n")


def write(name, text, encoding="utf-8", expected=EXPECTED, bom=b""):
    with open(name + ".txt", "wb") as f:
        f.write(bom + text.encode(encoding))
    with open(name + ".expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write("\n")


def cells(i):
    return lines[i].split("\t")


def set_cell(src, i, col, value):
    rows = src.split("\n")
    c = rows[i].split("\t")
    while len(c) <= col:
        c.append("")
    c[col] = value
    rows[i] = "\t".join(c)
    return "\n".join(rows)


write("utf8-bom", seed, bom=b"\xef\xbb\xbf")
write("utf16le-bom", seed, encoding="utf-16-le", bom=b"\xff\xfe")
write("gb18030-crlf", seed.replace("\n", "\r\n"), encoding="gb18030")
write("no-final-newline", seed.rstrip("\n"))

# full-width colons and brackets, half-width where the seed had full-width
fw = seed.replace("项目编码:", "项目编码：").replace("实施单位:", "实施单位：").replace(" (50分)", "（50分）")
fw = fw.replace("(30分)", "（30分）").replace("执行率（%）", "执行率(%)").replace("其中：", "其中:")
write("full-width-punctuation", fw)

# thousands separators in hand-made files
write("thousands-separators", seed.replace("2560000.00", "2,560,000.00").replace("2555831.40", "2,555,831.40"))

# Excel quoting: a deviation reason holding a tab, a newline and quotes
reason = '结算时"零头"\t偏差\n下年改进'
quoted = set_cell(seed, 21, 8, '"' + reason.replace('"', '""') + '"')
exp = copy.deepcopy(EXPECTED)
exp["indicators"][0]["categories"][3]["items"][0]["deviationReason"] = reason
write("excel-quoting", quoted, expected=exp)

# labels repeated on every row of their block, no blank lines, uneven trailing cells
rows = [l for l in lines if l.strip()]
out = []
current1 = current2 = ""
for r in rows:
    c = r.split("\t")
    if len(c) >= 9 and c[2].endswith("指标") and c[1] != "一级指标":
        if c[1] and not c[1].startswith("("):
            current1 = c[1]
        c[1] = c[1] if c[1].startswith("(") else current1
        current2 = c[2] or current2
        c[2] = current2
        c += ["", ""]
    elif len(c) > 2:
        c = c[:len(c) - 1] if c[-1] == "" else c
    out.append("\t".join(c))
write("labels-repeated-uneven-cells", "\n".join(out) + "\n")

# several paragraphs in the goal, in one cell and across cells
exp = copy.deepcopy(EXPECTED)
exp["overallGoal"]["expected"] = "第一段 A&B <C>\n第二段"
exp["overallGoal"]["actual"] = "完成一\n完成二\n完成三"
para = set_cell(seed, 15, 1, "<p>第一段 A&amp;B &lt;C&gt;</p><p>第二段</p>")
para = set_cell(para, 15, 5, "<p>完成一</p><p>完成二</p>")
para = set_cell(para, 15, 6, "<p>完成三</p>")
write("paragraphs", para, expected=exp)

# another project, written by hand the way a district office's Windows tool saves it: GBK, CRLF,
# full-width colons, a category with several items, a split level-1 label, blank lines inside.
other = "\r\n".join([
    "", "## 项目支出绩效自评表", "",
    "项目编码：\t440307230000200300007\t项目名称：\t社区环境整治\t绩效自评年度：\t2024\t\t",
    "实施单位：\t深圳市龙岗区园山街道办事处\t一级预算单位：\t深圳市龙岗区园山街道办事处（本级）\t\t\t\t",
    "<b>资金使用情况</b>\t\t\t\t\t\t\t",
    "\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率（%）\t得分",
    "项目资金（元）\t年度资金总额\t1,200,000.00\t1,350,000.50\t1,012,500.38\t10\t75.00\t7.50",
    "\t其中：当年财政拨款\t1,200,000.00\t1,200,000.00\t900,000.00\t—\t—\t—",
    "\t上年结转资金\t0.00\t150,000.50\t112,500.38\t—\t—\t—",
    "\t其他资金\t0.00\t0.00\t0.00\t—\t—\t—",
    "",
    "<b>项目目标完成情况</b>\t\t\t\t\t\t\t",
    "\t预期目标\t\t\t* 实际完成情况\t\t\t",
    "年度总体目标\t<p>完成辖区12个社区环境整治。</p><p>群众满意度达到90%以上。</p>\t\t\t\t<p>完成11个社区整治，1个因施工许可延后。</p>\t\t\t",
    "\t一级指标\t二级指标\t三级指标\t年度指标值\t* 实际完成值\t* 分值\t* 得分\t偏差原因分析及改进措施",
    "年度绩效指标\t产出指标（60分）\t数量指标\t整治社区数\t12个\t11个\t15\t13.75\t1个社区施工许可延后，已列入下年计划",
    "\t\t\t清运垃圾量\t≥800吨\t856吨\t15\t15\t",
    "",
    "\t\t\t新增绿化面积\t3000平方米\t3120平方米\t10\t10\t",
    "\t\t质量指标\t验收合格率\t100%\t100%\t10\t10\t",
    "\t\t时效指标\t完成时间\t2024年12月前\t2024年12月\t5\t5\t",
    "\t\t成本指标\t\t\t无\t0\t0\t",
    "\t效益指标\t社会效益指标\t居民投诉下降率\t≥20%\t26%\t10\t10\t",
    "\t\t生态效益指标\t空气质量优良天数\t≥330天\t341天\t10\t9.5\t受区域天气影响",
    "\t（20分）\t经济效益指标\t\t\t无\t0\t0\t",
    "\t满意度指标（10分）\t服务对象满意度指标\t居民满意度\t≥90%\t93.6%\t10\t10\t",
    "总分\t\t\t\t\t\t100\t95.75\t—",
    "", "备注：", "", "作为导入模板，置灰信息无需录入且不可修改。",
])
item = lambda n, t, a, w, s, r="": {"name": n, "target": t, "actual": a, "weight": w, "score": s, "deviationReason": r}
other_expected = {
    "schema": "evalsheet/project-self-evaluation@1",
    "project": {"code": "440307230000200300007", "name": "社区环境整治", "year": 2024,
                "implementingUnit": "深圳市龙岗区园山街道办事处", "primaryBudgetUnit": "深圳市龙岗区园山街道办事处（本级）"},
    "funds": {
        "total": {"initialBudget": "1200000.00", "annualBudget": "1350000.50", "executed": "1012500.38"},
        "currentAppropriation": {"initialBudget": "1200000.00", "annualBudget": "1200000.00", "executed": "900000.00"},
        "carryover": {"initialBudget": "0.00", "annualBudget": "150000.50", "executed": "112500.38"},
        "other": {"initialBudget": "0.00", "annualBudget": "0.00", "executed": "0.00"},
        "weight": "10", "executionRate": "75.00", "score": "7.50"},
    "overallGoal": {"expected": "完成辖区12个社区环境整治。\n群众满意度达到90%以上。",
                    "actual": "完成11个社区整治，1个因施工许可延后。"},
    "indicators": [
        {"name": "产出指标", "weight": "60", "categories": [
            {"name": "数量指标", "items": [
                item("整治社区数", "12个", "11个", "15", "13.75", "1个社区施工许可延后，已列入下年计划"),
                item("清运垃圾量", "≥800吨", "856吨", "15", "15"),
                item("新增绿化面积", "3000平方米", "3120平方米", "10", "10")]},
            {"name": "质量指标", "items": [item("验收合格率", "100%", "100%", "10", "10")]},
            {"name": "时效指标", "items": [item("完成时间", "2024年12月前", "2024年12月", "5", "5")]},
            {"name": "成本指标", "items": [item("", "", "无", "0", "0")]}]},
        {"name": "效益指标", "weight": "20", "categories": [
            {"name": "社会效益指标", "items": [item("居民投诉下降率", "≥20%", "26%", "10", "10")]},
            {"name": "生态效益指标", "items": [item("空气质量优良天数", "≥330天", "341天", "10", "9.5", "受区域天气影响")]},
            {"name": "经济效益指标", "items": [item("", "", "无", "0", "0")]}]},
        {"name": "满意度指标", "weight": "10", "categories": [
            {"name": "服务对象满意度指标", "items": [item("居民满意度", "≥90%", "93.6%", "10", "10")]}]}],
    "totalWeight": "100", "totalScore": "95.75"}
write("other-project-gbk", other, encoding="gbk", expected=other_expected)
