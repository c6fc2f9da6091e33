#ifndef EVALSHEET_STDIO_FILTER_H
#define EVALSHEET_STDIO_FILTER_H

#include <stddef.h>
#include <sys/types.h>

/// Replaces stdio's `stderr` (what C libraries print with) by an unbuffered stream whose bytes go to `sink`; file
/// descriptor 2 stays as it is. Returns 0, or -1 when the stream cannot be made. In C because fopencookie is not
/// visible from Swift's Glibc module.
int evalsheet_route_stdio_stderr(ssize_t (*sink)(void *cookie, const char *bytes, size_t count));

#endif
