namespace LockFirmware.Core.Storage
{
    /// <summary>
    /// Where Core records what happened. <see cref="Append"/> returns only once the record is durable
    /// (programmed to flash): callers that must log before acting (an unlock before the motor starts)
    /// rely on that. It returns false when the record could not be stored.
    /// </summary>
    public interface IEventLog
    {
        /// <summary>Records <paramref name="type"/> at <paramref name="nowMs"/> with a 32-bit detail word.</summary>
        bool Append(EventType type, long nowMs, uint data);
    }
}
