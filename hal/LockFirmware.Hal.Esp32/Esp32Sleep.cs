using System;
using nanoFramework.Hardware.Esp32;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// Light sleep until a deadline or a pin edge (door, button). Only worth it while the radio is off: light
    /// sleep pauses BLE, so the device app sleeps only when the board says so and no BLE peer can be expected.
    /// </summary>
    public static class Esp32Sleep
    {
        /// <summary>Sleeps up to <paramref name="ms"/>, or until one of the pins in <paramref name="wakePins"/> goes to <paramref name="level"/>.</summary>
        public static bool Until(long ms, ulong wakePins, int level)
        {
            if (ms <= 0)
            {
                return false;
            }

            Sleep.EnableWakeupByTimer(TimeSpan.FromTicks(ms * TimeSpan.TicksPerMillisecond));
            if (wakePins != 0)
            {
                Sleep.EnableWakeupByPin((Sleep.WakeupGpioPin)wakePins, level);
            }

            return Sleep.StartLightSleep() == EspNativeError.OK;
        }
    }
}
