using LockFirmware.Core.Common;

namespace LockFirmware.Core.Access
{
    /// <summary>
    /// The brute-force brake, shared by every input source (keypad entries, keypad-channel failures).
    /// A token bucket: FreeFailures wrong entries, then one more per RefillHours. A correct code does not
    /// refill it (else an attacker would get free guesses after every delivery); the owner can clear it.
    /// Durable: each failure is saved, so pulling the battery resets nothing. A clock that runs backwards
    /// (lost time after a power cut) refills nothing.
    /// Record: tokens (4 bytes), time of the last refill in ms (8 bytes).
    /// </summary>
    public sealed class Throttle
    {
        private const int RecordSize = 12;

        private readonly AccessPolicy _policy;
        private readonly IAccessStore _store;
        private readonly byte[] _record = new byte[RecordSize];
        private int _tokens;
        private long _lastRefillMs;
        private bool _saved;                 // what flash holds, so an unchanged state is not written again
        private int _savedTokens;
        private long _savedRefillMs;

        public Throttle(AccessPolicy policy, IAccessStore store)
        {
            _policy = policy;
            _store = store;
            _tokens = policy.FreeFailures;
            _lastRefillMs = long.MinValue;
        }

        private long RefillMs
        {
            get { return _policy.RefillHours * LockTime.MsPerHour; }
        }

        /// <summary>Wrong entries left before lockout, at <paramref name="nowMs"/>.</summary>
        public int Remaining(long nowMs)
        {
            Refill(nowMs);
            return _tokens;
        }

        public bool IsLockedOut(long nowMs)
        {
            return Remaining(nowMs) <= 0;
        }

        /// <summary>When the next wrong entry will be allowed (nowMs if it is allowed now).</summary>
        public long LockedUntilMs(long nowMs)
        {
            return IsLockedOut(nowMs) ? _lastRefillMs + RefillMs : nowMs;
        }

        /// <summary>Counts a wrong entry and saves the state; false if the save failed (the count still holds in RAM).</summary>
        public bool RecordFailure(long nowMs)
        {
            Refill(nowMs);
            if (_tokens > 0)
            {
                _tokens--;
            }

            return Save();
        }

        /// <summary>Gives back the token an entry was charged before it was checked, when it opened.</summary>
        public bool Refund(long nowMs)
        {
            Refill(nowMs);
            if (_tokens < _policy.FreeFailures)
            {
                _tokens++;
            }

            return Save();
        }

        /// <summary>The owner's reset (inside button or an authenticated command).</summary>
        public bool Clear(long nowMs)
        {
            _tokens = _policy.FreeFailures;
            _lastRefillMs = nowMs;
            return Save();
        }

        public void Load()
        {
            int length = _store.Load(AccessRecord.Throttle, _record);
            if (length == RecordSize)
            {
                int tokens = LittleEndian.GetInt(_record, 0);
                _tokens = tokens < 0 ? 0 : (tokens > _policy.FreeFailures ? _policy.FreeFailures : tokens);
                _lastRefillMs = LittleEndian.GetLong(_record, 4);
                _saved = true;
                _savedTokens = tokens;
                _savedRefillMs = _lastRefillMs;
            }
        }

        private void Refill(long nowMs)
        {
            // A stricter policy set since (fewer free failures) applies to the tokens already in hand.
            if (_tokens > _policy.FreeFailures)
            {
                _tokens = _policy.FreeFailures;
            }

            if (_lastRefillMs == long.MinValue)
            {
                _lastRefillMs = nowMs;
                return;
            }

            // A clock behind the last refill (time lost, or set back) earns nothing until it passes it again.
            if (nowMs < _lastRefillMs)
            {
                return;
            }

            if (_tokens >= _policy.FreeFailures)
            {
                _lastRefillMs = nowMs;
                return;
            }

            long periods = (nowMs - _lastRefillMs) / RefillMs;
            if (periods > 0)
            {
                long tokens = _tokens + periods;
                _tokens = tokens > _policy.FreeFailures ? _policy.FreeFailures : (int)tokens;
                _lastRefillMs += periods * RefillMs;
            }
        }

        // Writes the state only when it changed: a locked-out keypad fed junk all day (wrong-form entries are counted
        // too) costs no flash wear, since an empty bucket stays empty until a refill is due.
        private bool Save()
        {
            if (_saved && _tokens == _savedTokens && _lastRefillMs == _savedRefillMs)
            {
                return true;
            }

            LittleEndian.PutInt(_record, 0, _tokens);
            LittleEndian.PutLong(_record, 4, _lastRefillMs);
            if (!_store.Save(AccessRecord.Throttle, _record, RecordSize))
            {
                return false;
            }

            _saved = true;
            _savedTokens = _tokens;
            _savedRefillMs = _lastRefillMs;
            return true;
        }
    }
}
