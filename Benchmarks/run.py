#!/usr/bin/python3
"""`make bench`: times evalsheet against openpyxl (read, write), Python XlsxWriter (write) and the
libxlsxwriter floor (floor.c) on the same forms, the seed's reading against the libzip + expat floor (read_floor.c),
and whole batches against an openpyxl loop and the floor, on this machine, and prints each ratio against its target.
Usage: run.py EVALSHEET EVALSHEET_BENCH FLOOR READ_FLOOR WORKDIR"""
import atexit, json, os, random, resource, shutil, statistics, subprocess, sys, tempfile, time

evalsheet, bench, floor, read_floor, work = [os.path.abspath(a) for a in sys.argv[1:6]]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
seed_tsv = os.path.join(root, "Fixtures/tsv/000_e57ca213149e2c8b.txt")
seed = json.load(open(os.path.join(root, "Fixtures/tsv/000_e57ca213149e2c8b.expected.json"), encoding="utf-8"))
seed_xlsx = os.path.join(root, "Fixtures/xlsx/libreoffice-seed.xlsx")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
# Timed batches write into fresh folders in memory: on this ext4 disk, creating files soon after thousands were deleted
# (as the line above just did) costs up to 0.7 s of system time per 1,000 files, which would time the disk's inode
# allocator instead of evalsheet (the openpyxl loop writes nothing). The 1,000-form batch is also timed on disk, as info.
outputs = tempfile.mkdtemp(prefix="evalsheet-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
atexit.register(shutil.rmtree, outputs, True)
folders = iter(range(1_000_000))


def fresh(name):
    """A new output folder for one timed run, so no run waits on files deleted just before it."""
    return os.path.join(outputs, "%s-%d" % (name, next(folders)))

random.seed(7)
results = []


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def ours(operation, path, repeats):
    return json.loads(run(bench, "time", operation, path, str(repeats)))["median_ms"]


def whole(*args):
    """Milliseconds one whole process takes, start-up included."""
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


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
for to, limit in [("json", 0.5), ("xlsx", 2)]:
    # the median of three whole runs, each into a new folder, as the other batches are timed
    seconds = statistics.median(whole(evalsheet, "batch", batch_in, fresh("batch-out-" + to), "--to", to) / 1000 for _ in range(3))
    results.append(("batch of 1,000 forms TSV → %s on %d cores (s, target < %g)" % (to.upper(), os.cpu_count(), limit),
                    seconds, limit, seconds / limit, 1, seconds < limit, False))
disk_seconds = whole(evalsheet, "batch", batch_in, os.path.join(work, "batch-out-json"), "--to", "json") / 1000
notes += "\n  info: batch of 1,000 forms TSV → JSON written into the bench folder on disk, one run: %.2f s" % disk_seconds


def interleaved(rounds, *bodies):
    """The median of each body's times over `rounds` rounds, the bodies taking turns so machine noise hits both."""
    samples = [[] for _ in bodies]
    for _ in range(rounds):
        for sample, body in zip(samples, bodies):
            sample.append(body())
    return [statistics.median(sample) for sample in samples]


# the seed as LibreOffice saves it, read into the model, against the same libraries doing the least a reader must
read_rounds = [(ours("read-xlsx", seed_xlsx, 300), json.loads(run(read_floor, seed_xlsx, "300"))["median_ms"]) for _ in range(5)]
report("read seed XLSX (→ model), vs libzip + expat floor (ours/floor)",
       min(r[0] for r in read_rounds), min(r[1] for r in read_rounds), 2, higher_is_better=False)

# 200 copies of that seed: batch → JSON against a plain openpyxl loop (load + every cell value), both whole processes
xlsx_in = os.path.join(work, "batch-xlsx-in")
os.makedirs(xlsx_in)
for n in range(200):
    shutil.copy(seed_xlsx, os.path.join(xlsx_in, "form-%03d.xlsx" % n))
openpyxl_loop = ("import glob, openpyxl, sys\n"
                 "for path in sorted(glob.glob(sys.argv[1] + '/*.xlsx')):\n"
                 "    ws = openpyxl.load_workbook(path).active\n"
                 "    [[c.value for c in row] for row in ws.iter_rows()]\n")


def batch_xlsx_to_json():
    return whole(evalsheet, "batch", xlsx_in, fresh("batch-xlsx-out"), "--to", "json")


ours_ms, theirs_ms = interleaved(5, batch_xlsx_to_json, lambda: whole(sys.executable, "-c", openpyxl_loop, xlsx_in))
report("batch of 200 seed XLSX → JSON, vs openpyxl loop (whole runs)", ours_ms, theirs_ms, 20)

# 200 TSV forms → XLSX on one job, against the floor writing the same 200 workbooks, both whole processes
tsv_in = os.path.join(work, "batch-tsv-in")
os.makedirs(tsv_in)
for n in range(200):
    open(os.path.join(tsv_in, "form-%03d.txt" % n), "w", encoding="utf-8").write(text)
seed_dump = os.path.join(work, "seed.dump")
open(seed_dump, "w", encoding="utf-8").write(run(bench, "dump", seed_tsv))


def batch_tsv_to_xlsx():
    return whole(evalsheet, "batch", tsv_in, fresh("batch-tsv-out"), "--to", "xlsx", "--jobs", "1")


ours_ms, theirs_ms = interleaved(5, batch_tsv_to_xlsx, lambda: whole(floor, seed_dump, os.path.join(outputs, "seed-floor.xlsx"), "200"))
report("batch --jobs 1 of 200 TSV → XLSX, vs floor writing 200 (ours/floor)", ours_ms, theirs_ms, 1.5, higher_is_better=False)

print("\ntargets:")
print(notes)
for name, ours_ms, theirs_ms, ratio, target, ok, higher in results:
    if "(s," in name or "(ms," in name or "(MB," in name:
        print("  %-4s %-66s %10.2f" % ("PASS" if ok else "MISS", name, ours_ms))
    else:
        print("  %-4s %-66s ours %.2f ms, theirs %.2f ms: %.2f× (target %s%.2f×)" % (
            "PASS" if ok else "MISS", name, ours_ms, theirs_ms, ratio, "≥ " if higher else "≤ ", target))
