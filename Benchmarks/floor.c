/* The floor for writing: the same workbook as evalsheet's template (cells, formats, merges, formulas,
 * input checks on the open columns, protection, print setup), written straight through libxlsxwriter
 * from a cell dump made by `evalsheet-bench dump FORM`. Usage: floor DUMP OUTPUT.xlsx REPEATS  → prints {"median_ms", "best_ms"}. */
#include <xlsxwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { char kind; int row, col, row2, col2; double number; char *style, *text, *formula; } line_t;

static line_t *lines; static int count;

static char *field(char **cursor) {
    char *start = *cursor, *tab = strchr(start, '\t');
    if (tab) { *tab = 0; *cursor = tab + 1; } else { *cursor = start + strlen(start); }
    return start;
}

static void unescape(char *s) {
    char *out = s;
    for (; *s; s++) {
        if (s[0] == '\\' && (s[1] == 'n' || s[1] == 't')) { *out++ = s[1] == 'n' ? '\n' : '\t'; s++; }
        else *out++ = *s;
    }
    *out = 0;
}

static void load(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(2); }
    size_t cap = 1024; char *buf = malloc(1 << 20); lines = malloc(cap * sizeof *lines);
    while (fgets(buf, 1 << 20, f)) {
        buf[strcspn(buf, "\n")] = 0;
        if (count == (int)cap) { cap *= 2; lines = realloc(lines, cap * sizeof *lines); }
        char *c = strdup(buf); line_t *l = &lines[count++]; memset(l, 0, sizeof *l);
        l->kind = *field(&c);
        l->row = atoi(field(&c)); l->col = atoi(field(&c));

        if (l->kind == 'm') { l->row2 = atoi(field(&c)); l->col2 = atoi(field(&c)); continue; }
        if (l->kind == 'w' || l->kind == 'h' || l->kind == 'r') continue;
        l->style = field(&c); l->text = field(&c); l->formula = field(&c); unescape(l->text);
        l->number = atof(l->text);
    }
    fclose(f);
}

static char *keys[64]; static lxw_format *formats[64]; static int n;

static lxw_format *style(lxw_workbook *wb, const char *key) {
    for (int i = 0; i < n; i++) if (!strcmp(keys[i], key)) return formats[i];
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, "宋体"); format_set_font_size(f, 10); format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER); format_set_border(f, LXW_BORDER_THIN);
    if (key[0] == '1') format_set_unlocked(f); else { format_set_pattern(f, LXW_PATTERN_SOLID); format_set_bg_color(f, 0xD9D9D9); }
    if (strstr(key, "amount")) format_set_num_format(f, "#,##0.00");
    else if (strstr(key, "text") || strstr(key, "paragraphs") || strstr(key, "level1")) format_set_num_format(f, "@");
    keys[n] = strdup(key); formats[n++] = f;
    return f;
}

static void write_once(const char *output) {
    lxw_workbook *wb = workbook_new(output);
    n = 0;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "项目支出绩效自评表");
    for (int i = 0; i < count; i++) {
        line_t *l = &lines[i];
        switch (l->kind) {
        case 'w': worksheet_set_column(ws, l->row, l->row, l->col, NULL); break;
        case 'h': worksheet_set_row(ws, l->row, l->col > 0 ? l->col : 15, NULL); break;
        case 'm': worksheet_merge_range(ws, l->row, l->col, l->row2, l->col2, "", NULL); break;
        case 's': worksheet_write_string(ws, l->row, l->col, l->text, style(wb, l->style)); break;
        case 'n': worksheet_write_number(ws, l->row, l->col, l->number, style(wb, l->style)); break;
        case 'b': worksheet_write_blank(ws, l->row, l->col, style(wb, l->style)); break;
        case 'f': {
            char formula[4096]; snprintf(formula, sizeof formula, "=%s", l->formula);
            worksheet_write_formula_num(ws, l->row, l->col, formula, style(wb, l->style), l->number); break;
        }
        }
    }
    /* input checks: one per open column (from its first to its last open cell), as evalsheet adds them */
    int first[64], last[64]; char kind[64];
    for (int c = 0; c < 64; c++) { first[c] = -1; last[c] = -1; kind[c] = 0; }
    for (int i = 0; i < count; i++) {
        line_t *l = &lines[i];
        if (!strchr("snbf", l->kind) || l->style[0] != '1' || l->col >= 64) continue;
        if (first[l->col] < 0) first[l->col] = l->row;
        last[l->col] = l->row;
        kind[l->col] = strstr(l->style, "decimal") ? 'd' : 't';
    }
    for (int c = 0; c < 64; c++) {
        if (first[c] < 0) continue;
        lxw_data_validation v = {0};
        v.input_title = "必填"; v.input_message = "请填写，此项必填。"; v.error_title = "输入有误"; v.error_message = "须为不小于0的数字。";
        if (kind[c] == 'd') { v.validate = LXW_VALIDATION_TYPE_DECIMAL; v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO; v.value_number = 0; }
        else v.validate = LXW_VALIDATION_TYPE_ANY;
        worksheet_data_validation_range(ws, first[c], c, last[c], c, &v);
    }
    for (int i = 0; i < count; i++) if (lines[i].kind == 'r') worksheet_repeat_rows(ws, lines[i].row, lines[i].row);
    worksheet_set_landscape(ws); worksheet_set_paper(ws, 9); worksheet_fit_to_pages(ws, 1, 0);
    lxw_protection protection = {0}; protection.format_columns = 1; protection.format_rows = 1;
    worksheet_protect(ws, NULL, &protection);
    if (workbook_close(wb) != LXW_NO_ERROR) { fprintf(stderr, "floor: write failed\n"); exit(1); }
}

static int compare(const void *a, const void *b) { double x = *(double *)a, y = *(double *)b; return x < y ? -1 : x > y; }

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: floor DUMP OUTPUT.xlsx REPEATS\n"); return 2; }
    load(argv[1]);
    int repeats = atoi(argv[3]); double *samples = malloc(sizeof(double) * repeats);
    for (int r = 0; r < repeats; r++) {
        struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
        write_once(argv[2]);
        clock_gettime(CLOCK_MONOTONIC, &b);
        samples[r] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
    }
    qsort(samples, repeats, sizeof(double), compare);
    printf("{\"median_ms\": %.4f, \"best_ms\": %.4f}\n", samples[repeats / 2], samples[0]);
    return 0;
}
