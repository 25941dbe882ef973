using System;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Crypto
{
    /// <summary>HKDF with HMAC-SHA256 (RFC 5869): derives separate keys from one secret.</summary>
    public static class Hkdf
    {
        public const int HashLength = 32;

        /// <summary>
        /// Extract-then-expand: writes <paramref name="length"/> bytes (at most 255 * 32) of output keying material.
        /// A null or empty <paramref name="salt"/> means 32 zero bytes, as the RFC says.
        /// </summary>
        public static byte[] DeriveKey(ICryptoPrimitives crypto, byte[] ikm, byte[] salt, byte[] info, int length)
        {
            byte[] prk = Extract(crypto, ikm, salt);
            return Expand(crypto, prk, info, length);
        }

        /// <summary>HKDF-Extract: PRK = HMAC(salt, IKM).</summary>
        public static byte[] Extract(ICryptoPrimitives crypto, byte[] ikm, byte[] salt)
        {
            if (salt == null || salt.Length == 0)
            {
                salt = new byte[HashLength];
            }

            byte[] prk = new byte[HashLength];
            crypto.HmacSha256(salt, ikm, 0, ikm.Length, prk, 0);
            return prk;
        }

        /// <summary>HKDF-Expand: T(i) = HMAC(PRK, T(i-1) | info | i).</summary>
        public static byte[] Expand(ICryptoPrimitives crypto, byte[] prk, byte[] info, int length)
        {
            if (length < 0 || length > 255 * HashLength)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            if (info == null)
            {
                info = new byte[0];
            }

            byte[] okm = new byte[length];
            byte[] block = new byte[HashLength + info.Length + 1];
            byte[] t = new byte[HashLength];
            int done = 0;
            int previous = 0;
            for (int i = 1; done < length; i++)
            {
                Array.Copy(t, 0, block, 0, previous);
                Array.Copy(info, 0, block, previous, info.Length);
                block[previous + info.Length] = (byte)i;
                crypto.HmacSha256(prk, block, 0, previous + info.Length + 1, t, 0);
                int take = length - done < HashLength ? length - done : HashLength;
                Array.Copy(t, 0, okm, done, take);
                done += take;
                previous = HashLength;
            }

            return okm;
        }
    }
}
