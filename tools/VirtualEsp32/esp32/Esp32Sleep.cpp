//
// LockFirmware virtual ESP32: nanoFramework.Hardware.Esp32 Sleep, after the ESP32 natives
// (targets/ESP32/_nanoCLR/nanoFramework.Hardware.ESP32/..._Sleep.cpp). Wake sources are armed as ESP-IDF arms them
// (ext0: the highest pin of the mask, ext1: a mask with AllLow/AnyHigh, timer, touch pads: armed until reset,
// as ESP-IDF has no way to disarm them; a bench "touch" is a finger held 300 ms); every sleep is recorded
// and sent to the bench with its wake sources (deep ones on the console too). Light sleep blocks the app until the timer runs out or the wake
// pins reach their level, then reports the cause. Deep sleep waits the same way, then resets the chip (the host
// process restarts, see NativeStartDeepSleep).
//
#include <chrono>
#include <cstdio>
#include <string>
#include <cstdlib>
#include <thread>
#include <unistd.h>

#include "../ble/BleLink.h"
#include "../clock/VirtualClock.h"
#include "../gpio/VirtualGpio.h"
#include "../host/Bench.h"
#include "../host/HostPump.h"
#include "Esp32Sleep.h"

#include <nanoCLR_Hardware.h>
#include <nanoHAL_Time.h>
#include <nanoFramework_hardware_esp32_native.h>

typedef Library_nanoFramework_hardware_esp32_native_nanoFramework_Hardware_Esp32_Sleep Sleep;

namespace
{
    const uint64_t NoTimer = ~0ULL;
    uint64_t s_timerUs = NoTimer;
    int s_ext0Pin = -1;
    int s_ext0Level = 0;
    uint64_t s_ext1Mask = 0;
    int s_ext1Mode = 0; // 0 AllLow, 1 AnyHigh
    Sleep_WakeupCause s_cause = Sleep_WakeupCause_Undefined;
    bool s_deep = false;
    uint64_t s_ext1Status = 0;
    int s_touchPads[2] = {-1, -1};
    int s_touchedPad = -1, s_wakePad = -1;
    std::chrono::steady_clock::time_point s_touchedUntil;
    const int TouchMs = 300;

    std::string Describe(const char *kind)
    {
        char text[160];
        snprintf(
            text,
            sizeof(text),
            "sleep %s timer-us=%lld ext0=%d/%d ext1=0x%llx/%s",
            kind,
            s_timerUs == NoTimer ? -1LL : (long long)s_timerUs,
            s_ext0Pin,
            s_ext0Level,
            (unsigned long long)s_ext1Mask,
            s_ext1Mode == 1 ? "any-high" : "all-low");
        return text;
    }

    // Every sleep and wake goes to the bench; deep sleeps (a reboot follows) also to the console.
    void Record(const std::string &what, bool console = false)
    {
        if (console)
        {
            printf("virtual-esp32: %s\n", what.c_str());
            fflush(stdout);
        }

        Bench_Send(what);
    }

    // The wake cause if a pin source holds now, else Undefined.
    Sleep_WakeupCause PinCause()
    {
        if (s_touchedPad >= 0 && (s_touchedPad == s_touchPads[0] || s_touchedPad == s_touchPads[1]) &&
            std::chrono::steady_clock::now() < s_touchedUntil)
        {
            s_wakePad = s_touchedPad;
            return Sleep_WakeupCause_TouchPad;
        }

        if (s_ext0Pin >= 0 && (int)VirtualGpio_Level(s_ext0Pin) == s_ext0Level)
        {
            return Sleep_WakeupCause_Ext0;
        }

        if (s_ext1Mask != 0)
        {
            bool any = false, all = true;
            s_ext1Status = 0;
            for (int pin = 0; pin < 40; pin++)
            {
                if (s_ext1Mask & (1ULL << pin))
                {
                    bool high = VirtualGpio_Level(pin);
                    any |= high;
                    all &= !high;
                    if (high == (s_ext1Mode == 1))
                    {
                        s_ext1Status |= 1ULL << pin;
                    }
                }
            }

            if ((s_ext1Mode == 1 && any) || (s_ext1Mode == 0 && all))
            {
                return Sleep_WakeupCause_Ext1;
            }
        }

        return Sleep_WakeupCause_Undefined;
    }
    // Waits for the armed wake sources; pin changes from the bench are applied meanwhile, and the timer runs on
    // the interpreter's clock, so a bench "advance" shortens a sleep as it shortens any wait.
    void SleepUntilWake()
    {
        uint64_t start = HAL_Time_CurrentTime();
        s_cause = Sleep_WakeupCause_Undefined;
        while (s_cause == Sleep_WakeupCause_Undefined)
        {
            HostPump_RunPending();
            s_cause = PinCause();
            if (s_cause == Sleep_WakeupCause_Undefined && s_timerUs != NoTimer &&
                (HAL_Time_CurrentTime() - start) / 10 >= s_timerUs)
            {
                s_cause = Sleep_WakeupCause_Timer;
            }

            if (s_cause == Sleep_WakeupCause_Undefined)
            {
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        }

        // ESP-IDF disarms every source at wake-up; the app arms them again before its next sleep.
        s_timerUs = NoTimer;
        s_ext0Pin = -1;
        s_ext1Mask = 0;
        Record("wake cause=" + std::to_string((int)s_cause), s_deep);
    }
} // namespace

HRESULT Sleep::NativeEnableWakeupByTimer___STATIC__nanoFrameworkHardwareEsp32EspNativeError__U8(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    s_timerUs = (uint64_t)stack.Arg0().NumericByRef().s8;
    stack.SetResult_I4(EspNativeError_OK);
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Sleep::
    NativeEnableWakeupByPin___STATIC__nanoFrameworkHardwareEsp32EspNativeError__nanoFrameworkHardwareEsp32SleepWakeupGpioPin__I4(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        // As the ESP32 native: only the highest set bit of the mask becomes the ext0 pin.
        uint64_t mask = (uint64_t)stack.Arg0().NumericByRef().s8;
        if (mask != 0)
        {
            int pin = 0;
            for (int i = 0; i < 40; i++)
            {
                if (mask & (1ULL << i))
                {
                    pin = i;
                }
            }

            s_ext0Pin = pin;
            s_ext0Level = stack.Arg1().NumericByRef().s4 != 0 ? 1 : 0;
        }

        stack.SetResult_I4(EspNativeError_OK);
    }
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Sleep::
    NativeEnableWakeupByMultiPins___STATIC__nanoFrameworkHardwareEsp32EspNativeError__nanoFrameworkHardwareEsp32SleepWakeupGpioPin__nanoFrameworkHardwareEsp32SleepWakeupMode(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    s_ext1Mask = (uint64_t)stack.Arg0().NumericByRef().s8;
    s_ext1Mode = stack.Arg1().NumericByRef().s4;
    stack.SetResult_I4(EspNativeError_OK);
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Sleep::NativeEnableWakeupByTouchPad___STATIC__nanoFrameworkHardwareEsp32EspNativeError__I4__I4__U1(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        int pad1 = stack.Arg0().NumericByRef().s4, pad2 = stack.Arg1().NumericByRef().s4;
        if (pad1 < 0 && pad2 < 0)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER); // as the ESP32 native
        }

        s_touchPads[0] = pad1;
        s_touchPads[1] = pad2;
        stack.SetResult_I4(EspNativeError_OK);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Sleep::
    NativeEnableWakeupByUart___STATIC__nanoFrameworkHardwareEsp32EspNativeError__nanoFrameworkHardwareEsp32SleepWakeUpPort__I4(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_I4(EspNativeError_NOT_SUPPORTED);
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Sleep::NativeStartLightSleep___STATIC__nanoFrameworkHardwareEsp32EspNativeError(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        Record(Describe("light"));
        SleepUntilWake();
        stack.SetResult_I4(EspNativeError_OK);
    }
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Sleep::NativeStartDeepSleep___STATIC__nanoFrameworkHardwareEsp32EspNativeError(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    Record(Describe("deep"), true);

    // The chip powers down: pins and radio reset, RAM is lost, the RTC keeps the time and the wake cause. When a
    // wake source fires it boots again. The posix CLR cannot reload its assemblies in a soft reboot, so the host
    // process ends with a reset line and whoever started it starts it again with the RTC state in its
    // environment (VESP32_RTC_OFFSET_TICKS, VESP32_WAKE_CAUSE, VESP32_WAKE_EXT1): Main runs from the start.
    VirtualGpio_Reset();
    BleLink_PowerDown();
    s_deep = true;
    SleepUntilWake();
    printf(
        "virtual-esp32: reset after deep sleep: VESP32_RTC_OFFSET_TICKS=%lld VESP32_WAKE_CAUSE=%d VESP32_WAKE_EXT1=%llu "
        "VESP32_WAKE_TOUCHPAD=%d VESP32_INPUTS=%s\n",
        (long long)VirtualClock_CalendarOffsetTicks(),
        (int)s_cause,
        (unsigned long long)s_ext1Status,
        s_cause == Sleep_WakeupCause_TouchPad ? s_wakePad : -1,
        VirtualGpio_Inputs().c_str());
    fflush(stdout);
    _exit(0);
    NANOCLR_NOCLEANUP_NOLABEL();
}

namespace
{
    // After a deep-sleep reset the RTC still knows why the chip woke (see NativeStartDeepSleep).
    struct WakeFromEnvironment
    {
        WakeFromEnvironment()
        {
            const char *cause = getenv("VESP32_WAKE_CAUSE");
            const char *ext1 = getenv("VESP32_WAKE_EXT1");
            const char *pad = getenv("VESP32_WAKE_TOUCHPAD");
            s_wakePad = pad != nullptr ? atoi(pad) : -1;
            s_cause = cause != nullptr ? (Sleep_WakeupCause)atoi(cause) : Sleep_WakeupCause_Undefined;
            s_ext1Status = ext1 != nullptr ? strtoull(ext1, nullptr, 10) : 0;
        }
    } s_wakeFromEnvironment;
} // namespace

HRESULT Sleep::NativeGetWakeupCause___STATIC__nanoFrameworkHardwareEsp32SleepWakeupCause(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_I4(s_cause);
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Sleep::NativeGetWakeupGpioPin___STATIC__nanoFrameworkHardwareEsp32SleepWakeupGpioPin(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_I8((int64_t)s_ext1Status);
    NANOCLR_NOCLEANUP_NOLABEL();
}

void Esp32Sleep_Touch(int pad)
{
    s_touchedPad = pad;
    s_touchedUntil = std::chrono::steady_clock::now() + std::chrono::milliseconds(TouchMs);
}

HRESULT Sleep::NativeGetWakeupTouchpad___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_I4(s_cause == Sleep_WakeupCause_TouchPad ? s_wakePad : -1);
    NANOCLR_NOCLEANUP_NOLABEL();
}
