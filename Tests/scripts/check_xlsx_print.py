#!/usr/bin/python3
"""Checks how evalsheet's XLSX prints, with software we did not write.
Usage: check_xlsx_print.py EVALSHEET OUTDIR
- openpyxl (python3-openpyxl): A4 portrait, one page wide; footer 第 &P 页 共 &N 页; the indicator header rows
  repeated on every page; page breaks only between level-1 blocks; every cell of the form's rectangle bordered on
  all four sides; left-aligned texts indented; no row taller than its text needs, measured here for 宋体 (CJK full
  width, ASCII half) at the width of its columns (the seed's goal row 12 takes the 20 lines its 671 characters
  wrap into across F:I, 286 pt).
- LibreOffice (libreoffice-calc-nogui) and poppler-utils: the PDF has as many pages as the breaks make (blank
  templates one page; the seed one page too: at the 52 % that fits its columns on the width, a page holds 1395 pt of
  rows and the seed takes 1176), and shows the last characters of every long text (a row too short cuts them off);
  PNG pages at 60 dpi for a person to look at.
- A long form (the seed with every item six times) breaks only before level-1 blocks and prints on as many pages.
- Every layout of `evalsheet layouts`: the seed written in it passes the same checks."""
import glob, json, os, re, subprocess, sys
import openpyxl
from openpyxl.utils import get_column_letter

evalsheet, outdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
seed = os.path.join(root, "Fixtures/tsv/000_e57ca213149e2c8b.txt")
os.makedirs(outdir, exist_ok=True)
env = dict(os.environ, HOME=outdir)
passed = failed = 0
LEVEL1 = ("产出指标", "效益指标", "满意度指标")


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def run(*args):
    subprocess.run([evalsheet, *args], check=True, stdout=subprocess.DEVNULL)


NO_LINE_START = set("，。、；：？！）》」』】〕”’…%,.;:?!)]}")


def is_wide(ch):
    return ord(ch) >= 0x2E80 or ch in "—‘’“”…"


def lines(text, width, size):
    """Lines a text wraps into in `width` points of `size`-point 宋体 (13 pt kept for padding and indent): CJK breaks
    anywhere, ASCII words move whole, a closing mark takes the character before it to the next line."""
    usable = max(size, width - 13)
    count = 0
    for paragraph in str(text).split("\n"):
        count += 1
        used = previous = 0.0
        for word in re.findall(r"[!-~]+|.", paragraph):
            w = sum(size if is_wide(ch) else size / 2 for ch in word)
            if used + w > usable and used > 0:
                count += 1
                used = previous if word[0] in NO_LINE_START else 0.0
            if w > usable:
                count += -(-w // usable) - 1
                used = w % usable
            else:
                used += w
            previous = w
    return int(count)


def column_points(ws, column):
    width = ws.column_dimensions[get_column_letter(column)].width or 8.43
    return width * 7 * 0.75


def merged_ranges(ws):
    return {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges}


def needed_height(ws, row, merges):
    """The height row `row` needs: its tallest one-row text, at least one line."""
    need = 0.0
    for cell in ws[row]:
        if cell.value in (None, "") or isinstance(cell, openpyxl.cell.cell.MergedCell):
            continue
        merge = merges.get((row, cell.column))
        if merge and merge.max_row > merge.min_row:
            continue
        last = merge.max_col if merge else cell.column
        width = sum(column_points(ws, c) for c in range(cell.column, last + 1))
        size = cell.font.sz or 10
        need = max(need, lines(cell.value, width, size) * size * 1.4 + 6, size * 2)
    return need


def form_rectangle(ws):
    """Rows and columns of the bordered form: from the first row below the title to the last row."""
    first = next(r for r in range(1, ws.max_row + 1) if any(c.border.left.style for c in ws[r]))
    return range(first, ws.max_row + 1), range(1, ws.max_column + 1)


def check_sheet(path, name):
    """The openpyxl checks of one written workbook; returns the number of pages its breaks make."""
    ws = openpyxl.load_workbook(path).active
    setup = ws.page_setup
    check(setup.orientation == "portrait" and setup.paperSize in (9, "9"), "%s: A4 portrait" % name)
    width = sum(column_points(ws, c) for c in range(1, ws.max_column + 1))
    scale = int(setup.scale or 100)
    # LibreOffice draws columns up to 6 % wider than Excel; the scale fits both.
    check(not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
          and width * 1.06 * scale / 100 <= 595.28 - 72 < width * 1.06 * (scale + 2) / 100,
          "%s: a print scale (%d %%) that fits its %.0f pt of columns on the A4 width within 0.5 in margins (fit-to-pages would void the page breaks in Excel)" % (name, scale, width))
    ranges = sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col))
    overlapping = [(str(a), str(b)) for i, a in enumerate(ranges) for b in ranges[i + 1:i + 40]
                   if a.min_row <= b.max_row and b.min_row <= a.max_row and a.min_col <= b.max_col and b.min_col <= a.max_col]
    check(not overlapping, "%s: no merged blocks overlap (Excel repairs such a file, LibreOffice hides the cells): %s" % (name, overlapping[:3]))
    check(ws.oddFooter.center.text == "第 &P 页 共 &N 页", "%s: footer 第 &P 页 共 &N 页: %r" % (name, ws.oddFooter.center.text))
    header = next((c.row for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "三级指标" in c.value), None)
    titles = ws.print_title_rows or ""
    check(header is not None and re.fullmatch(r"\$?(\d+):\$?%d" % header, titles), "%s: print titles end at the indicator header row %s: %r" % (name, header, titles))
    merges = merged_ranges(ws)
    level1 = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(LEVEL1)]
    table_end = max((merges[(c.row, c.column)].max_row if (c.row, c.column) in merges else c.row) for c in level1)
    page_rows = (841.89 - 1.3 * 72) * 100 / scale
    breaks = [b.id for b in ws.row_breaks.brk]
    for after in breaks:
        crossing = [r for r in ws.merged_cells.ranges if r.min_row <= after < r.max_row
                    and "绩效指标" not in str(ws.cell(r.min_row, r.min_col).value)]
        oversized = [r for r in crossing if str(ws.cell(r.min_row, r.min_col).value).startswith(LEVEL1)
                     and sum(ws.row_dimensions[i].height for i in range(r.min_row, r.max_row + 1)) > page_rows]
        first = after + 1
        check(crossing == oversized and (oversized or any(c.row == first for c in level1) or not header < first <= table_end),
              "%s: the page after row %d begins with a level-1 block (a level-2 one in a level-1 block taller than a page), "
              "the indicator header or a row outside the indicators: %s" % (name, after, crossing))
    rows, columns = form_rectangle(ws)
    owner = {(r, c): m for m in ws.merged_cells.ranges for r in range(m.min_row, m.max_row + 1) for c in range(m.min_col, m.max_col + 1)}
    sides = {"left": (0, -1), "right": (0, 1), "top": (-1, 0), "bottom": (1, 0)}
    unbordered = ["%s %s" % (ws.cell(r, c).coordinate, side) for r in rows for c in columns for side, (dr, dc) in sides.items()
                  if not getattr(ws.cell(r, c).border, side).style
                  and not (owner.get((r, c)) is not None and owner.get((r, c)) is owner.get((r + dr, c + dc)))]
    check(not unbordered, "%s: every cell of the form bordered on all sides but those inside a merged block: %s" % (name, unbordered[:8]))
    flush = [c.coordinate for r in rows for c in ws[r] if isinstance(c.value, str) and c.value
             and c.alignment.horizontal in ("left", "right") and not c.alignment.indent]
    check(not flush, "%s: left- and right-aligned texts indented from the border: %s" % (name, flush[:8]))
    for r in rows:
        height = ws.row_dimensions[r].height or 15
        need = needed_height(ws, r, merges)
        if not height <= need + 0.5:
            check(False, "%s: row %d is %.1f pt, its text needs %.1f" % (name, r, height, need))
    return ws, len(breaks) + 1


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(match.group(1)) if match else 0


def to_pdf(paths):
    result = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", outdir, *paths],
                            capture_output=True, text=True, timeout=900, env=env)
    check(result.returncode == 0, "soffice --convert-to pdf: %s" % result.stderr.strip())
    return [os.path.join(outdir, os.path.basename(p)[:-5] + ".pdf") for p in paths]


def cut_texts(ws, pdf):
    """The ends (last 8 characters) of the sheet's long texts that the PDF does not show, but in rows at Excel's
    tallest (409 pt), which no height can help."""
    shown = re.sub(r"\s", "", subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout)
    ends = [re.sub(r"\s", "", c.value)[-8:] for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and len(c.value) > 30 and ws.row_dimensions[c.row].height < 409]
    return [end for end in ends if end not in shown]


# The seed and two blank templates in the seed's layout
full, from_seed, empty = (os.path.join(outdir, n) for n in ("seed.xlsx", "blank-from-seed.xlsx", "blank.xlsx"))
run("convert", seed, full)
run("template", from_seed, "--from", seed)
run("template", empty)
sheets = {path: check_sheet(path, os.path.basename(path)) for path in (full, from_seed, empty)}
ws = sheets[full][0]
goal_row = next(c.row for row in ws.iter_rows() for c in row if c.value == "年度总体目标")
check(goal_row == 12 and ws.row_dimensions[goal_row].height == needed_height(ws, 12, merged_ranges(ws)) < 298,
      "the seed's goal row 12 is as tall as its lines need: %s" % ws.row_dimensions[goal_row].height)
pdfs = dict(zip((full, from_seed, empty), to_pdf([full, from_seed, empty])))
expected_pages = {full: 1, from_seed: 1, empty: 1}
for path, pdf in pdfs.items():
    pages = pdf_pages(pdf)
    check(pages == expected_pages[path] == sheets[path][1],
          "%s prints on %d pages, expected %d, its breaks make %d" % (os.path.basename(path), pages, expected_pages[path], sheets[path][1]))
    cut = cut_texts(sheets[path][0], pdf)
    check(not cut, "%s: every long text printed to its end: %s" % (os.path.basename(path), cut))
    stem = pdf[:-4]
    render = subprocess.run(["pdftoppm", "-r", "60", "-png", pdf, stem + "-page"])
    check(render.returncode == 0 and glob.glob(stem + "-page*.png"), "%s renders to PNG pages" % os.path.basename(pdf))

# A long form: every item six times
form = json.loads(subprocess.run([evalsheet, "convert", seed, "-", "--to", "json"], capture_output=True, text=True, check=True).stdout)
for indicator in form["indicators"]:
    for category in indicator["categories"]:
        category["items"] = category["items"] * 6
long_json, long_xlsx = os.path.join(outdir, "long.json"), os.path.join(outdir, "long.xlsx")
json.dump(form, open(long_json, "w", encoding="utf-8"), ensure_ascii=False)
subprocess.run([evalsheet, "convert", long_json, long_xlsx], check=True, stderr=subprocess.DEVNULL)
lws, breaks = check_sheet(long_xlsx, "long.xlsx")
check(breaks >= 3, "the long form breaks into 3 pages or more: %d" % breaks)
pages = pdf_pages(to_pdf([long_xlsx])[0])
check(pages == breaks, "long.xlsx prints on %d pages, its breaks make %d" % (pages, breaks))

# Every layout
layouts = [line.split()[0] for line in subprocess.run([evalsheet, "layouts"], capture_output=True, text=True, check=True).stdout.splitlines()]
made = []
for layout in layouts:
    for kind in ("seed", "blank"):
        path = os.path.join(outdir, "layout-%s-%s.xlsx" % (layout, kind))
        run(*(["convert", seed, path] if kind == "seed" else ["template", path, "--from", seed]), "--layout", layout)
        made.append((path, check_sheet(path, os.path.basename(path))))
for (path, (lws, breaks)), pdf in zip(made, to_pdf([p for p, _ in made])):
    pages = pdf_pages(pdf)
    check(pages == breaks, "%s prints on %d pages, its breaks make %d" % (os.path.basename(path), pages, breaks))
    cut = cut_texts(lws, pdf)
    check(not cut, "%s: every long text printed to its end: %s" % (os.path.basename(path), cut))
print("xlsx print: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
