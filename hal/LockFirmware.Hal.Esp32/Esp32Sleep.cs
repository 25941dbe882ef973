using System;
using nanoFramework.Hardware.Esp32;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// Light sleep until a deadline or a pin level (door, button). Only worth it while the radio is off: light
    /// sleep pauses BLE, so the device app sleeps only when the board says so and no BLE peer can be expected.
    /// One wake pin uses ext0 (Sleep.EnableWakeupByPin, which keeps only the highest set bit of its mask); several
    /// use ext1 (EnableWakeupByMultiPins). On the ESP32 ext1 knows only "any pin high" and "all pins low", so
    /// several active-low inputs (switches to ground) can only wake it all together: a board that needs any of
    /// several inputs to wake it wires them active-high (boards/README.md).
    /// </summary>
    public static class Esp32Sleep
    {
        /// <summary>Sleeps up to <paramref name="ms"/>, or until the pins in <paramref name="wakePins"/> reach
        /// <paramref name="level"/> (one pin: that pin; several: any of them high for 1, all of them low for 0).</summary>
        public static bool Until(long ms, ulong wakePins, int level)
        {
            if (ms <= 0)
            {
                return false;
            }

            Sleep.EnableWakeupByTimer(TimeSpan.FromTicks(ms * TimeSpan.TicksPerMillisecond));
            if (wakePins != 0 && (wakePins & (wakePins - 1)) == 0)
            {
                Sleep.EnableWakeupByPin((Sleep.WakeupGpioPin)wakePins, level);
            }
            else if (wakePins != 0)
            {
                Sleep.EnableWakeupByMultiPins((Sleep.WakeupGpioPin)wakePins, level == 0 ? Sleep.WakeupMode.AllLow : Sleep.WakeupMode.AnyHigh);
            }

            return Sleep.StartLightSleep() == EspNativeError.OK;
        }
    }
}
