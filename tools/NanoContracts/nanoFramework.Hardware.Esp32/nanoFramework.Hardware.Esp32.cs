// Contract of nanoFramework.Hardware.Esp32 1.6.42 (tag v1.6.42), only the members the firmware uses.
// Note: this package depends on nanoFramework.Runtime.Events 1.11.39 while Gpio 1.1.62 wants 1.11.37.
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.6.42.0")]

namespace nanoFramework.Hardware.Esp32
{
    // Errors.cs
    public enum EspNativeError : Int32
    {
        OK = 0,
        FAIL = -1,
    }

    // Sleep.cs
    public class Sleep
    {
        public enum WakeupMode
        {
            AllLow = 0,
            AnyHigh = 1,
        }

        public enum WakeupCause
        {
            Undefined = 0,
            Ext0 = 2,
            Ext1,
            Timer,
            TouchPad,
            Ulp,
            Gpio,
            Uart,
            Wifi,
            CoCpu,
            CoCpuTrapTrig,
            Bt,
        }

        [Flags]
        public enum WakeupGpioPin : UInt64
        {
            None = 0,
        }

        public static EspNativeError EnableWakeupByTimer(TimeSpan time) { throw new NotSupportedException(); }
        public static EspNativeError EnableWakeupByPin(WakeupGpioPin pin, int level) { throw new NotSupportedException(); }
        public static EspNativeError EnableWakeupByMultiPins(WakeupGpioPin pins, WakeupMode mode) { throw new NotSupportedException(); }
        public static EspNativeError EnableWakeupByTouchPad(int padNumber1, int padNumber2 = -1, byte thresholdCoefficient = 80) { throw new NotSupportedException(); }
        public static EspNativeError StartLightSleep() { throw new NotSupportedException(); }
        public static void StartDeepSleep() { throw new NotSupportedException(); }
        public static WakeupCause GetWakeupCause() { throw new NotSupportedException(); }
        public static WakeupGpioPin GetWakeupGpioPin() { throw new NotSupportedException(); }
    }
}
