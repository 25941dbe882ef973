using System;
using System.Collections.Generic;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Core.Tests.Host.Protocol;
using LockFirmware.Hal.Ble;
using LockFirmware.Hal.Clock;

namespace LockFirmware.Core.Tests.Host.Attacks
{
    /// <summary>Attacks over the radio and on the lock's loop (issue 15, items 3, 4 and 14), through the LinkEndpoint the device and LockSim run.</summary>
    [TestClass]
    public class RadioAttackTests
    {
        private static byte Ok => (byte)AdminStatus.Ok;

        /// <summary>A link with a queue of fragments; each one taken costs <see cref="MsPerFragment"/> of the rig's clock (the radio's pace).</summary>
        private sealed class QueueLink : IFragmentLink
        {
            private readonly AdminRig _rig;
            public readonly Queue<(int Channel, byte[] Data)> In = new();
            public readonly List<byte[]> Out = new();
            public long MsPerFragment;
            public Func<(int, byte[])> Flood;
            public int FloodLeft;

            public QueueLink(AdminRig rig) => _rig = rig;
            public int Payload => 244;
            public bool Connected => true;

            public bool TryReceive(byte[] buffer, out int channel, out int length)
            {
                (int, byte[]) f;
                if (In.Count > 0) f = In.Dequeue();
                else if (FloodLeft > 0) { FloodLeft--; f = Flood(); }
                else { channel = 0; length = 0; return false; }
                _rig.Clock.NowMs += MsPerFragment;
                _rig.Hw.Bolt.Advance(MsPerFragment); // the bolt moves on while the lock reads the radio
                channel = f.Item1;
                f.Item2.CopyTo(buffer, 0);
                length = f.Item2.Length;
                return true;
            }

            public void Send(int channel, byte[] fragment, int length) => Out.Add(fragment[..length]);

            /// <summary>A whole message as one fragment (payload 244).</summary>
            public void Message(int channel, byte[] m)
            {
                byte[] f = new byte[3 + m.Length];
                f[0] = Fragments.First | Fragments.Last;
                f[1] = (byte)m.Length;
                f[2] = (byte)(m.Length >> 8);
                m.CopyTo(f, 3);
                In.Enqueue((channel, f));
            }
        }

        [TestMethod]
        public void ARadioFloodCannotHoldOffTheRelock()
        {
            // Issue 15, item 3: with a keyless flood the owner's unlock with a 15 s relock was still Unlocked at 21 s.
            var rig = InstallerAttackTests.Provisioned(out _);
            rig.Hw.DoorClosed.IsActive = true;
            rig.Advance(1000);
            var owner = rig.Connect(AdminRole.Owner, InstallerAttackTests.Owner);
            Assert.AreEqual(Ok, owner.Call(AdminCommand.Unlock)[1]);
            long unlockedAt = rig.Now;
            rig.Advance(1000);
            Assert.AreEqual(LockState.Unlocked, rig.Core.Controller.State);

            var endpoint = new LinkEndpoint(rig.Core);
            var link = new QueueLink(rig) { MsPerFragment = 1, FloodLeft = 60_000, Flood = () => (LinkEndpoint.AdminChannel, new byte[] { 0x05, 0xAA, 0xBB }) };
            while (rig.Now < unlockedAt + 21_000)
            {
                endpoint.Poll(link, rig.Now);
                rig.Advance(5);
            }

            long relockedAt = -1;
            var cursor = rig.Core.Log.ReadFrom(0);
            var r = new EventRecord();
            while (cursor.Next(r)) if (r.Type == EventType.AutoRelock && relockedAt < 0) relockedAt = r.TimeSeconds * 1000L;
            Assert.IsTrue(relockedAt >= 0 && relockedAt - unlockedAt <= 16_000, "relock at " + (relockedAt - unlockedAt) + " ms");
            Assert.AreEqual(LockState.Locked, rig.Core.Controller.State, "relocked during the flood");
            Assert.IsTrue(link.FloodLeft > 0, "the flood is still on");
        }

        [TestMethod]
        public void AFarFutureSetTimeIsRefused()
        {
            // Issue 15, item 4: SetTime took any value from 2025 on; the ESP32 clock throws for year 10000 and overflows at 2^62.
            var rig = InstallerAttackTests.Provisioned(out _);
            var owner = rig.Connect(AdminRole.Owner, InstallerAttackTests.Owner);
            long before = rig.Now;
            foreach (long t in new[] { 253402300800000L, 1L << 62, long.MaxValue, LockTime.LatestValidMs })
            {
                Assert.AreEqual((byte)AdminStatus.BadArguments, owner.Call(AdminCommand.SetTime, BitConverter.GetBytes(t))[1], "SetTime " + t);
            }

            Assert.AreEqual(before, rig.Now);
            Assert.AreEqual(Ok, owner.Call(AdminCommand.SetTime, BitConverter.GetBytes(LockTime.LatestValidMs - 1))[1]);
        }

        /// <summary>A platform clock that fails when set, as the ESP32's would on a date it cannot hold.</summary>
        private sealed class FailingClock : ISystemClock
        {
            public long NowMs { get; set; }
            public void SetUtc(long utcMs) => throw new ArgumentOutOfRangeException(nameof(utcMs));
        }

        [TestMethod]
        public void AMessageThatThrowsIsLoggedAndTheLoopCarriesOn()
        {
            // Issue 15, item 4: nothing between AdminSession and the loop caught an exception, so one message stopped the lock.
            var rig = InstallerAttackTests.Provisioned(out _);
            var clock = new FailingClock { NowMs = rig.Now };
            var core = new LockCore(rig.Flash, rig.Hw.Ports, rig.Crypto, rig.Crypto, clock, AccessPolicy.Default(), new LockConfig());
            core.Boot(clock.NowMs);
            var client = new AdminClient(rig.Crypto, rig.Crypto, AdminRole.Owner, InstallerAttackTests.Owner);
            var endpoint = new LinkEndpoint(core);
            var link = new QueueLink(rig);
            byte[] m = new byte[1100];

            link.Message(LinkEndpoint.AdminChannel, m[..client.Hello(m)]);
            endpoint.Poll(link, clock.NowMs);
            byte[] challenge = Reassemble(link);
            link.Message(LinkEndpoint.AdminChannel, m[..client.Answer(challenge, challenge.Length, m)]);
            endpoint.Poll(link, clock.NowMs);
            byte[] plain = new byte[1100];
            byte[] opened = Reassemble(link);
            Assert.IsTrue(client.Open(opened, opened.Length, plain) > 0);

            byte[] setTime = new byte[9];
            setTime[0] = (byte)AdminCommand.SetTime;
            BitConverter.GetBytes(clock.NowMs + 60_000).CopyTo(setTime, 1);
            link.Message(LinkEndpoint.AdminChannel, m[..client.Seal(setTime, setTime.Length, m)]);
            link.Message(LinkEndpoint.KeypadChannel, new byte[] { 0x01 }); // the next message is still handled
            Assert.AreEqual(2, endpoint.Poll(link, clock.NowMs));
            Assert.AreEqual(1, endpoint.Faults);
            Assert.IsInstanceOfType(endpoint.LastFault, typeof(ArgumentOutOfRangeException));
            Assert.IsFalse(core.Admin.IsOpen, "a session whose command threw is ended");
            var cursor = core.Log.ReadFrom(0);
            var r = new EventRecord();
            int faults = 0, keypad = 0;
            while (cursor.Next(r))
            {
                if (r.Type == EventType.SoftwareFault) faults++;
                if (r.Type == EventType.KeypadEntryRejected) keypad++;
            }

            Assert.AreEqual(1, faults);
            Assert.AreEqual(1, keypad);
        }

        [TestMethod]
        public void EachMessageOfAPollRunsAtTheClocksTime()
        {
            // Issue 15, item 14: a Status right after a SetTime in the same poll reported the old clock.
            var rig = InstallerAttackTests.Provisioned(out _);
            var client = new AdminClient(rig.Crypto, rig.Crypto, AdminRole.Owner, InstallerAttackTests.Owner);
            var endpoint = new LinkEndpoint(rig.Core);
            var link = new QueueLink(rig);
            byte[] m = new byte[1100];
            link.Message(LinkEndpoint.AdminChannel, m[..client.Hello(m)]);
            endpoint.Poll(link, rig.Now);
            byte[] challenge = Reassemble(link);
            link.Message(LinkEndpoint.AdminChannel, m[..client.Answer(challenge, challenge.Length, m)]);
            endpoint.Poll(link, rig.Now);
            byte[] plain = new byte[1100];
            byte[] opened = Reassemble(link);
            Assert.IsTrue(client.Open(opened, opened.Length, plain) > 0);

            long later = rig.Now + 5 * 3_600_000L;
            byte[] setTime = new byte[9];
            setTime[0] = (byte)AdminCommand.SetTime;
            BitConverter.GetBytes(later).CopyTo(setTime, 1);
            link.Message(LinkEndpoint.AdminChannel, m[..client.Seal(setTime, setTime.Length, m)]);
            link.Message(LinkEndpoint.AdminChannel, m[..client.Seal(new[] { (byte)AdminCommand.Status }, 1, m)]);
            long batchTime = rig.Now;
            endpoint.Poll(link, batchTime);
            Assert.AreEqual(2, link.Out.Count);
            byte[] first = Unframe(link.Out[0]);
            Assert.IsTrue(client.Open(first, first.Length, plain) > 0);
            Assert.AreEqual(Ok, plain[1]);
            byte[] second = Unframe(link.Out[1]);
            int n = client.Open(second, second.Length, plain);
            Assert.AreEqual(Ok, plain[1]);
            Assert.AreEqual(later, BitConverter.ToInt64(plain, n - 8), "Status reports the clock just set");
        }

        // The last admin reply (one fragment at payload 244); forgets what was sent.
        private static byte[] Reassemble(QueueLink link)
        {
            byte[] m = Unframe(link.Out[^1]);
            link.Out.Clear();
            return m;
        }

        private static byte[] Unframe(byte[] f) => f[3..(3 + (f[1] | (f[2] << 8)))];
    }
}
