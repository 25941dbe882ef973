namespace LockFirmware.Core.Storage
{
    /// <summary>
    /// Logs rejections anyone can cause without a secret (bad radio frames, unknown keypads, failed handshakes,
    /// keypad entries of the wrong form or during a lockout) without letting a flood of them overwrite the owner's
    /// record: at most <see cref="Burst"/> records per <see cref="WindowMs"/>, then one
    /// <see cref="EventType.RejectionsSuppressed"/> record with the count of those left out. At this rate the
    /// 5,100 records the log keeps last for weeks of junk. A second instance limits the records an installer's or
    /// setup session's admin commands write (<see cref="AdminBurst"/> an hour, then one
    /// <see cref="EventType.AdminRecordsSuppressed"/>), so no one but the owner can flush the log with commands.
    /// </summary>
    public sealed class RejectionLog : IEventLog
    {
        public const int Burst = 8;
        public const int AdminBurst = 16;
        public const long WindowMs = 3600000;

        private readonly IEventLog _log;
        private readonly EventType _summary;
        private readonly int _burst;
        private long _windowStart;
        private bool _started;
        private int _written;
        private uint _suppressed;

        public RejectionLog(IEventLog log) : this(log, Burst, EventType.RejectionsSuppressed)
        {
        }

        /// <param name="burst">Records logged per window.</param>
        /// <param name="summary">The record that counts those left out.</param>
        public RejectionLog(IEventLog log, int burst, EventType summary)
        {
            _log = log;
            _burst = burst;
            _summary = summary;
        }

        /// <summary>Rejections left out of the log in the current window.</summary>
        public uint Suppressed
        {
            get { return _suppressed; }
        }

        /// <summary>Logs the rejection, or counts it when the window's burst is spent (true: nothing was lost).</summary>
        public bool Append(EventType type, long nowMs, uint data)
        {
            Roll(nowMs);
            if (_written < _burst)
            {
                _written++;
                return _log.Append(type, nowMs, data);
            }

            if (_suppressed != uint.MaxValue)
            {
                _suppressed++;
            }

            return true;
        }

        /// <summary>Closes a finished window: writes the count of what was left out. Call from the lock's tick.</summary>
        public void Roll(long nowMs)
        {
            // A clock set backwards also starts a new window.
            if (_started && nowMs >= _windowStart && nowMs - _windowStart < WindowMs)
            {
                return;
            }

            if (_suppressed > 0)
            {
                _log.Append(_summary, nowMs, _suppressed);
            }

            _started = true;
            _windowStart = nowMs;
            _written = 0;
            _suppressed = 0;
        }
    }
}
