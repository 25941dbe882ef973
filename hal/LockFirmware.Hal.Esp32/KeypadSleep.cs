using System;
using nanoFramework.Hardware.Esp32;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// The keypad's sleep: light sleep (RAM and GPIO outputs kept, so the counter block in RAM and the driven columns
    /// survive) until a deadline or a key press. A press raises a row pin; ext1 "any high" on the row pins wakes the
    /// chip (Sleep.EnableWakeupByMultiPins: EnableWakeupByPin is ext0 and takes only the highest set pin, NANO.md).
    /// The row pins must be RTC GPIOs (boards/esp32-keypad/README.md). Only while the radio is idle: light sleep
    /// pauses BLE.
    /// </summary>
    public static class KeypadSleep
    {
        /// <summary>Sleeps up to <paramref name="ms"/> (forever when negative) or until a row pin in <paramref name="rowMask"/> goes high.</summary>
        public static bool Until(long ms, ulong rowMask)
        {
            if (ms == 0)
            {
                return false;
            }

            if (ms > 0)
            {
                Sleep.EnableWakeupByTimer(TimeSpan.FromTicks(ms * TimeSpan.TicksPerMillisecond));
            }

            Sleep.EnableWakeupByMultiPins((Sleep.WakeupGpioPin)rowMask, Sleep.WakeupMode.AnyHigh);
            return Sleep.StartLightSleep() == EspNativeError.OK;
        }
    }
}
