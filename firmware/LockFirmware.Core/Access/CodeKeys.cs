using LockFirmware.Core.Crypto;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Access
{
    /// <summary>
    /// The keys of the access-code scheme, each derived from the lock secret with HKDF-SHA256 under its own
    /// label; the secret itself is never used as a key, so a key leaked from one use reveals nothing of another.
    /// </summary>
    public sealed class CodeKeys
    {
        /// <summary>HKDF salt: names the scheme and its version.</summary>
        public static readonly byte[] Salt = Ascii("LockFirmware access codes v1");

        public readonly byte[] TagKey;
        public readonly byte[] PermutationKey;
        public readonly byte[] PinKey;

        public CodeKeys(ICryptoPrimitives crypto, byte[] secret)
        {
            TagKey = Hkdf.DeriveKey(crypto, secret, Salt, Ascii("code tag"), 32);
            PermutationKey = Hkdf.DeriveKey(crypto, secret, Salt, Ascii("code permutation"), 16);
            PinKey = Hkdf.DeriveKey(crypto, secret, Salt, Ascii("owner pin"), 32);
        }

        /// <summary>Lock secrets are 32 bytes (256 bits).</summary>
        public const int SecretLength = 32;

        internal static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
