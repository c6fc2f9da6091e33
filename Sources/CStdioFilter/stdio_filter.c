#define _GNU_SOURCE
#include <stdio.h>
#include "stdio_filter.h"

int evalsheet_route_stdio_stderr(ssize_t (*sink)(void *cookie, const char *bytes, size_t count)) {
    cookie_io_functions_t functions = { .read = NULL, .write = sink, .seek = NULL, .close = NULL };
    FILE *stream = fopencookie(NULL, "w", functions);
    if (!stream) return -1;
    setvbuf(stream, NULL, _IONBF, 0);
    fflush(stderr);
    stderr = stream;
    return 0;
}
