using LockFirmware.Core.Common;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Access
{
    /// <summary>
    /// A keyed permutation of the n-digit decimal numbers (format-preserving encryption): a 10-round
    /// alternating Feistel network over 10^u x 10^v (u = n/2, v = n - u) with AES-128 as round function.
    /// It hides a code's payload, so a guess decodes to a random payload and tag: an attacker cannot aim
    /// at the payloads the lock accepts now, nor derive other codes from a code they were given. A 32-bit tweak
    /// selects one of a family of independent permutations (CodeFormat uses the code's class and period).
    /// </summary>
    public sealed class DecimalPermutation
    {
        public const int Rounds = 10;

        private readonly ICryptoPrimitives _crypto;
        private readonly byte[] _key;
        private readonly byte[] _block = new byte[16];

        public DecimalPermutation(ICryptoPrimitives crypto, byte[] key)
        {
            _crypto = crypto;
            _key = key;
        }

        /// <summary>10^n for n in 0..18.</summary>
        public static ulong Pow10(int n)
        {
            ulong r = 1;
            for (int i = 0; i < n; i++)
            {
                r *= 10;
            }

            return r;
        }

        public ulong Encrypt(ulong x, int digits, uint tweak)
        {
            int u = digits / 2;
            ulong mA = Pow10(u), mB = Pow10(digits - u);
            ulong a = x / mB, b = x % mB;
            for (int r = 0; r < Rounds; r++)
            {
                if ((r & 1) == 0)
                {
                    a = (a + Round(r, digits, tweak, b, mA)) % mA;
                }
                else
                {
                    b = (b + Round(r, digits, tweak, a, mB)) % mB;
                }
            }

            return a * mB + b;
        }

        public ulong Decrypt(ulong y, int digits, uint tweak)
        {
            int u = digits / 2;
            ulong mA = Pow10(u), mB = Pow10(digits - u);
            ulong a = y / mB, b = y % mB;
            for (int r = Rounds - 1; r >= 0; r--)
            {
                if ((r & 1) == 0)
                {
                    a = (a + mA - Round(r, digits, tweak, b, mA)) % mA;
                }
                else
                {
                    b = (b + mB - Round(r, digits, tweak, a, mB)) % mB;
                }
            }

            return a * mB + b;
        }

        // F(r, X) = first 8 bytes of AES_k("LF", n, r, tweak, X, both big-endian) mod m. Bias below 2^-34 for m <= 10^9.
        private ulong Round(int round, int digits, uint tweak, ulong half, ulong modulus)
        {
            _block[0] = 0x4C;
            _block[1] = 0x46;
            _block[2] = (byte)digits;
            _block[3] = (byte)round;
            BigEndian.PutUInt(_block, 4, tweak);
            BigEndian.PutULong(_block, 8, half);
            _crypto.AesEncryptBlock(_key, _block, 0, _block, 0);
            return BigEndian.GetULong(_block, 0) % modulus;
        }
    }
}
