using LockFirmware.Hal.Clock;

namespace LockFirmware.Hal.Sim.Clock
{
    /// <summary>A virtual real-time clock: it moves when the simulation moves it, and an installer can set it.</summary>
    public sealed class SimClock : ISystemClock
    {
        public SimClock(long nowMs)
        {
            NowMs = nowMs;
        }

        public long NowMs { get; set; }

        public void SetUtc(long utcMs)
        {
            NowMs = utcMs;
        }
    }
}
