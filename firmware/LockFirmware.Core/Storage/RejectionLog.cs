namespace LockFirmware.Core.Storage
{
    /// <summary>
    /// Logs rejections anyone can cause without a secret (bad radio frames, unknown keypads, failed handshakes,
    /// keypad entries of the wrong form or during a lockout) without letting a flood of them overwrite the owner's
    /// record: at most <see cref="Burst"/> records per <see cref="WindowMs"/>, then one
    /// <see cref="EventType.RejectionsSuppressed"/> record with the count of those left out. At this rate the
    /// 5,100 records the log keeps last for weeks of junk.
    /// </summary>
    public sealed class RejectionLog : IEventLog
    {
        public const int Burst = 8;
        public const long WindowMs = 3600000;

        private readonly IEventLog _log;
        private long _windowStart;
        private bool _started;
        private int _written;
        private uint _suppressed;

        public RejectionLog(IEventLog log)
        {
            _log = log;
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
            if (_written < Burst)
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
                _log.Append(EventType.RejectionsSuppressed, nowMs, _suppressed);
            }

            _started = true;
            _windowStart = nowMs;
            _written = 0;
            _suppressed = 0;
        }
    }
}
