// The C API of expat, from Debian's libexpat1-dev, as one Swift module.
#include <expat.h>
