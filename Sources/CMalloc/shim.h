// glibc's allocator tuning (mallopt), used by the glean executable's startup.
#include <malloc.h>
