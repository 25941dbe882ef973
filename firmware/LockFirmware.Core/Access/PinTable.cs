using System;
using LockFirmware.Core.Crypto;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Access
{
    /// <summary>
    /// Owner PINs, stored as keyed digests: HMAC-SHA256(PIN key, length | digits), first 16 bytes. The flash
    /// never holds a PIN in clear, and without the lock secret a dumped digest cannot be tested offline.
    /// Record: count (1 byte), then per PIN its length (1 byte) and digest (16 bytes).
    /// </summary>
    public sealed class PinTable
    {
        public const int DigestLength = 16;

        private readonly AccessPolicy _policy;
        private readonly ICryptoPrimitives _crypto;
        private readonly int[] _length;
        private readonly byte[] _digests;
        private readonly byte[] _input;
        private readonly byte[] _mac = new byte[32];
        private byte[] _key;

        public PinTable(AccessPolicy policy, ICryptoPrimitives crypto)
        {
            _policy = policy;
            _crypto = crypto;
            _length = new int[policy.MaxPins];
            _digests = new byte[policy.MaxPins * DigestLength];
            _input = new byte[1 + policy.PinMaxLength];
        }

        public void SetKey(byte[] pinKey)
        {
            _key = pinKey;
        }

        public int Count
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _length.Length; i++)
                {
                    if (_length[i] != 0)
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        public int RecordSize
        {
            get { return 1 + _length.Length * (1 + DigestLength); }
        }

        /// <summary>Stores a PIN in a free slot; returns the slot, or -1 (bad length, not digits, full, no key).</summary>
        public int Add(byte[] ascii, int offset, int count)
        {
            if (_key == null || count < _policy.PinMinLength || count > _policy.PinMaxLength || !AccessVerifier.AllDigits(ascii, offset, count))
            {
                return -1;
            }

            for (int slot = 0; slot < _length.Length; slot++)
            {
                if (_length[slot] == 0)
                {
                    Digest(ascii, offset, count);
                    Array.Copy(_mac, 0, _digests, slot * DigestLength, DigestLength);
                    _length[slot] = count;
                    return slot;
                }
            }

            return -1;
        }

        public bool Remove(int slot)
        {
            if (slot < 0 || slot >= _length.Length || _length[slot] == 0)
            {
                return false;
            }

            _length[slot] = 0;
            Array.Clear(_digests, slot * DigestLength, DigestLength);
            return true;
        }

        /// <summary>
        /// Checks whether the entry ends with a stored PIN; returns the slot or -1. One HMAC per distinct PIN
        /// length that fits the entry (with masking), and every stored digest compared in constant time.
        /// </summary>
        public int Match(byte[] ascii, int offset, int count)
        {
            int found = -1;
            if (_key == null)
            {
                return found;
            }

            for (int len = _policy.PinMinLength; len <= _policy.PinMaxLength; len++)
            {
                if (!HasLength(len) || count < len || count - len > _policy.MaxMaskDigits)
                {
                    continue;
                }

                Digest(ascii, offset + count - len, len);
                for (int slot = 0; slot < _length.Length; slot++)
                {
                    bool same = ConstantTime.Equals(_mac, 0, _digests, slot * DigestLength, DigestLength);
                    if (same && _length[slot] == len)
                    {
                        found = slot;
                    }
                }
            }

            return found;
        }

        public int Write(byte[] record)
        {
            record[0] = (byte)_length.Length;
            for (int i = 0; i < _length.Length; i++)
            {
                record[1 + i * (1 + DigestLength)] = (byte)_length[i];
                Array.Copy(_digests, i * DigestLength, record, 2 + i * (1 + DigestLength), DigestLength);
            }

            return RecordSize;
        }

        public bool Read(byte[] record, int length)
        {
            if (length != RecordSize || record[0] != _length.Length)
            {
                return false;
            }

            for (int i = 0; i < _length.Length; i++)
            {
                int len = record[1 + i * (1 + DigestLength)];
                _length[i] = len >= _policy.PinMinLength && len <= _policy.PinMaxLength ? len : 0;
                Array.Copy(record, 2 + i * (1 + DigestLength), _digests, i * DigestLength, DigestLength);
            }

            return true;
        }

        public void Clear()
        {
            for (int i = 0; i < _length.Length; i++)
            {
                _length[i] = 0;
            }

            Array.Clear(_digests, 0, _digests.Length);
        }

        private bool HasLength(int len)
        {
            for (int i = 0; i < _length.Length; i++)
            {
                if (_length[i] == len)
                {
                    return true;
                }
            }

            return false;
        }

        private void Digest(byte[] ascii, int offset, int count)
        {
            _input[0] = (byte)count;
            Array.Copy(ascii, offset, _input, 1, count);
            _crypto.HmacSha256(_key, _input, 0, 1 + count, _mac, 0);
        }
    }
}
