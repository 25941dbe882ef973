using System;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.Hal.Sim.Flash;

namespace LockFirmware.Core.Tests.Host.Protocol
{
    /// <summary>
    /// Random and mutated frames into the fragment assembler and the keypad channel: nothing may throw, nothing
    /// may be accepted that was not sealed with the key, memory stays flat. CI: 1,000,000 frames.
    /// </summary>
    [TestClass]
    public class ProtocolFuzzTests
    {
        [TestMethod]
        public void AMillionRandomAndMutatedFrames()
        {
            int frames = Environment.GetEnvironmentVariable("LOCKFW_FULL") == "1" ? 5_000_000 : 1_000_000;
            var crypto = new HostCrypto();
            var settings = new SettingsStore(FlashLayout.Settings(new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount)));
            settings.Mount();
            var keypads = new KeypadChannel(crypto, settings);
            byte[] key = new byte[16];
            key[3] = 9;
            Assert.IsTrue(keypads.Register(7, key));
            var assembler = new FrameAssembler();
            var rnd = new Random(2026);
            byte[] valid = new byte[64];
            int validLength = KeypadChannel.Seal(crypto, 7, key, 1_000_000, new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x30 }, 10, valid);
            byte[] buffer = new byte[Fragments.MaxPayload + 16];
            int completed = 0, entries = 0;
            long memoryBefore = GC.GetTotalMemory(true);
            for (int i = 0; i < frames; i++)
            {
                int n;
                if ((i & 1) == 0)
                {
                    n = rnd.Next(0, buffer.Length);
                    rnd.NextBytes(buffer.AsSpan(0, n));
                    if (n > 0 && (i & 2) == 0) buffer[0] = (byte)(0xC0 | rnd.Next(4)); // often a plausible header
                }
                else
                {
                    n = validLength;
                    Array.Copy(valid, buffer, n);
                    int flips = 1 + rnd.Next(3);
                    for (int f = 0; f < flips; f++) buffer[rnd.Next(n)] ^= (byte)(1 << rnd.Next(8));
                    if (buffer.AsSpan(0, n).SequenceEqual(valid.AsSpan(0, n))) buffer[rnd.Next(n)] ^= 0x01; // two flips cancelled: still mutate
                }

                int r = assembler.Push(buffer, 0, n);
                if (r > 0)
                {
                    completed++;
                }

                if (keypads.Receive(buffer, 0, n) == KeypadResult.Entry)
                {
                    entries++;
                }
            }

            long growth = GC.GetTotalMemory(true) - memoryBefore;
            Console.WriteLine($"protocol fuzz: {frames} frames (half random, half bit-flipped keypad entries), {completed} reassembled messages, {entries} keypad entries accepted, managed memory growth {growth} bytes");
            Assert.AreEqual(0, entries, "a mutated or random frame was accepted as a keypad entry");
            Assert.IsTrue(growth < 1_000_000, "memory grew by " + growth);
        }
    
        private sealed class CountingCommands : IAdminCommands
        {
            public int Executed;
            public byte[] RoleKey(AdminRole role, long nowMs) => new byte[16];
            public int Execute(AdminRole role, byte[] request, int length, byte[] response, long nowMs) { Executed++; return 0; }
            public void SessionOpened(AdminRole role, long nowMs) { }
            public void HandshakeFailed(AdminRole role, long nowMs) { }
        }

        [TestMethod]
        public void AMillionFramesIntoTheAdminSession()
        {
            int frames = Environment.GetEnvironmentVariable("LOCKFW_FULL") == "1" ? 5_000_000 : 1_000_000;
            var crypto = new HostCrypto();
            var commands = new CountingCommands();
            var session = new AdminSession(crypto, crypto, commands);
            var rnd = new Random(77);
            byte[] buffer = new byte[Fragments.MaxMessage];
            byte[] kinds = { AdminSession.Hello, AdminSession.Proof, AdminSession.Sealed, AdminSession.Error, 0x00, 0xFF };
            int challenges = 0;
            long now = 1795615200000L;
            long memoryBefore = GC.GetTotalMemory(true);
            for (int i = 0; i < frames; i++)
            {
                int n = rnd.Next(0, 64);
                rnd.NextBytes(buffer.AsSpan(0, n));
                if (n > 0) buffer[0] = kinds[rnd.Next(kinds.Length)];
                if (n > 0 && buffer[0] == AdminSession.Hello && rnd.Next(4) == 0) { n = 18; buffer[1] = (byte)rnd.Next(3); }
                now += rnd.Next(0, 3000);
                int reply = session.Receive(buffer, 0, n, now);
                if (reply == 33) challenges++;
            }

            long growth = GC.GetTotalMemory(true) - memoryBefore;
            Console.WriteLine($"admin fuzz: {frames} messages, {challenges} challenges issued, {commands.Executed} commands executed, managed memory growth {growth} bytes");
            Assert.AreEqual(0, commands.Executed, "a command ran without a valid handshake");
            Assert.IsFalse(session.IsOpen);
            Assert.IsTrue(growth < 1_000_000, "memory grew by " + growth);
        }
    }
}
