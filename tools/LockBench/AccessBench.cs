using System;
using System.Diagnostics;
using LockFirmware.Core.Access;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Crypto;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// Verifications per second, bytes allocated per verification, crypto calls per entry, on the host.
    /// Wrong 10-digit entries with the throttle cleared each time: the worst case (every candidate checked).
    /// </summary>
    public static class AccessBench
    {
        // Not crypto: a stand-in that allocates nothing, to measure what Core itself allocates per entry.
        private sealed class NonAllocatingPrimitives : LockFirmware.Hal.Crypto.ICryptoPrimitives
        {
            public void HmacSha256(byte[] key, byte[] data, int offset, int count, byte[] output, int outputOffset)
            {
                for (int i = 0; i < 32; i++) output[outputOffset + i] = (byte)(key[i % key.Length] ^ (count > 0 ? data[offset + i % count] : 0) ^ i);
            }

            public void AesEncryptBlock(byte[] key, byte[] input, int inputOffset, byte[] output, int outputOffset)
            {
                for (int i = 0; i < 16; i++) output[outputOffset + i] = (byte)(input[inputOffset + i] ^ key[i] ^ (i * 29));
            }
        }

        private static double CoreBytesPerEntry(AccessPolicy policy, byte[] input, int entries)
        {
            var verifier = new AccessVerifier(policy, new NonAllocatingPrimitives(), new VerifyCases.NullStore(), new VerifyCases.NullLog());
            verifier.Provision(new byte[32]);
            verifier.Verify(input, 0, input.Length, 1795615200000L);
            long bytes0 = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < entries; i++)
            {
                verifier.Verify(input, 0, input.Length, 1795615200000L + i);
            }

            return (double)(GC.GetAllocatedBytesForCurrentThread() - bytes0) / entries;
        }

        public static int Run()
        {
            var policy = AccessPolicy.Default();
            policy.FreeFailures = int.MaxValue; // measure the verifier, not the lockout
            var crypto = new HostCrypto();
            var verifier = new AccessVerifier(policy, crypto, new VerifyCases.NullStore(), new VerifyCases.NullLog());
            byte[] secret = new byte[32];
            verifier.Provision(secret);
            var random = new Random(1);
            const int entries = 20_000;
            byte[][] inputs = new byte[4][];
            int[] lengths = { 10, 12, 16, 18 };
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = new byte[lengths[i]];
                for (int j = 0; j < lengths[i]; j++) inputs[i][j] = (byte)('0' + random.Next(10));
            }

            long now = 1795615200000L;
            foreach (byte[] input in inputs) verifier.Verify(input, 0, input.Length, now); // warm up

            Console.WriteLine("access: verifier on host crypto (wrong entries, all candidates checked)");
            Console.WriteLine("  entry digits | verifications/s | bytes allocated/verification | HMAC/entry | AES blocks/entry");
            foreach (byte[] input in inputs)
            {
                long hmac0 = crypto.HmacCalls, aes0 = crypto.AesCalls;
                long bytes0 = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                for (int i = 0; i < entries; i++)
                {
                    verifier.Verify(input, 0, input.Length, now + i);
                }

                watch.Stop();
                long bytes = GC.GetAllocatedBytesForCurrentThread() - bytes0;
                Console.WriteLine($"  {input.Length,12} | {entries / watch.Elapsed.TotalSeconds,15:0} | {(double)bytes / entries,28:0.0} | {(double)(crypto.HmacCalls - hmac0) / entries,10:0.0} | {(double)(crypto.AesCalls - aes0) / entries,16:0.0}");
            }

            Console.WriteLine("  (the host crypto provider's own allocations; Core's part, with a non-allocating stand-in:)");
            foreach (byte[] input in inputs)
            {
                Console.WriteLine($"  {input.Length,12} digits: Core allocates {CoreBytesPerEntry(policy, input, entries):0.0} bytes/verification");
            }

            return 0;
        }
    }
}
