using System;
using LockFirmware.Core.Common;
using LockFirmware.Core.Crypto;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Protocol
{
    /// <summary>
    /// Keypad entries over BLE (docs/ble-protocol.md): each message is
    /// <c>'K' | keypad id | counter (4, LE) | AES-128-CCM(keypad key, digits) with an 8-byte tag</c>, nonce
    /// <c>'K' | id | counter (4, BE) | 7 zero bytes</c>, the 6 header bytes as associated data. Only registered
    /// keypads (up to 8) are heard; each counter must exceed the last one accepted from that keypad, and the new
    /// counter is durable before the digits are handed on, so a captured entry can never be replayed, not even
    /// after a power cut. Registration records live in the settings store (key KeypadBase + slot: id, key, counter).
    /// Entries only ever verify under the (id, key) they were sealed for, so the lock remembers, per (id, key), the
    /// last counter of the keypads removed (the last 8, as fingerprints): a keypad registered again under the same id
    /// and key starts there, and entries captured before never work after it. A new key starts at 0.
    /// </summary>
    public sealed class KeypadChannel
    {
        public const byte Marker = 0x4B;
        public const int HeaderSize = 6;
        public const int TagSize = 8;
        public const int MaxDigits = 24;
        public const int Slots = 8;
        public const int KeySize = 16;
        private const int RecordSize = 1 + KeySize + 4;

        private readonly ICryptoPrimitives _crypto;
        private readonly SettingsStore _settings;
        private readonly int[] _ids = new int[Slots];
        private readonly byte[][] _keys = new byte[Slots][];
        private readonly uint[] _counters = new uint[Slots];
        private readonly AesCcm[] _ccm = new AesCcm[Slots];
        private readonly byte[] _nonce = new byte[13];
        private readonly byte[] _digits = new byte[MaxDigits];
        private readonly byte[] _header = new byte[HeaderSize];
        private readonly byte[] _verdict = new byte[1];
        private readonly byte[] _record = new byte[RecordSize];
        private const int Retired = 8;
        private const int FingerprintSize = 8;
        private const int RetiredEntrySize = FingerprintSize + 4;
        private readonly byte[] _retired = new byte[Retired * RetiredEntrySize];
        private readonly byte[] _fingerprint = new byte[32];
        private readonly byte[] _label = new byte[] { 0x4C, 0x46, 0x4B, 0 };

        public KeypadChannel(ICryptoPrimitives crypto, SettingsStore settings)
        {
            _crypto = crypto;
            _settings = settings;
            for (int i = 0; i < Slots; i++)
            {
                _ids[i] = -1;
            }
        }

        /// <summary>The digits of the last accepted entry (ASCII), <see cref="DigitCount"/> of them.</summary>
        public byte[] Digits
        {
            get { return _digits; }
        }

        public int DigitCount { get; private set; }

        /// <summary>The keypad of the last message, or -1 when it could not be told.</summary>
        public int LastKeypad { get; private set; }

        public int Count
        {
            get
            {
                int n = 0;
                for (int i = 0; i < Slots; i++)
                {
                    if (_ids[i] >= 0) n++;
                }

                return n;
            }
        }

        /// <summary>Reads the registered keypads at boot.</summary>
        public void Load()
        {
            if (_settings.Read(SettingKeys.RetiredKeypads, _retired, 0) != _retired.Length)
            {
                Array.Clear(_retired, 0, _retired.Length);
            }

            for (int slot = 0; slot < Slots; slot++)
            {
                _ids[slot] = -1;
                if (_settings.Read(SettingKeys.KeypadBase + slot, _record, 0) == RecordSize)
                {
                    Set(slot, _record[0], _record, 1, LittleEndian.GetUInt(_record, 17));
                }
            }
        }

        /// <summary>Registers (or re-keys) keypad <paramref name="id"/> with a 16-byte key; false when full or not durable.</summary>
        public bool Register(int id, byte[] key)
        {
            if (id < 0 || id > 255 || key == null || key.Length != KeySize)
            {
                return false;
            }

            int slot = SlotOf(id);
            if (slot < 0)
            {
                for (int s = 0; s < Slots && slot < 0; s++)
                {
                    if (_ids[s] < 0) slot = s;
                }
            }

            if (slot < 0)
            {
                return false;
            }

            // Same id and key as before (registered now, or removed since): carry on from its last counter. A re-key
            // retires the old key first, so that it too can never come back with its old entries.
            uint start = 0;
            if (_ids[slot] == id)
            {
                if (ConstantTime.Equals(_keys[slot], 0, key, 0, KeySize))
                {
                    start = _counters[slot];
                }
                else if (!Retire(slot))
                {
                    return false;
                }
            }

            int retired = RetiredIndex(id, key);
            if (retired >= 0)
            {
                uint last = LittleEndian.GetUInt(_retired, retired * RetiredEntrySize + FingerprintSize);
                if (last > start) start = last;
            }

            Set(slot, id, key, 0, start);
            return Save(slot);
        }

        public bool Remove(int id)
        {
            int slot = SlotOf(id);
            if (slot < 0)
            {
                return false;
            }

            if (!Retire(slot) || !_settings.Delete(SettingKeys.KeypadBase + slot))
            {
                return false;
            }

            _ids[slot] = -1;
            _keys[slot] = null;
            _ccm[slot] = null;
            return true;
        }

        /// <summary>Checks one message; on <see cref="KeypadResult.Entry"/> the digits are ready and the counter is durable.</summary>
        public KeypadResult Receive(byte[] message, int offset, int count)
        {
            DigitCount = 0;
            LastKeypad = -1;
            if (message == null || offset < 0 || count < HeaderSize + 1 + TagSize || offset + count > message.Length
                || count > HeaderSize + MaxDigits + TagSize || message[offset] != Marker)
            {
                return KeypadResult.Malformed;
            }

            int id = message[offset + 1];
            LastKeypad = id;
            int slot = SlotOf(id);
            if (slot < 0)
            {
                return KeypadResult.UnknownKeypad;
            }

            uint counter = LittleEndian.GetUInt(message, offset + 2);
            Nonce(id, counter);
            int length = count - HeaderSize - TagSize;
            if (!_ccm[slot].Decrypt(_nonce, 0, 13, message, offset, HeaderSize, message, offset + HeaderSize, count - HeaderSize, _digits, 0))
            {
                return KeypadResult.BadTag;
            }

            // Counters run from 1 to 4,294,967,294; 4,294,967,295 is reserved and refused. A keypad whose counter reached
            // the end (or sent its maximum by mistake) can send nothing more under its key: it is re-keyed, and the
            // new (id, key) pair starts again from 0 (docs/ble-protocol.md, "Keypad channel").
            if (counter <= _counters[slot] || counter == uint.MaxValue)
            {
                Array.Clear(_digits, 0, length);
                return KeypadResult.Replayed;
            }

            uint previous = _counters[slot];
            _counters[slot] = counter;
            if (!Save(slot))
            {
                _counters[slot] = previous;
                Array.Clear(_digits, 0, length);
                return KeypadResult.StoreFailed;
            }

            DigitCount = length;
            return KeypadResult.Entry;
        }

        /// <summary>Builds a message as a keypad would (tests, vectors; keypads send through Keypad.KeypadSender); returns its length.</summary>
        public static int Seal(ICryptoPrimitives crypto, int id, byte[] key, uint counter, byte[] ascii, int count, byte[] output)
        {
            KeypadFrame.PutCounted(output, 0, Marker, id, counter);
            return KeypadFrame.Seal(new AesCcm(crypto, key, TagSize), new byte[KeypadFrame.NonceSize], ascii, 0, count, output);
        }

        /// <summary>
        /// The verdict on the entry just accepted, sealed for its keypad: <c>'V' | id | counter | CCM(result)</c> under the
        /// keypad key with the entry's counter (docs/ble-protocol.md). Only after <see cref="KeypadResult.Entry"/>: the
        /// counter is then fresh and durable, so no verdict nonce ever repeats. Returns the length, 0 when there is none.
        /// </summary>
        public int SealVerdict(byte result, byte[] output)
        {
            int slot = LastKeypad >= 0 ? SlotOf(LastKeypad) : -1;
            if (slot < 0 || DigitCount == 0)
            {
                return 0;
            }

            KeypadFrame.PutCounted(output, 0, KeypadFrame.Verdict, LastKeypad, _counters[slot]);
            _verdict[0] = result;
            return KeypadFrame.Seal(_ccm[slot], _nonce, _verdict, 0, 1, output);
        }

        public bool IsRegistered(int id)
        {
            return SlotOf(id) >= 0;
        }

        private void Nonce(int id, uint counter)
        {
            KeypadFrame.PutCounted(_header, 0, Marker, id, counter);
            KeypadFrame.FillNonce(_header, 0, _nonce);
        }

        private void Set(int slot, int id, byte[] key, int keyOffset, uint counter)
        {
            byte[] k = new byte[KeySize];
            Array.Copy(key, keyOffset, k, 0, KeySize);
            _ids[slot] = id;
            _keys[slot] = k;
            _counters[slot] = counter;
            _ccm[slot] = new AesCcm(_crypto, k, TagSize);
        }

        private bool Save(int slot)
        {
            _record[0] = (byte)_ids[slot];
            Array.Copy(_keys[slot], 0, _record, 1, KeySize);
            LittleEndian.PutUInt(_record, 17, _counters[slot]);
            return _settings.Write(SettingKeys.KeypadBase + slot, _record, 0, RecordSize);
        }

        // Remembers how far the keypad in a slot counted, durably, before its key is forgotten; the oldest entry goes.
        private bool Retire(int slot)
        {
            int at = RetiredIndex(_ids[slot], _keys[slot]);
            if (at < 0)
            {
                Array.Copy(_retired, RetiredEntrySize, _retired, 0, (Retired - 1) * RetiredEntrySize);
                at = Retired - 1;
                Array.Copy(_fingerprint, 0, _retired, at * RetiredEntrySize, FingerprintSize);
            }

            LittleEndian.PutUInt(_retired, at * RetiredEntrySize + FingerprintSize, _counters[slot]);
            return _settings.Write(SettingKeys.RetiredKeypads, _retired, 0, _retired.Length);
        }

        // Fingerprints (id, key) into _fingerprint, HMAC-SHA256(key, "LFK" | id)[0..8], and finds it among the retired.
        private int RetiredIndex(int id, byte[] key)
        {
            _label[3] = (byte)id;
            _crypto.HmacSha256(key, _label, 0, _label.Length, _fingerprint, 0);
            for (int i = 0; i < Retired; i++)
            {
                if (ConstantTime.Equals(_fingerprint, 0, _retired, i * RetiredEntrySize, FingerprintSize))
                {
                    return i;
                }
            }

            return -1;
        }

        private int SlotOf(int id)
        {
            for (int s = 0; s < Slots; s++)
            {
                if (_ids[s] == id) return s;
            }

            return -1;
        }
    }
}
