//
// LockFirmware virtual ESP32: what the System.IO.FileSystem natives take from src/PAL/Include/nanoPAL.h that the
// posix target's own nanoPAL.h (which shadows it) leaves out. Same definition as upstream's.
//

#ifndef POSIX_PAL_COMPAT_H
#define POSIX_PAL_COMPAT_H

#include <string.h>

#ifndef hal_strncmp_s
#define hal_strncmp_s(str1, str2, num) strncmp(str1, str2, num)
#endif

#endif // POSIX_PAL_COMPAT_H
