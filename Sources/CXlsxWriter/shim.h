// The C API of xlsxwriter, from Debian's libxlsxwriter-dev, as one Swift module.
#include <xlsxwriter.h>
