using System;
using LockFirmware.Hal.Clock;
using nanoFramework.Runtime.Native;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>The ESP32's real-time clock: read with DateTime.UtcNow, set with Rtc.SetSystemTime.</summary>
    public sealed class Esp32Clock : ISystemClock
    {
        private static readonly long EpochTicks = new DateTime(1970, 1, 1).Ticks;

        public long NowMs
        {
            get { return (DateTime.UtcNow.Ticks - EpochTicks) / TimeSpan.TicksPerMillisecond; }
        }

        public void SetUtc(long utcMs)
        {
            Rtc.SetSystemTime(new DateTime(EpochTicks + utcMs * TimeSpan.TicksPerMillisecond));
        }
    }
}
