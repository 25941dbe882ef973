//
// LockFirmware virtual ESP32: the target PAL header upstream's common natives include (each target has one);
// the posix PAL is the whole of it here.
//
#ifndef VESP32_TARGET_PAL_H
#define VESP32_TARGET_PAL_H

#include <nanoPAL.h>

#endif
