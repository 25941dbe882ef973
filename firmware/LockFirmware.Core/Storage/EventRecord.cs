namespace LockFirmware.Core.Storage
{
    /// <summary>One event as read back from the log. Readers reuse one instance.</summary>
    public sealed class EventRecord
    {
        public uint Sequence;

        /// <summary>Seconds since 1970-01-01 UTC, as the lock's clock said (small values: clock unknown).</summary>
        public uint TimeSeconds;

        public EventType Type;
        public uint Data;
    }
}
