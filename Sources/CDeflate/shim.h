// The C API of libdeflate, from Debian's libdeflate-dev, as one Swift module.
#include <libdeflate.h>
