using System;
using LockFirmware.Hal.Clock;
using nanoFramework.Runtime.Native;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// The ESP32's real-time clock: read with DateTime.UtcNow, set with Rtc.SetSystemTime. The ESP32 native keeps
    /// whole seconds (settimeofday with tv_usec = 0), so a time is rounded to the nearest second here, on purpose:
    /// the clock is then within half a second of what the installer sent, never a whole second behind.
    /// </summary>
    public sealed class Esp32Clock : ISystemClock
    {
        private static readonly long EpochTicks = new DateTime(1970, 1, 1).Ticks;

        public long NowMs
        {
            get { return (DateTime.UtcNow.Ticks - EpochTicks) / TimeSpan.TicksPerMillisecond; }
        }

        public void SetUtc(long utcMs)
        {
            long seconds = (utcMs + 500) / 1000;
            Rtc.SetSystemTime(new DateTime(EpochTicks + seconds * TimeSpan.TicksPerSecond));
        }
    }
}
