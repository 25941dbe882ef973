using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Tests.Crypto;
using LockFirmware.Core.Tests.Fakes;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Tests.Access
{
    /// <summary>A lock's access module with a known secret, an issuer for it, and RAM stores that survive reboots.</summary>
    public sealed class AccessFixture
    {
        /// <summary>2026-11-25T14:00:00Z, a Wednesday.</summary>
        public const long T0 = 1795615200000L;
        public const long Hour = LockTime.MsPerHour;

        public readonly ICryptoPrimitives Crypto = TestCrypto.Create();
        public readonly AccessPolicy Policy = AccessPolicy.Default();
        public readonly MemoryAccessStore Store = new MemoryAccessStore();
        public readonly MemoryEventLog Log = new MemoryEventLog();
        public readonly byte[] Secret;
        public CodeIssuer Issuer;
        public AccessVerifier Verifier;

        public AccessFixture() : this(1)
        {
        }

        public AccessFixture(byte seed)
        {
            Secret = new byte[32];
            for (int i = 0; i < 32; i++)
            {
                Secret[i] = (byte)(seed * 31 + i * 7);
            }

            Issuer = new CodeIssuer(Policy, Crypto, Secret);
            Reboot();
        }

        /// <summary>A fresh verifier over the same store, as after a power cut.</summary>
        public void Reboot()
        {
            Verifier = new AccessVerifier(Policy, Crypto, Store, Log);
            Verifier.Load();
            Verifier.Provision(Secret);
        }

        public AccessResult Enter(string digits, long nowMs)
        {
            byte[] ascii = Ascii(digits);
            return Verifier.Verify(ascii, 0, ascii.Length, nowMs);
        }

        public static byte[] Ascii(string s)
        {
            byte[] b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                b[i] = (byte)s[i];
            }

            return b;
        }
    }
}
