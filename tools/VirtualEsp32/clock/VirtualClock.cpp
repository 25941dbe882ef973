//
// LockFirmware virtual ESP32: VirtualClock (see VirtualClock.h) and the Rtc.SetSystemTime native.
//
#include <atomic>
#include <cstdlib>

#include "VirtualClock.h"

#include <nanoCLR_Runtime.h>
#include <nanoHAL_Time.h>
#include <nanoPAL_Events.h>
#include <nf_rt_native.h>

namespace
{
    // 100 ns ticks
    std::atomic<int64_t> s_virtualTicks{0};
    std::atomic<int64_t> s_rtcTicks{0};

    // A chip waking from deep sleep keeps its RTC: the host that ran before it passes the offset on.
    struct RtcFromEnvironment
    {
        RtcFromEnvironment()
        {
            const char *offset = getenv("VESP32_RTC_OFFSET_TICKS");
            s_rtcTicks = offset != nullptr ? strtoll(offset, nullptr, 10) : 0;
        }
    } s_rtcFromEnvironment;
    const int64_t TicksPerSecond = 10000000;
    const int64_t TicksPerDay = 86400 * TicksPerSecond;
} // namespace

extern "C" uint64_t __real_HAL_Time_CurrentDateTime(bool datePartOnly);
extern "C" uint64_t __wrap_HAL_Time_CurrentDateTime(bool datePartOnly)
{
    uint64_t ticks = __real_HAL_Time_CurrentDateTime(false) + s_rtcTicks.load() + s_virtualTicks.load();
    return datePartOnly ? ticks - ticks % TicksPerDay : ticks;
}

// uint64_t HAL_Time_CurrentSysTicks() has C++ linkage: wrapped by its mangled name.
extern "C" uint64_t __real__Z24HAL_Time_CurrentSysTicksv();
extern "C" uint64_t __wrap__Z24HAL_Time_CurrentSysTicksv()
{
    return __real__Z24HAL_Time_CurrentSysTicksv() + s_virtualTicks.load();
}

void VirtualClock_Advance(int64_t milliseconds)
{
    if (milliseconds > 0)
    {
        s_virtualTicks += milliseconds * 10000;
        Events_Set(SYSTEM_EVENT_FLAG_SYSTEM_TIMER);
    }
}

int64_t VirtualClock_CalendarOffsetTicks()
{
    return s_rtcTicks.load() + s_virtualTicks.load();
}

int64_t VirtualClock_AdvancedMs()
{
    return s_virtualTicks.load() / 10000;
}

// Rtc.SetSystemTime(DateTime) as on the ESP32: the calendar clock jumps to that second (sub-seconds dropped).
HRESULT Library_nf_rt_native_nanoFramework_Runtime_Native_Rtc::
    Native_RTC_SetSystemTime___STATIC__BOOLEAN__I4__U1__U1__U1__U1__U1__U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        SYSTEMTIME wanted = {};
        wanted.wYear = (uint16_t)stack.Arg0().NumericByRef().s4;
        wanted.wMonth = stack.Arg1().NumericByRef().u1;
        wanted.wDay = stack.Arg2().NumericByRef().u1;
        // Arg3 is the day of the week (Rtc.SetSystemTime passes it; the calendar does not need it)
        wanted.wHour = stack.Arg4().NumericByRef().u1;
        wanted.wMinute = stack.Arg5().NumericByRef().u1;
        wanted.wSecond = stack.Arg6().NumericByRef().u1;

        int64_t target = (int64_t)HAL_Time_ConvertFromSystemTime(&wanted);
        int64_t host = (int64_t)__real_HAL_Time_CurrentDateTime(false) + s_virtualTicks.load();
        s_rtcTicks = target - host;

        stack.SetResult_Boolean(true);
    }
    NANOCLR_NOCLEANUP_NOLABEL();
}
