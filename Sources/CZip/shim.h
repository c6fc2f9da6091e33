// The C API of zip, from Debian's libzip-dev, as one Swift module.
#include <zip.h>
