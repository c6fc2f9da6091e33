#!/usr/bin/python3
"""`make bench`: times evalsheet against openpyxl (read, write), Python XlsxWriter (write) and the
libxlsxwriter floor (floor.c) on the same forms, on this machine, and prints each ratio against its target.
Usage: run.py EVALSHEET EVALSHEET_BENCH FLOOR WORKDIR"""
import json, os, random, resource, shutil, statistics, subprocess, sys, time

evalsheet, bench, floor, work = [os.path.abspath(a) for a in sys.argv[1:5]]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
seed_tsv = os.path.join(root, "Fixtures/tsv/000_e57ca213149e2c8b.txt")
seed = json.load(open(os.path.join(root, "Fixtures/tsv/000_e57ca213149e2c8b.expected.json"), encoding="utf-8"))
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
random.seed(7)
results = []


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def ours(operation, path, repeats):
    return json.loads(run(bench, "time", operation, path, str(repeats)))["median_ms"]


def timed(repeats, body):
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def form_with(items):
    """The seed with `items` indicator items spread over its categories; weights still add up."""
    form = json.loads(json.dumps(seed))
    categories = [c for i in form["indicators"] for c in i["categories"]]
    template = categories[0]["items"][0]
    for c in categories:
        c["items"] = []
    for n in range(items):
        item = dict(template)
        item["name"] = "指标%d" % n
        item["target"] = "目标值%d：" % n + "按计划完成" * random.randint(1, 8)
        item["weight"], item["score"] = "0", "0"
        categories[n % len(categories)]["items"].append(item)
    for c in categories:
        if not c["items"]:
            c["items"].append({"name": "", "target": "", "actual": "无", "weight": "0", "score": "0", "deviationReason": ""})
    return form


def dump_cells(form_path):
    cells, merges = [], []
    for line in run(bench, "dump", form_path).split("\n"):
        parts = line.split("\t")
        if parts[0] in "snbf" and len(parts) >= 5:
            text = parts[4].replace("\\n", "\n").replace("\\t", "\t")
            cells.append((parts[0], int(parts[1]), int(parts[2]), parts[3], text, parts[5] if len(parts) > 5 else ""))
        elif parts[0] == "m":
            merges.append(tuple(int(p) for p in parts[1:5]))
    return cells, merges


def openpyxl_write(cells, merges, path):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    wb = openpyxl.Workbook()
    ws = wb.active
    thin = Side(style="thin")
    grey = PatternFill("solid", fgColor="D9D9D9")
    for kind, r, c, style, text, formula in cells:
        cell = ws.cell(row=r + 1, column=c + 1)
        if kind == "s":
            cell.value = text
        elif kind == "n":
            cell.value = float(text)
        elif kind == "f":
            cell.value = "=" + formula
        cell.font = Font(name="宋体", size=10)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if style.startswith("1"):
            cell.protection = Protection(locked=False)
        else:
            cell.fill = grey
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    ws.protection.sheet = True
    wb.save(path)


def xlsxwriter_write(cells, merges, path):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet()
    formats = {}
    for kind, r, c, style, text, formula in cells:
        if style not in formats:
            f = {"font_name": "宋体", "font_size": 10, "text_wrap": True, "valign": "vcenter", "border": 1}
            f.update({"locked": False} if style.startswith("1") else {"pattern": 1, "bg_color": "#D9D9D9"})
            formats[style] = wb.add_format(f)
        fmt = formats[style]
        if kind == "s":
            ws.write_string(r, c, text, fmt)
        elif kind == "n":
            ws.write_number(r, c, float(text), fmt)
        elif kind == "f":
            ws.write_formula(r, c, "=" + formula, fmt, float(text) if text else 0)
        else:
            ws.write_blank(r, c, None, fmt)
    for r1, c1, r2, c2 in merges:
        ws.merge_range(r1, c1, r2, c2, "", None)
    ws.protect()
    wb.close()


def openpyxl_read(path):
    import openpyxl
    ws = openpyxl.load_workbook(path).active
    return [[c.value for c in row] for row in ws.iter_rows()]


def report(name, ours_ms, theirs_ms, target, higher_is_better=True):
    ratio = theirs_ms / ours_ms if higher_is_better else ours_ms / theirs_ms
    ok = ratio >= target if higher_is_better else ratio <= target
    results.append((name, ours_ms, theirs_ms, ratio, target, ok, higher_is_better))


print("machine: %d cores; each figure is the median of repeated runs in one process (no process start-up)" % os.cpu_count())
sizes = [10, 100, 1000, 10000]
growth = []
for size in sizes:
    base = os.path.join(work, "form-%d" % size)
    json.dump(form_with(size), open(base + ".json", "w", encoding="utf-8"), ensure_ascii=False)
    run(evalsheet, "convert", base + ".json", base + ".tsv")
    run(evalsheet, "convert", base + ".json", base + ".xlsx")
    repeats = {10: 60, 100: 30, 1000: 8, 10000: 3}[size]
    t = {op: ours(op, base + (".xlsx" if op.startswith("read-xlsx") or op.startswith("xlsx") else ".tsv"), repeats)
         for op in ["tsv-to-xlsx", "xlsx-to-json", "tsv-to-json", "read-xlsx"]}
    open(base + ".dump", "w", encoding="utf-8").write(run(bench, "dump", base + ".json"))
    # ours and the floor interleaved over three rounds, the best median of each, so machine noise cancels
    rounds = [(ours("write-xlsx", base + ".json", repeats),
               json.loads(run(floor, base + ".dump", base + "-floor.xlsx", str(repeats)))["median_ms"]) for _ in range(3)]
    t["write-xlsx"] = min(r[0] for r in rounds)
    t["floor"] = min(r[1] for r in rounds)
    cells, merges = dump_cells(base + ".json")
    py_repeats = max(1, repeats // 4)
    t["openpyxl-read"] = timed(py_repeats, lambda: openpyxl_read(base + ".xlsx"))
    t["openpyxl-write"] = timed(py_repeats, lambda: openpyxl_write(cells, merges, base + "-openpyxl.xlsx"))
    t["xlsxwriter-write"] = timed(py_repeats, lambda: xlsxwriter_write(cells, merges, base + "-xlsxwriter.xlsx"))
    # CLI end to end: time and peak memory of one process
    start = time.perf_counter()
    usage_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([evalsheet, "convert", base + ".tsv", base + "-cli.xlsx"], check=True, capture_output=True)
    cli_write = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    subprocess.run([evalsheet, "convert", base + ".xlsx", base + "-cli.json"], check=True, capture_output=True)
    cli_read = (time.perf_counter() - start) * 1000
    peak = subprocess.run(["/usr/bin/time", "-f", "%M", evalsheet, "convert", base + ".xlsx", base + "-rss.json"],
                          capture_output=True, text=True).stderr.strip().split("\n")[-1]
    peak_w = subprocess.run(["/usr/bin/time", "-f", "%M", evalsheet, "convert", base + ".tsv", base + "-rss.xlsx"],
                            capture_output=True, text=True).stderr.strip().split("\n")[-1]
    growth.append((size, t, cli_read, cli_write, int(peak) / 1024, int(peak_w) / 1024))
    if size == 10:
        report("read XLSX (→ model), vs openpyxl load", t["read-xlsx"], t["openpyxl-read"], 20)
        info = "  info: XLSX → JSON (read + write JSON file) %.2f ms = openpyxl load / %.1f; TSV → XLSX (parse + write) %.2f ms = floor × %.2f"
        notes = info % (t["xlsx-to-json"], t["openpyxl-read"] / t["xlsx-to-json"], t["tsv-to-xlsx"], t["tsv-to-xlsx"] / t["floor"])
        report("write XLSX from model, vs libxlsxwriter floor (ours/floor)", t["write-xlsx"], t["floor"], 1.25, higher_is_better=False)
        report("TSV → XLSX, vs openpyxl write", t["tsv-to-xlsx"], t["openpyxl-write"], 4)
        report("TSV → XLSX, vs XlsxWriter write", t["tsv-to-xlsx"], t["xlsxwriter-write"], 1)

print("\nper form (ms, median):")
print("%7s %10s %10s %10s %10s %10s %9s %12s %13s %15s %9s %9s %10s %10s" % (
    "items", "tsv→xlsx", "xlsx→json", "tsv→json", "read xlsx", "write xlsx", "floor", "openpyxl rd", "openpyxl wr", "XlsxWriter wr",
    "cli read", "cli write", "peak rd MB", "peak wr MB"))
for size, t, cli_read, cli_write, peak, peak_w in growth:
    print("%7d %10.2f %10.2f %10.2f %10.2f %10.2f %9.2f %12.2f %13.2f %15.2f %9.1f %9.1f %10.1f %10.1f" % (
        size, t["tsv-to-xlsx"], t["xlsx-to-json"], t["tsv-to-json"], t["read-xlsx"], t["write-xlsx"], t["floor"],
        t["openpyxl-read"], t["openpyxl-write"], t["xlsxwriter-write"], cli_read, cli_write, peak, peak_w))
big = growth[-1]
results.append(("10,000-item form TSV → XLSX, whole process (ms, target < 1000)", big[3], 1000, big[3] / 1000, 1, big[3] < 1000, False))
results.append(("10,000-item form XLSX → JSON, whole process (ms, target < 1000)", big[2], 1000, big[2] / 1000, 1, big[2] < 1000, False))
results.append(("10,000-item form peak memory (MB, target < 200)", max(big[4], big[5]), 200, max(big[4], big[5]) / 200, 1, max(big[4], big[5]) < 200, False))

# a batch of 1,000 forms on every core
batch_in = os.path.join(work, "batch-in")
os.makedirs(batch_in)
text = open(seed_tsv, encoding="utf-8").read()
for n in range(1000):
    folder = os.path.join(batch_in, "unit-%02d" % (n % 20))
    os.makedirs(folder, exist_ok=True)
    open(os.path.join(folder, "form-%04d.txt" % n), "w", encoding="utf-8").write(text.replace("440307220471500100001", "4403072204715%08d" % n))
for to in ["json", "xlsx"]:
    out = os.path.join(work, "batch-out-" + to)
    start = time.perf_counter()
    subprocess.run([evalsheet, "batch", batch_in, out, "--to", to], check=True, capture_output=True)
    seconds = time.perf_counter() - start
    results.append(("batch of 1,000 forms TSV → %s on %d cores (s, target < 2)" % (to.upper(), os.cpu_count()),
                    seconds, 2, seconds / 2, 1, seconds < 2, False))

print("\ntargets:")
print(notes)
for name, ours_ms, theirs_ms, ratio, target, ok, higher in results:
    if "(s," in name or "(ms," in name or "(MB," in name:
        print("  %-4s %-66s %10.2f" % ("PASS" if ok else "MISS", name, ours_ms))
    else:
        print("  %-4s %-66s ours %.2f ms, theirs %.2f ms: %.2f× (target %s%.2f×)" % (
            "PASS" if ok else "MISS", name, ours_ms, theirs_ms, ratio, "≥ " if higher else "≤ ", target))
