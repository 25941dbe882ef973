//
// LockFirmware virtual ESP32: the clocks the interpreter reads, as the host's clocks plus two offsets:
// the RTC offset Rtc.SetSystemTime sets (whole seconds, as the ESP32's settimeofday with tv_usec = 0), and a
// virtual offset the bench moves forward ("advance MS") so a scenario can let hours pass in moments.
// The posix time functions are wrapped at link time (-Wl,--wrap), not copied (natives/Clock.cmake).
//
#ifndef VESP32_VIRTUAL_CLOCK_H
#define VESP32_VIRTUAL_CLOCK_H

#include <cstdint>

// Moves both the monotonic and the calendar clock forward and wakes the interpreter's timers. Any thread.
void VirtualClock_Advance(int64_t milliseconds);

// What the RTC adds to the host's calendar clock (Rtc.SetSystemTime and bench advances): kept across a
// deep-sleep reset through VESP32_RTC_OFFSET_TICKS, read at start.
int64_t VirtualClock_CalendarOffsetTicks();

// Milliseconds the clock has been moved forward so far.
int64_t VirtualClock_AdvancedMs();

#endif
