//
// LockFirmware virtual ESP32: what the bench can do to the sleep model (esp32/Esp32Sleep.cpp).
//
#ifndef VESP32_ESP32_SLEEP_H
#define VESP32_ESP32_SLEEP_H

// A finger on touch pad `pad` for 300 ms: wakes the chip if it sleeps with that pad armed. CLR thread.
void Esp32Sleep_Touch(int pad);

#endif
