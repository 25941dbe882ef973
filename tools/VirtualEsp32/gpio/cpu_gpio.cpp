//
// LockFirmware virtual ESP32: CPU_GPIO_* for a classic ESP32 (40 pads, 34-39 input only, no pads 20, 24,
// 28-31), the HAL under upstream's System.Device.Gpio natives. What the ESP32 does and this model does too:
// reserving pins, pull-up/pull-down when nothing drives an input, an interrupt on both edges that reports only
// real changes, debounce by re-reading after the timeout, outputs read back their latch.
// Switches between two pins (the keys of a matrix keypad): an input nobody drives reads the output it is joined
// to, and sees an edge when that output changes.
// What it does not: a floating input reads 0 (on silicon it is noise); electrical conflicts are not modelled.
//
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "../host/Bench.h"
#include "../host/HostPump.h"
#include "VirtualGpio.h"

#include <nanoCLR_Runtime.h>
#include <nanoHAL_v2.h>
#include <nanoHAL_Time.h>

namespace
{
    const int PinCount = 40;

    struct VirtualPin
    {
        bool reserved;
        bool configured;
        PinMode mode;
        bool latch;   // output register
        int external; // -1: nobody drives it; 0/1: the bench does
        bool current; // last level reported to the interrupt routine
        GPIO_INTERRUPT_SERVICE_ROUTINE isr;
        void *isrParam;
        uint32_t debounceMs;
        uint32_t debounceGeneration;
    };

    VirtualPin s_pins[PinCount];
    std::vector<std::pair<int, int>> s_switches; // closed switches between two pins

    bool s_conflictReported = false;

    // The level the outputs joined to an input by closed switches give it: -1 when none is, else 1 if any drives
    // high. Two outputs at different levels joined through one input (two keys of one row held while the scan
    // drives one column high and the others low) are a short circuit on a real board: reported once.
    int JoinedLevel(int pin)
    {
        int level = -1, low = -1, high = -1;
        for (const auto &sw : s_switches)
        {
            int other = sw.first == pin ? sw.second : sw.second == pin ? sw.first : -1;
            if (other >= 0 && s_pins[other].configured && s_pins[other].mode >= PinMode_Output)
            {
                (s_pins[other].latch ? high : low) = other;
                level = level == 1 || s_pins[other].latch ? 1 : 0;
            }
        }

        if (high >= 0 && low >= 0 && !s_conflictReported)
        {
            s_conflictReported = true;
            std::string what = "conflict: outputs " + std::to_string(high) + " (high) and " + std::to_string(low) +
                               " (low) are joined through pin " + std::to_string(pin) +
                               " by closed switches: a short circuit on a real board (reads high here)";
            fprintf(stderr, "virtual-esp32: gpio: %s\n", what.c_str());
            Bench_Send(what);
        }

        return level;
    }

    bool IsValid(GPIO_PIN pin)
    {
        return pin < (GPIO_PIN)PinCount && pin != 20 && pin != 24 && (pin < 28 || pin > 31);
    }

    bool IsOutputCapable(GPIO_PIN pin)
    {
        return IsValid(pin) && pin < 34;
    }

    const char *ModeName(PinMode mode)
    {
        static const char *names[] = {"input",
                                      "input-pulldown",
                                      "input-pullup",
                                      "output",
                                      "output-open-drain",
                                      "output-open-drain-pullup",
                                      "output-open-source",
                                      "output-open-source-pulldown"};
        return (int)mode >= 0 && (int)mode < 8 ? names[mode] : "unknown";
    }

    bool Level(const VirtualPin &p)
    {
        if (p.mode >= PinMode_Output)
        {
            return p.latch;
        }

        if (p.external >= 0)
        {
            return p.external == 1;
        }

        int joined = JoinedLevel((int)(&p - s_pins));
        if (joined >= 0)
        {
            return joined == 1;
        }

        return p.mode == PinMode_InputPullUp;
    }

    void SendMode(int pin)
    {
        Bench_Send("mode " + std::to_string(pin) + " " + (s_pins[pin].configured ? ModeName(s_pins[pin].mode) : "closed"));
    }

    void SendOut(int pin)
    {
        Bench_Send("out " + std::to_string(pin) + " " + (s_pins[pin].latch ? "1" : "0"));
    }

    // The ESP32 ISR and debounce handler in one: report a level that differs from the last one reported.
    void Notify(int pin)
    {
        VirtualPin &p = s_pins[pin];
        bool level = Level(p);
        if (p.isr != nullptr && level != p.current)
        {
            p.current = level;
            p.isr((GPIO_PIN)pin, level, p.isrParam);
        }
    }

    void EdgeSeen(int pin)
    {
        VirtualPin &p = s_pins[pin];
        if (p.isr == nullptr)
        {
            return;
        }

        if (p.debounceMs == 0)
        {
            Notify(pin);
            return;
        }

        // Debounce as the ESP32 does: look again once the timeout has passed, report only a level that held.
        uint32_t generation = ++p.debounceGeneration;
        uint32_t ms = p.debounceMs;
        std::thread([pin, generation, ms]() {
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
            HostPump_Post([pin, generation]() {
                if (s_pins[pin].debounceGeneration == generation)
                {
                    Notify(pin);
                }
            });
        }).detach();
    }
} // namespace

void VirtualGpio_Drive(int pin, int external)
{
    if (pin < 0 || pin >= PinCount || !IsValid((GPIO_PIN)pin))
    {
        Bench_Send("error no pin " + std::to_string(pin));
        return;
    }

    s_pins[pin].external = external;
    EdgeSeen(pin);
}

void VirtualGpio_Switch(int a, int b, bool closed)
{
    if (a < 0 || a >= PinCount || b < 0 || b >= PinCount || !IsValid((GPIO_PIN)a) || !IsValid((GPIO_PIN)b))
    {
        Bench_Send("error no pins " + std::to_string(a) + " " + std::to_string(b));
        return;
    }

    for (auto at = s_switches.begin(); at != s_switches.end(); ++at)
    {
        if ((at->first == a && at->second == b) || (at->first == b && at->second == a))
        {
            s_switches.erase(at);
            break;
        }
    }

    if (closed)
    {
        s_switches.emplace_back(a, b);
    }

    EdgeSeen(a);
    EdgeSeen(b);
}

void VirtualGpio_Report()
{
    for (int pin = 0; pin < PinCount; pin++)
    {
        if (s_pins[pin].configured)
        {
            SendMode(pin);
            if (s_pins[pin].mode >= PinMode_Output)
            {
                SendOut(pin);
            }
        }
    }
}

void VirtualGpio_ReportTime()
{
    uint64_t ms = (HAL_Time_CurrentDateTime(false) - TIME_UNIX_EPOCH_AS_TICKS) / 10000;
    Bench_Send("time " + std::to_string(ms));
}

void VirtualGpio_Reset()
{
    for (int pin = 0; pin < PinCount; pin++)
    {
        int external = s_pins[pin].external;
        bool wasConfigured = s_pins[pin].configured;
        memset(&s_pins[pin], 0, sizeof(VirtualPin));
        s_pins[pin].external = external;
        if (wasConfigured)
        {
            SendMode(pin);
        }
    }
}

std::string VirtualGpio_Inputs()
{
    std::string text;
    for (int pin = 0; pin < PinCount; pin++)
    {
        if (s_pins[pin].external >= 0)
        {
            text += (text.empty() ? "" : ",") + std::to_string(pin) + ":" + std::to_string(s_pins[pin].external);
        }
    }

    return text.empty() ? "-" : text;
}

bool VirtualGpio_Level(int pin)
{
    return pin >= 0 && pin < PinCount && Level(s_pins[pin]);
}

bool CPU_GPIO_Initialize()
{
    for (auto &p : s_pins)
    {
        memset(&p, 0, sizeof(p));
        p.external = -1;
    }

    return true;
}

bool CPU_GPIO_Uninitialize()
{
    for (int pin = 0; pin < PinCount; pin++)
    {
        s_pins[pin].isr = nullptr;
    }

    return true;
}

bool CPU_GPIO_ReservePin(GPIO_PIN pin, bool reserve)
{
    if (!IsValid(pin))
    {
        return false;
    }

    if (reserve && s_pins[pin].reserved)
    {
        return false;
    }

    s_pins[pin].reserved = reserve;
    return true;
}

bool CPU_GPIO_PinIsBusy(GPIO_PIN pin)
{
    return !IsValid(pin) || s_pins[pin].reserved;
}

int32_t CPU_GPIO_GetPinCount()
{
    return PinCount;
}

GpioPinValue CPU_GPIO_GetPinState(GPIO_PIN pin)
{
    return IsValid(pin) && Level(s_pins[pin]) ? GpioPinValue_High : GpioPinValue_Low;
}

void CPU_GPIO_SetPinState(GPIO_PIN pin, GpioPinValue state)
{
    if (!IsValid(pin))
    {
        return;
    }

    VirtualPin &p = s_pins[pin];
    bool level = state == GpioPinValue_High;
    bool changed = p.latch != level;
    p.latch = level;
    if (changed && p.mode >= PinMode_Output)
    {
        SendOut((int)pin);
        for (const auto &sw : s_switches)
        {
            int other = sw.first == (int)pin ? sw.second : sw.second == (int)pin ? sw.first : -1;
            if (other >= 0)
            {
                EdgeSeen(other);
            }
        }
    }
}

void CPU_GPIO_TogglePinState(GPIO_PIN pin)
{
    if (IsValid(pin))
    {
        CPU_GPIO_SetPinState(pin, s_pins[pin].latch ? GpioPinValue_Low : GpioPinValue_High);
    }
}

bool CPU_GPIO_SetDriveMode(GPIO_PIN pin, PinMode mode)
{
    if (!IsValid(pin) || (mode >= PinMode_Output && !IsOutputCapable(pin)))
    {
        return false;
    }

    VirtualPin &p = s_pins[pin];
    bool wasOutput = p.configured && p.mode >= PinMode_Output;
    p.mode = mode;
    p.configured = true;
    SendMode((int)pin);
    if (mode >= PinMode_Output && !wasOutput)
    {
        SendOut((int)pin);
    }

    return true;
}

bool CPU_GPIO_DriveModeSupported(GPIO_PIN pin, PinMode mode)
{
    if (!IsValid(pin))
    {
        return false;
    }

    return IsOutputCapable(pin) ? mode <= PinMode_OutputOpenSourcePullDown : mode <= PinMode_InputPullUp;
}

bool CPU_GPIO_EnableInputPin(
    GPIO_PIN pin,
    uint32_t debounceMs,
    GPIO_INTERRUPT_SERVICE_ROUTINE isr,
    void *isrParam,
    GPIO_INT_EDGE edge,
    PinMode mode)
{
    (void)edge; // the managed library always asks for both edges

    if (mode >= PinMode_Output || !CPU_GPIO_SetDriveMode(pin, mode))
    {
        return false;
    }

    VirtualPin &p = s_pins[pin];
    if (isr != nullptr && p.isr == nullptr)
    {
        p.isr = isr;
        p.isrParam = isrParam;
        p.debounceMs = debounceMs;
        p.current = Level(p);
    }
    else if (isr == nullptr)
    {
        p.isr = nullptr;
        p.isrParam = nullptr;
        p.debounceMs = 0;
    }

    return true;
}

bool CPU_GPIO_EnableOutputPin(GPIO_PIN pin, GpioPinValue initialState, PinMode mode)
{
    if (mode < PinMode_Output)
    {
        return false;
    }

    if (IsValid(pin))
    {
        s_pins[pin].isr = nullptr;
        s_pins[pin].latch = initialState == GpioPinValue_High;
    }

    return CPU_GPIO_SetDriveMode(pin, mode);
}

void CPU_GPIO_DisablePin(GPIO_PIN pin, PinMode mode, uint32_t alternateFunction)
{
    (void)alternateFunction;
    if (!IsValid(pin))
    {
        return;
    }

    s_pins[pin].isr = nullptr;
    CPU_GPIO_SetDriveMode(pin, mode);
    s_pins[pin].configured = false;
    SendMode((int)pin);
    CPU_GPIO_ReservePin(pin, false);
}

uint32_t CPU_GPIO_GetPinDebounce(GPIO_PIN pin)
{
    return IsValid(pin) ? s_pins[pin].debounceMs : 0;
}

bool CPU_GPIO_SetPinDebounce(GPIO_PIN pin, uint32_t debounceMs)
{
    if (!IsValid(pin))
    {
        return false;
    }

    s_pins[pin].debounceMs = debounceMs;
    return true;
}

namespace
{
    // CPU_GPIO_Initialize is not called by the posix start-up: set the pins up with the library. After a deep-sleep
    // reset the board's switches still hold their levels: the reset line carries them (VESP32_INPUTS), so the app
    // reads them at boot, before the bench is attached again.
    struct GpioStarter
    {
        GpioStarter()
        {
            CPU_GPIO_Initialize();
            const char *inputs = getenv("VESP32_INPUTS");
            for (const char *at = inputs; at != nullptr && *at != 0;)
            {
                int pin = -1, level = -1;
                if (sscanf(at, "%d:%d", &pin, &level) == 2 && pin >= 0 && pin < PinCount)
                {
                    s_pins[pin].external = level;
                }

                at = strchr(at, ',');
                at = at != nullptr ? at + 1 : nullptr;
            }
        }
    } s_gpioStarter;
} // namespace
