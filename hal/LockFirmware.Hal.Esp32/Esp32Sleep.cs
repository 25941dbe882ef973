using System;
using LockFirmware.Hal.Power;
using nanoFramework.Hardware.Esp32;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// The ESP32's sleep modes with the lock's wake inputs (the sleep policy in Core decides when and how long).
    /// What the natives really do (nf-interpreter targets/ESP32/_nanoCLR/nanoFramework.Hardware.ESP32, Sleep.cpp):
    /// EnableWakeupByPin is ext0, one pin with its own level (of a mask only the highest bit is used);
    /// EnableWakeupByMultiPins is ext1, several pins, "all low" or "any high" (on the S3 mode 0 is "any low");
    /// StartDeepSleep never returns: the CLR reboots and Main starts again. No API disables a wake source, so
    /// every sleep arms all of them again. The natives do not enable RTC pull-ups: wake lines need external ones.
    /// </summary>
    public static class Esp32Sleep
    {
        private static bool _touchArmed;

        /// <summary>
        /// Arms the wake sources: a timer after <paramref name="ms"/> (none when 0 or less), the inside button (ext0,
        /// active low), the door and the outside wake line (ext1: any high when <paramref name="doorWakeHigh"/>,
        /// i.e. the door is closed and opening it raises the line; otherwise the door alone, waking when it closes),
        /// and the outside touch pad. A pin or pad of -1 is absent.
        /// </summary>
        public static void Arm(long ms, int buttonPin, int doorPin, bool doorWakeHigh, int outsidePin, int touchPad)
        {
            if (ms > 0)
            {
                Sleep.EnableWakeupByTimer(TimeSpan.FromTicks(ms * TimeSpan.TicksPerMillisecond));
            }

            if (buttonPin >= 0)
            {
                Sleep.EnableWakeupByPin(Mask(buttonPin), 0);
            }

            if (doorWakeHigh)
            {
                Sleep.WakeupGpioPin high = Mask(doorPin) | Mask(outsidePin);
                if (high != Sleep.WakeupGpioPin.None)
                {
                    Sleep.EnableWakeupByMultiPins(high, Sleep.WakeupMode.AnyHigh);
                }
            }
            else if (doorPin >= 0)
            {
                // One pin: "all low" is "this pin low". The outside line waits: someone is at the open door already.
                Sleep.EnableWakeupByMultiPins(Mask(doorPin), Sleep.WakeupMode.AllLow);
            }

            if (touchPad >= 0 && !_touchArmed)
            {
                // Once per boot: the native calibrates the pad every call (on the S3 with a 100 ms wait), and the
                // wake source stays enabled (there is no disable).
                _touchArmed = Sleep.EnableWakeupByTouchPad(touchPad) == EspNativeError.OK;
            }
        }

        /// <summary>Light sleep with the armed sources; false when the chip refused (the cause then reads as before).</summary>
        public static bool Light()
        {
            return Sleep.StartLightSleep() == EspNativeError.OK;
        }

        /// <summary>Deep sleep with the armed sources. Does not return: the wake is a CLR restart.</summary>
        public static void Deep()
        {
            Sleep.StartDeepSleep();
        }

        /// <summary>Why the chip is running: after a deep sleep at boot, or after <see cref="Light"/> returned.</summary>
        public static WakeSource Cause(int buttonPin, int doorPin)
        {
            switch (Sleep.GetWakeupCause())
            {
                case Sleep.WakeupCause.Timer:
                    return WakeSource.Timer;
                case Sleep.WakeupCause.Ext0:
                    return WakeSource.InsideButton;
                case Sleep.WakeupCause.TouchPad:
                    return WakeSource.Outside;
                case Sleep.WakeupCause.Ext1:
                    return doorPin >= 0 && (Sleep.GetWakeupGpioPin() & Mask(doorPin)) != Sleep.WakeupGpioPin.None ? WakeSource.Door : WakeSource.Outside;
                default:
                    return WakeSource.PowerOn;
            }
        }

        private static Sleep.WakeupGpioPin Mask(int pin)
        {
            return pin < 0 ? Sleep.WakeupGpioPin.None : (Sleep.WakeupGpioPin)(1UL << pin);
        }
    }
}
