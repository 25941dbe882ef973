//
// LockFirmware virtual ESP32: the bench link. The host exposes the chip's pins on 127.0.0.1:$VESP32_BENCH_PORT
// (0: any free port) to one bench process, which plays the board's hardware. Line protocol, ASCII, one message
// per line (docs/virtual-esp32.md, "Bench link"):
//
//   host -> bench   hello virtual-esp32 1
//                   mode PIN input|input-pulldown|input-pullup|output|output-open-drain|...|closed
//                   out PIN 0|1                  an output's level changed (and at every mode change)
//                   sleep light|deep timer-us=N ext0=PIN/LEVEL ext1=MASK/MODE   (a sleep the app started)
//                   time MS                      answer to "time?": the interpreter's UTC clock, ms since 1970
//                   heap free=N total=M          answer to "heap?": managed heap bytes free after a full GC
//   bench -> host   in PIN 0|1|z                 drive an input (z: let go; the pull resistor decides)
//                   switch PIN PIN 1|0           close or open a switch between two pins (a keypad key)
//                   touch PAD                    a finger on touch pad PAD for 300 ms (wakes a sleep armed for it)
//                   advance MS                   move the virtual clock forward
//                   pins?                        resend mode/out for every pin in use
//                   time?                        ask for the clock
//                   heap?                        ask for the managed heap (runs a GC, as GC.Run does)
//
#ifndef VESP32_BENCH_H
#define VESP32_BENCH_H

#include <string>

// Sends a line to the bench, if one is attached. Any thread.
void Bench_Send(const std::string &line);

#endif
