using System;
using LockFirmware.Core.Common;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Crypto
{
    /// <summary>
    /// AES-128-CCM (RFC 3610, NIST SP 800-38C) on the AES block port: authenticated encryption for the BLE
    /// sessions and keypad channel. Nonces of 7 to 13 bytes, tags of 4 to 16 even bytes. Work buffers are
    /// preallocated: one instance per channel, not shared between threads.
    /// </summary>
    public sealed class AesCcm
    {
        private readonly ICryptoPrimitives _crypto;
        private readonly byte[] _key;
        private readonly int _tagLength;
        private readonly byte[] _x = new byte[16];
        private readonly byte[] _b = new byte[16];
        private readonly byte[] _s = new byte[16];
        private readonly byte[] _tag = new byte[16];

        public AesCcm(ICryptoPrimitives crypto, byte[] key, int tagLength)
        {
            if (key == null || key.Length != 16)
            {
                throw new ArgumentException("AES-128-CCM needs a 16-byte key");
            }

            if (tagLength < 4 || tagLength > 16 || (tagLength & 1) != 0)
            {
                throw new ArgumentException("CCM tag length must be 4, 6, ..., 16");
            }

            _crypto = crypto;
            _key = new byte[16];
            Array.Copy(key, _key, 16);
            _tagLength = tagLength;
        }

        public int TagLength
        {
            get { return _tagLength; }
        }

        /// <summary>
        /// Encrypts <paramref name="length"/> bytes of <paramref name="plaintext"/> and writes ciphertext then tag
        /// (length + TagLength bytes) into <paramref name="output"/>. Returns false for a nonce or length CCM cannot take.
        /// </summary>
        public bool Encrypt(byte[] nonce, int nonceOffset, int nonceLength,
            byte[] aad, int aadOffset, int aadLength,
            byte[] plaintext, int offset, int length,
            byte[] output, int outputOffset)
        {
            if (!Valid(nonceLength, length))
            {
                return false;
            }

            Mac(nonce, nonceOffset, nonceLength, aad, aadOffset, aadLength, plaintext, offset, length);
            Ctr(nonce, nonceOffset, nonceLength, plaintext, offset, length, output, outputOffset);
            Counter(nonce, nonceOffset, nonceLength, 0);
            _crypto.AesEncryptBlock(_key, _b, 0, _s, 0);
            for (int i = 0; i < _tagLength; i++)
            {
                output[outputOffset + length + i] = (byte)(_x[i] ^ _s[i]);
            }

            return true;
        }

        /// <summary>
        /// Checks and decrypts <paramref name="length"/> bytes of ciphertext followed by the tag. Writes
        /// length - TagLength bytes of plaintext; on a wrong tag returns false and leaves zeros in the output.
        /// </summary>
        public bool Decrypt(byte[] nonce, int nonceOffset, int nonceLength,
            byte[] aad, int aadOffset, int aadLength,
            byte[] ciphertext, int offset, int length,
            byte[] output, int outputOffset)
        {
            int plainLength = length - _tagLength;
            if (plainLength < 0 || !Valid(nonceLength, plainLength))
            {
                return false;
            }

            Ctr(nonce, nonceOffset, nonceLength, ciphertext, offset, plainLength, output, outputOffset);
            Mac(nonce, nonceOffset, nonceLength, aad, aadOffset, aadLength, output, outputOffset, plainLength);
            Counter(nonce, nonceOffset, nonceLength, 0);
            _crypto.AesEncryptBlock(_key, _b, 0, _s, 0);
            for (int i = 0; i < _tagLength; i++)
            {
                _tag[i] = (byte)(_x[i] ^ _s[i]);
            }

            if (ConstantTime.Equals(_tag, 0, ciphertext, offset + plainLength, _tagLength))
            {
                return true;
            }

            Array.Clear(output, outputOffset, plainLength);
            return false;
        }

        private static bool Valid(int nonceLength, int length)
        {
            if (nonceLength < 7 || nonceLength > 13 || length < 0)
            {
                return false;
            }

            int q = 15 - nonceLength;
            return q >= 4 || length < (1 << (8 * q));
        }

        // CBC-MAC over B0, the encoded associated data and the message; leaves T in _x.
        private void Mac(byte[] nonce, int nonceOffset, int nonceLength, byte[] aad, int aadOffset, int aadLength,
            byte[] message, int offset, int length)
        {
            int q = 15 - nonceLength;
            _b[0] = (byte)((aadLength > 0 ? 0x40 : 0) | (((_tagLength - 2) / 2) << 3) | (q - 1));
            Array.Copy(nonce, nonceOffset, _b, 1, nonceLength);
            int len = length;
            for (int i = 15; i > nonceLength; i--)
            {
                _b[i] = (byte)len;
                len >>= 8;
            }

            _crypto.AesEncryptBlock(_key, _b, 0, _x, 0);

            if (aadLength > 0)
            {
                // Length prefix: 2 bytes below 0xFF00, else 0xFFFE and 4 bytes.
                int used;
                Array.Clear(_b, 0, 16);
                if (aadLength < 0xFF00)
                {
                    _b[0] = (byte)(aadLength >> 8);
                    _b[1] = (byte)aadLength;
                    used = 2;
                }
                else
                {
                    _b[0] = 0xFF;
                    _b[1] = 0xFE;
                    BigEndian.PutUInt(_b, 2, (uint)aadLength);
                    used = 6;
                }

                int done = 0;
                while (true)
                {
                    int take = 16 - used < aadLength - done ? 16 - used : aadLength - done;
                    Array.Copy(aad, aadOffset + done, _b, used, take);
                    done += take;
                    XorInto(_x, _b);
                    _crypto.AesEncryptBlock(_key, _x, 0, _x, 0);
                    if (done >= aadLength)
                    {
                        break;
                    }

                    Array.Clear(_b, 0, 16);
                    used = 0;
                }
            }

            for (int done = 0; done < length; done += 16)
            {
                int take = length - done < 16 ? length - done : 16;
                Array.Clear(_b, 0, 16);
                Array.Copy(message, offset + done, _b, 0, take);
                XorInto(_x, _b);
                _crypto.AesEncryptBlock(_key, _x, 0, _x, 0);
            }
        }

        // Counter mode from A1 on.
        private void Ctr(byte[] nonce, int nonceOffset, int nonceLength, byte[] input, int offset, int length,
            byte[] output, int outputOffset)
        {
            int block = 1;
            for (int done = 0; done < length; done += 16)
            {
                Counter(nonce, nonceOffset, nonceLength, block++);
                _crypto.AesEncryptBlock(_key, _b, 0, _s, 0);
                int take = length - done < 16 ? length - done : 16;
                for (int i = 0; i < take; i++)
                {
                    output[outputOffset + done + i] = (byte)(input[offset + done + i] ^ _s[i]);
                }
            }
        }

        private void Counter(byte[] nonce, int nonceOffset, int nonceLength, int index)
        {
            int q = 15 - nonceLength;
            _b[0] = (byte)(q - 1);
            Array.Copy(nonce, nonceOffset, _b, 1, nonceLength);
            for (int i = 15; i > nonceLength; i--)
            {
                _b[i] = (byte)index;
                index >>= 8;
            }
        }

        private static void XorInto(byte[] target, byte[] source)
        {
            for (int i = 0; i < 16; i++)
            {
                target[i] ^= source[i];
            }
        }
    }
}
