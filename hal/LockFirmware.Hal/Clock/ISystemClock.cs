namespace LockFirmware.Hal.Clock
{
    /// <summary>The platform's real-time clock, which an installer sets over BLE (Core reads time as an input).</summary>
    public interface ISystemClock
    {
        long NowMs { get; }

        void SetUtc(long utcMs);
    }
}
