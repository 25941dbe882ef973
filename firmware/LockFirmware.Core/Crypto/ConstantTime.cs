namespace LockFirmware.Core.Crypto
{
    /// <summary>Comparisons whose time does not depend on where the inputs differ.</summary>
    public static class ConstantTime
    {
        /// <summary>True when the two ranges are equal; always reads all <paramref name="count"/> bytes.</summary>
        public static bool Equals(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            int diff = 0;
            for (int i = 0; i < count; i++)
            {
                diff |= a[aOffset + i] ^ b[bOffset + i];
            }

            return diff == 0;
        }

        /// <summary>True when the two 64-bit values are equal, without a data-dependent branch.</summary>
        public static bool Equals(ulong a, ulong b)
        {
            ulong diff = a ^ b;
            diff |= diff >> 32;
            diff |= diff >> 16;
            diff |= diff >> 8;
            diff |= diff >> 4;
            diff |= diff >> 2;
            diff |= diff >> 1;
            return (diff & 1) == 0;
        }
    }
}
