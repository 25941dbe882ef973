using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// The code verifications timed on both CLRs: this file is compiled into LockBench (net10.0) and into
    /// LockBench.Nano (nano1.0, run on our nanoCLR host), so both time the same work. nanoFramework subset only.
    /// </summary>
    public static class VerifyCases
    {
        public const int Count = 5;

        /// <summary>2026-11-25T14:00:00Z.</summary>
        private const long T0 = 1795615200000L;
        private const long Hour = 3600000L;

        /// <summary>Fresh verifiers every this many entries, so one-time codes (16 per window) stay unused.</summary>
        private const int CodesPerVerifier = 16;

        public static string Name(int kase)
        {
            switch (kase)
            {
                case 0: return "accepted, 10 digits (one-time)";
                case 1: return "rejected, 10 digits";
                case 2: return "accepted, 12 digits (window)";
                case 3: return "rejected, 12 digits";
                default: return "accepted, 16 digits (6 masking + one-time)";
            }
        }

        /// <summary>
        /// Average time of one Verify call, in 100 ns ticks, over <paramref name="entries"/> calls (only the calls
        /// are timed); -1 when a verdict is not the expected one (the figure would be of the wrong path).
        /// </summary>
        public static long TicksPerVerification(int kase, ICryptoPrimitives crypto, int entries)
        {
            AccessPolicy policy = Policy();
            byte[][] inputs = Inputs(kase, policy, crypto);
            bool accept = kase % 2 == 0;
            AccessVerifier verifier = null;
            long total = 0;
            for (int i = 0; i < entries; i++)
            {
                if (i % CodesPerVerifier == 0) verifier = NewVerifier(policy, crypto);
                byte[] input = inputs[i % inputs.Length];
                long start = DateTime.UtcNow.Ticks;
                AccessResult result = verifier.Verify(input, 0, input.Length, T0 + Hour);
                total += DateTime.UtcNow.Ticks - start;
                if ((result == AccessResult.Accepted) != accept) return -1;
            }

            return total / entries;
        }

        /// <summary>Verifications of every case in turn, untimed: the load behind a heap figure.</summary>
        public static void Mixed(ICryptoPrimitives crypto, int entries)
        {
            AccessPolicy policy = Policy();
            for (int kase = 0; kase < Count; kase++)
            {
                byte[][] inputs = Inputs(kase, policy, crypto);
                AccessVerifier verifier = null;
                for (int i = 0; i < entries / Count; i++)
                {
                    if (i % CodesPerVerifier == 0) verifier = NewVerifier(policy, crypto);
                    byte[] input = inputs[i % inputs.Length];
                    verifier.Verify(input, 0, input.Length, T0 + Hour);
                }
            }
        }

        private static AccessPolicy Policy()
        {
            AccessPolicy policy = AccessPolicy.Default();
            policy.FreeFailures = int.MaxValue; // time the verifier, not the lockout
            return policy;
        }

        private static AccessVerifier NewVerifier(AccessPolicy policy, ICryptoPrimitives crypto)
        {
            var verifier = new AccessVerifier(policy, crypto, new NullStore(), new NullLog());
            verifier.Provision(Secret());
            return verifier;
        }

        private static byte[][] Inputs(int kase, AccessPolicy policy, ICryptoPrimitives crypto)
        {
            var issuer = new CodeIssuer(policy, crypto, Secret());
            byte[][] inputs = new byte[CodesPerVerifier][];
            for (int i = 0; i < inputs.Length; i++)
            {
                string code;
                switch (kase)
                {
                    case 0: code = issuer.OneTime(T0, 2, i); break;
                    case 1: code = "135792468" + (i % 10).ToString(); break;
                    case 2: code = issuer.Window(T0, 168, 0); break;
                    case 3: code = "13579246801" + (i % 10).ToString(); break;
                    default: code = "123456" + issuer.OneTime(T0, 2, i); break;
                }

                inputs[i] = Ascii(code);
            }

            return inputs;
        }

        private static byte[] Secret()
        {
            byte[] secret = new byte[32];
            for (int i = 0; i < secret.Length; i++) secret[i] = (byte)(31 + i * 7);
            return secret;
        }

        private static byte[] Ascii(string s)
        {
            byte[] bytes = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) bytes[i] = (byte)s[i];
            return bytes;
        }

        /// <summary>A store with nothing in it that accepts every write: the verifier's own work only.</summary>
        public sealed class NullStore : IAccessStore
        {
            public int Load(AccessRecord record, byte[] buffer) { return -1; }

            public bool Save(AccessRecord record, byte[] data, int length) { return true; }
        }

        public sealed class NullLog : IEventLog
        {
            public bool Append(EventType type, long nowMs, uint data) { return true; }
        }
    }
}
