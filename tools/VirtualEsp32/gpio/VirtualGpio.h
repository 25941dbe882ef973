//
// LockFirmware virtual ESP32: the pin model behind the CPU_GPIO_* HAL that upstream's System.Device.Gpio
// natives call (the same natives the ESP32 firmware runs; only cpu_gpio is ours, written after
// targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp). Everything here runs on the CLR thread.
//
#ifndef VESP32_VIRTUAL_GPIO_H
#define VESP32_VIRTUAL_GPIO_H

#include <string>

// The bench drives pin to 0 or 1, or lets it go (-1): the pull resistor then decides.
void VirtualGpio_Drive(int pin, int external);

// The bench closes (or opens) a switch between two pins: a key of a matrix keypad, between a row and a column.
void VirtualGpio_Switch(int a, int b, bool closed);

// Sends mode and level of every pin in use to the bench.
void VirtualGpio_Report();

// Sends the interpreter's UTC clock to the bench.
void VirtualGpio_ReportTime();

// A chip reset (deep sleep): every pin unconfigured and free again; what the bench drives stays driven.
void VirtualGpio_Reset();

// The levels the bench drives, "PIN:LEVEL,..." ("-": none), for the reset line of a deep sleep: the board's switches
// keep them while the chip restarts (VESP32_INPUTS at start-up).
std::string VirtualGpio_Inputs();

// The level a pin reads now (the sleep model checks wake pins with it).
bool VirtualGpio_Level(int pin);

#endif
