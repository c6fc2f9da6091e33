/* The floor for reading: the same libraries evalsheet reads XLSX with (libzip, libdeflate, expat), doing the least a
 * reader must: open the archive from memory, inflate (libzip hands over the deflated bytes, libdeflate inflates them
 * whole and checks their CRC, as evalsheet does for a form's small parts) and parse xl/sharedStrings.xml and the
 * sheet, and collect every cell's value as text (shared strings looked up). Usage: read_floor FILE.xlsx REPEATS  → prints {"median_ms", "best_ms", "cells"}. */
#include <expat.h>
#include <libdeflate.h>
#include <zip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { char *bytes; size_t count, cap; } text_t;

static void append(text_t *t, const char *s, size_t n) {
    if (t->count + n + 1 > t->cap) { t->cap = (t->count + n + 1) * 2; t->bytes = realloc(t->bytes, t->cap); }
    memcpy(t->bytes + t->count, s, n); t->count += n; t->bytes[t->count] = 0;
}

/* shared strings and cells, both as arrays of owned C strings */
typedef struct { char **items; int count, cap; } list_t;

static void push(list_t *l, char *s) {
    if (l->count == l->cap) { l->cap = l->cap ? l->cap * 2 : 256; l->items = realloc(l->items, l->cap * sizeof *l->items); }
    l->items[l->count++] = s;
}

static void clear(list_t *l) { for (int i = 0; i < l->count; i++) free(l->items[i]); l->count = 0; }

typedef struct { list_t *strings, *cells; text_t text; int capturing, phonetic, shared; struct libdeflate_decompressor *decompressor; } state_t;

static const char *local(const char *name) { const char *colon = strrchr(name, ':'); return colon ? colon + 1 : name; }

static void strings_start(void *user, const char *name, const char **attributes) {
    state_t *s = user; const char *n = local(name); (void)attributes;
    if (!strcmp(n, "si")) s->text.count = 0;
    else if (!strcmp(n, "t")) s->capturing = !s->phonetic;
    else if (!strcmp(n, "rPh")) s->phonetic = 1;
}

static void strings_end(void *user, const char *name) {
    state_t *s = user; const char *n = local(name);
    if (!strcmp(n, "si")) push(s->strings, strndup(s->text.bytes ? s->text.bytes : "", s->text.count));
    else if (!strcmp(n, "t")) s->capturing = 0;
    else if (!strcmp(n, "rPh")) s->phonetic = 0;
}

static void sheet_start(void *user, const char *name, const char **attributes) {
    state_t *s = user; const char *n = local(name);
    if (!strcmp(n, "c")) {
        s->text.count = 0; s->shared = 0;
        for (int i = 0; attributes[i]; i += 2) if (!strcmp(attributes[i], "t") && !strcmp(attributes[i + 1], "s")) s->shared = 1;
    } else if (!strcmp(n, "v")) s->capturing = 1;
    else if (!strcmp(n, "t")) s->capturing = !s->phonetic;
    else if (!strcmp(n, "rPh")) s->phonetic = 1;
}

static void sheet_end(void *user, const char *name) {
    state_t *s = user; const char *n = local(name);
    if (!strcmp(n, "v") || !strcmp(n, "t")) s->capturing = 0;
    else if (!strcmp(n, "rPh")) s->phonetic = 0;
    else if (!strcmp(n, "c") && s->text.count) {
        if (s->shared) {
            int index = atoi(s->text.bytes);
            push(s->cells, strdup(index >= 0 && index < s->strings->count ? s->strings->items[index] : ""));
        } else push(s->cells, strndup(s->text.bytes, s->text.count));
    }
}

static void characters(void *user, const char *text, int length) {
    state_t *s = user;
    if (s->capturing) append(&s->text, text, length);
}

static void parse(zip_t *archive, const char *part, XML_StartElementHandler start, XML_EndElementHandler end, state_t *state) {
    zip_stat_t stat; zip_file_t *file;
    if (zip_stat(archive, part, 0, &stat) != 0 || stat.comp_method != ZIP_CM_DEFLATE || !(file = zip_fopen(archive, part, ZIP_FL_COMPRESSED))) {
        fprintf(stderr, "read_floor: no deflated %s\n", part); exit(1);
    }
    char *deflated = malloc(stat.comp_size + 1), *data = malloc(stat.size + 1);
    size_t inflated = 0;
    if (zip_fread(file, deflated, stat.comp_size) != (zip_int64_t)stat.comp_size
        || libdeflate_deflate_decompress(state->decompressor, deflated, stat.comp_size, data, stat.size, &inflated) != LIBDEFLATE_SUCCESS
        || inflated != stat.size || libdeflate_crc32(0, data, stat.size) != stat.crc) {
        fprintf(stderr, "read_floor: cannot inflate %s\n", part); exit(1);
    }
    zip_fclose(file);
    free(deflated);
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, state);
    XML_SetElementHandler(parser, start, end);
    XML_SetCharacterDataHandler(parser, characters);
    if (XML_Parse(parser, data, (int)stat.size, 1) != XML_STATUS_OK) { fprintf(stderr, "read_floor: %s is not XML\n", part); exit(1); }
    XML_ParserFree(parser);
    free(data);
}

static int read_once(const char *bytes, size_t count, list_t *strings, list_t *cells) {
    zip_error_t error; zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes, count, 0, &error);
    zip_t *archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : NULL;
    if (!archive) { fprintf(stderr, "read_floor: not a zip archive\n"); exit(1); }
    state_t state = { strings, cells, { NULL, 0, 0 }, 0, 0, 0, libdeflate_alloc_decompressor() };
    parse(archive, "xl/sharedStrings.xml", strings_start, strings_end, &state);
    parse(archive, "xl/worksheets/sheet1.xml", sheet_start, sheet_end, &state);
    zip_discard(archive);
    libdeflate_free_decompressor(state.decompressor);
    free(state.text.bytes);
    int found = cells->count;
    clear(strings); clear(cells);
    return found;
}

static int compare(const void *a, const void *b) { double x = *(double *)a, y = *(double *)b; return x < y ? -1 : x > y; }

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: read_floor FILE.xlsx REPEATS\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END); long size = ftell(f); fseek(f, 0, SEEK_SET);
    char *bytes = malloc(size);
    if (fread(bytes, 1, size, f) != (size_t)size) { perror(argv[1]); return 2; }
    fclose(f);
    int repeats = atoi(argv[2]), found = 0; double *samples = malloc(sizeof(double) * repeats);
    list_t strings = { 0 }, cells = { 0 };
    for (int r = 0; r < repeats; r++) {
        struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
        found = read_once(bytes, size, &strings, &cells);
        clock_gettime(CLOCK_MONOTONIC, &b);
        samples[r] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
    }
    qsort(samples, repeats, sizeof(double), compare);
    printf("{\"median_ms\": %.4f, \"best_ms\": %.4f, \"cells\": %d}\n", samples[repeats / 2], samples[0], found);
    return 0;
}
