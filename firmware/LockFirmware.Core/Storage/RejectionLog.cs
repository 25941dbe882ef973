namespace LockFirmware.Core.Storage
{
    /// <summary>
    /// Logs rejected radio traffic (bad frames, unknown keypads, failed handshakes) without letting a flood of it
    /// overwrite the owner's record: at most <see cref="Burst"/> records per <see cref="WindowMs"/>, then one
    /// <see cref="EventType.RejectionsSuppressed"/> record with the count of those left out. Anyone in radio range
    /// can send junk without a key; at this rate the 5,100 records the log keeps last for weeks of it.
    /// </summary>
    public sealed class RejectionLog
    {
        public const int Burst = 8;
        public const long WindowMs = 3600000;

        private readonly EventLog _log;
        private long _windowStart;
        private bool _started;
        private int _written;
        private uint _suppressed;

        public RejectionLog(EventLog log)
        {
            _log = log;
        }

        /// <summary>Rejections left out of the log in the current window.</summary>
        public uint Suppressed
        {
            get { return _suppressed; }
        }

        public void Append(EventType type, long nowMs, uint data)
        {
            Roll(nowMs);
            if (_written < Burst)
            {
                _written++;
                _log.Append(type, nowMs, data);
            }
            else if (_suppressed != uint.MaxValue)
            {
                _suppressed++;
            }
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
