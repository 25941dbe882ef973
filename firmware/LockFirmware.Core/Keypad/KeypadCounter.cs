using LockFirmware.Core.Common;
using LockFirmware.Core.Storage;

namespace LockFirmware.Core.Keypad
{
    /// <summary>
    /// The keypad's message counter: never the same value twice under one key, across resets and power cuts, while
    /// writing flash once per <see cref="Block"/> entries. The store holds a reservation R: every counter up to R may
    /// have been used. Before the keypad uses a counter above R it makes R + Block durable; after a reset it starts
    /// above R, so at most the rest of one block is skipped per reset. Range: 1..4294967294, the lock's range
    /// (docs/ble-protocol.md: 0 means "none yet", 4294967295 is reserved and always refused); after the last one
    /// <see cref="Next"/> returns 0 and the keypad refuses to send (docs/keypad.md: at 10 entries a day that is over a
    /// million years away). The counter is never reset, not even by a keypad reset or a new pairing.
    /// </summary>
    public sealed class KeypadCounter
    {
        public const uint Block = 64;

        /// <summary>The last counter the lock accepts.</summary>
        public const uint Last = uint.MaxValue - 1;
        private readonly SettingsStore _store;
        private readonly byte[] _value = new byte[4];
        private uint _reserved;
        private uint _last;

        public KeypadCounter(SettingsStore store)
        {
            _store = store;
        }

        /// <summary>The durable reservation (every counter up to it may have been used).</summary>
        public uint Reserved
        {
            get { return _reserved; }
        }

        /// <summary>Reads the reservation at boot; the next counter is above it.</summary>
        public void Load()
        {
            _reserved = _store.Read(KeypadSettings.CounterReservation, _value, 0) == 4 ? LittleEndian.GetUInt(_value, 0) : 0;
            _last = _reserved;
        }

        /// <summary>The next counter, durable before it is returned; 0 when the range is spent or the flash failed.</summary>
        public uint Next()
        {
            if (_last >= Last)
            {
                return 0;
            }

            uint next = _last + 1;
            if (next > _reserved)
            {
                uint reserve = Last - next < Block - 1 ? Last : next + Block - 1;
                LittleEndian.PutUInt(_value, 0, reserve);
                if (!_store.Write(KeypadSettings.CounterReservation, _value, 0, 4))
                {
                    return 0;
                }

                _reserved = reserve;
            }

            _last = next;
            return next;
        }
    }
}
