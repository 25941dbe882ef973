using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Core.Tests.Access;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.Hal.Sim.Flash;
using LockFirmware.Hal.Sim.Lock;

namespace LockFirmware.Core.Tests.Host.Protocol
{
    /// <summary>Attacks on the keypad channel, through the whole LockCore on simulated hardware.</summary>
    [TestClass]
    public class KeypadChannelTests
    {
        private static readonly byte[] Key = Convert.FromHexString("00112233445566778899aabbccddeeff");
        private const long T0 = AccessFixture.T0;

        private sealed class Rig
        {
            public readonly SimNorFlash Flash = new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount);
            public readonly SimLockHardware Hw = new SimLockHardware();
            public readonly HostCrypto Crypto = new HostCrypto();
            public LockCore Core;
            public readonly AccessFixture Codes = new AccessFixture();

            public Rig()
            {
                Boot();
                Assert.IsTrue(Core.Provision(Codes.Secret, T0));
                Assert.IsTrue(Core.Keypads.Register(7, Key));
            }

            public void Boot()
            {
                Core = new LockCore(Flash, Hw.Ports, Crypto, Crypto, null, AccessPolicy.Default(), new LockConfig());
                Core.Boot(T0);
            }

            public byte[] Frame(int id, byte[] key, uint counter, string digits)
            {
                byte[] ascii = AccessFixture.Ascii(digits);
                byte[] m = new byte[64];
                int n = KeypadChannel.Seal(Crypto, id, key, counter, ascii, ascii.Length, m);
                return m[..n];
            }

            public AccessResult Send(byte[] frame, long now)
            {
                Core.KeypadMessage(frame, 0, frame.Length, now);
                return Core.LastResult;
            }
        }

        [TestMethod]
        public void ARegisteredKeypadOpensWithAValidCode()
        {
            var r = new Rig();
            string code = r.Codes.Issuer.OneTime(T0, 2, 0);
            Assert.AreEqual(KeypadResult.Entry, r.Core.Keypads.Receive(r.Frame(7, Key, 1, code), 0, 24));
            var again = new Rig();
            again.Send(again.Frame(7, Key, 5, code), T0 + 1000);
            Assert.AreEqual(AccessResult.Accepted, again.Core.LastResult);
            Assert.AreEqual(LockState.Unlocking, again.Core.Controller.State);
        }

        [TestMethod]
        public void EntriesCapturedBeforeARegistrationNeverWorkAfterIt()
        {
            // Review finding F2: re-registering a keypad reset its counter, so every frame it ever sent was good again.
            var r = new Rig();
            byte[] pin = AccessFixture.Ascii("2468013579");
            Assert.AreEqual(0, r.Core.Access.AddPin(pin, 0, pin.Length));
            byte[] captured = r.Frame(7, Key, 1000, "2468013579");
            Assert.AreEqual(AccessResult.Accepted, r.Send(captured, T0));

            // The same keypad added again (lockctl keypad add run twice), then removed and added again across a
            // reboot: the captured frame stays dead; the keypad's next entry works.
            Assert.IsTrue(r.Core.Keypads.Register(7, Key));
            Assert.AreEqual(KeypadResult.Replayed, r.Core.Keypads.Receive(captured, 0, captured.Length));
            Assert.IsTrue(r.Core.Keypads.Remove(7));
            r.Boot();
            Assert.IsTrue(r.Core.Keypads.Register(7, Key));
            Assert.AreEqual(KeypadResult.Replayed, r.Core.Keypads.Receive(captured, 0, captured.Length));
            byte[] next = r.Frame(7, Key, 1001, "2468013579");
            Assert.AreEqual(KeypadResult.Entry, r.Core.Keypads.Receive(next, 0, next.Length));
        }

        [TestMethod]
        public void ANewKeypadWithANewKeyWorksAfterAStolenKeypadWasRemoved()
        {
            // Second review, R1: a lock-wide counter floor let one stolen key (counter at the top of the range) disable every
            // keypad registered after it. The floor is per (id, key) now.
            var r = new Rig();
            byte[] newKey = Convert.FromHexString("ffeeddccbbaa99887766554433221100");
            byte[] last = r.Frame(7, Key, uint.MaxValue - 1, "0000000000");
            Assert.AreEqual(KeypadResult.Entry, r.Core.Keypads.Receive(last, 0, last.Length));
            Assert.IsTrue(r.Core.Keypads.Remove(7));
            Assert.IsTrue(r.Core.Keypads.Register(8, newKey));
            byte[] entry = r.Frame(8, newKey, 1, "1234567890");
            Assert.AreEqual(KeypadResult.Entry, r.Core.Keypads.Receive(entry, 0, entry.Length));
            Assert.IsTrue(r.Core.Keypads.Register(7, newKey)); // the old id under a new key: also a fresh start
            byte[] again = r.Frame(7, newKey, 1, "1234567890");
            Assert.AreEqual(KeypadResult.Entry, r.Core.Keypads.Receive(again, 0, again.Length));

            // Re-keyed away and back again, id 8 remembers how far its key had counted.
            Assert.IsTrue(r.Core.Keypads.Register(8, Key));
            Assert.IsTrue(r.Core.Keypads.Register(8, newKey));
            byte[] entryAgain = r.Frame(8, newKey, 1, "1234567890");
            Assert.AreEqual(KeypadResult.Replayed, r.Core.Keypads.Receive(entryAgain, 0, entryAgain.Length));
        }

        [TestMethod]
        public void ReplayedReorderedUnknownAndBitFlippedFramesAreRefusedLoggedAndThrottled()
        {
            var r = new Rig();
            string code = r.Codes.Issuer.OneTime(T0, 8, 0);
            byte[] good = r.Frame(7, Key, 10, code);
            Assert.AreEqual(AccessResult.Accepted, r.Send(good, T0));

            Assert.AreEqual(KeypadResult.Replayed, r.Core.Keypads.Receive(good, 0, good.Length));
            Assert.AreEqual(KeypadResult.Replayed, r.Core.Keypads.Receive(r.Frame(7, Key, 9, code), 0, 24));
            Assert.AreEqual(KeypadResult.UnknownKeypad, r.Core.Keypads.Receive(r.Frame(8, Key, 50, code), 0, 24));
            byte[] wrongKey = (byte[])Key.Clone();
            wrongKey[0] ^= 1;
            Assert.AreEqual(KeypadResult.BadTag, r.Core.Keypads.Receive(r.Frame(7, wrongKey, 50, code), 0, 24));
            for (int bit = 0; bit < 24 * 8; bit++)
            {
                byte[] f = r.Frame(7, Key, 100, code);
                f[bit / 8] ^= (byte)(1 << (bit % 8));
                KeypadResult k = r.Core.Keypads.Receive(f, 0, f.Length);
                Assert.AreNotEqual(KeypadResult.Entry, k, "bit " + bit);
            }

            Assert.AreEqual(KeypadResult.Malformed, r.Core.Keypads.Receive(new byte[5], 0, 5));

            // Through the lock: each refusal is logged and costs a throttle token.
            int before = r.Core.Access.Throttle.Remaining(T0 + 1);
            r.Core.KeypadMessage(good, 0, good.Length, T0 + 1);
            r.Core.KeypadMessage(r.Frame(9, Key, 1, code), 0, 24, T0 + 2);
            Assert.AreEqual(before - 2, r.Core.Access.Throttle.Remaining(T0 + 3));
            var cursor = r.Core.Log.ReadFrom(0);
            var rec = new EventRecord();
            int rejected = 0;
            while (cursor.Next(rec)) if (rec.Type == EventType.KeypadEntryRejected) rejected++;
            Assert.AreEqual(2, rejected);
        }

        [TestMethod]
        public void CountersSurviveAPowerCutSoCapturedFramesStayDead()
        {
            var r = new Rig();
            string code = r.Codes.Issuer.Window(T0, 168, 0);
            byte[] captured = r.Frame(7, Key, 3, code);
            Assert.AreEqual(AccessResult.Accepted, r.Send(captured, T0));
            r.Boot();
            Assert.AreEqual(1, r.Core.Keypads.Count);
            Assert.AreEqual(KeypadResult.Replayed, r.Core.Keypads.Receive(captured, 0, captured.Length));
            Assert.AreEqual(AccessResult.Accepted, r.Send(r.Frame(7, Key, 4, code), T0 + 60_000));
        }

        [TestMethod]
        public void RemovedKeypadsAreNotHeard()
        {
            var r = new Rig();
            Assert.IsTrue(r.Core.Keypads.Remove(7));
            r.Boot();
            Assert.AreEqual(KeypadResult.UnknownKeypad, r.Core.Keypads.Receive(r.Frame(7, Key, 1, "1234567890"), 0, 24));
            Assert.IsFalse(r.Core.Keypads.Register(7, new byte[15]));
        }

        [TestMethod]
        public void TheCounterRangeEndsBelowItsMaximumAndReKeyingStartsItAgain()
        {
            // Issue 15, item 11: an entry with counter 4,294,967,295 was accepted and the keypad could never send again.
            var r = new Rig();
            string code = r.Codes.Issuer.OneTime(T0, 2, 0);
            byte[] max = r.Frame(7, Key, uint.MaxValue, code);
            Assert.AreEqual(KeypadResult.Replayed, r.Core.Keypads.Receive(max, 0, max.Length), "the reserved maximum");
            byte[] last = r.Frame(7, Key, uint.MaxValue - 1, code);
            Assert.AreEqual(KeypadResult.Entry, r.Core.Keypads.Receive(last, 0, last.Length), "the top of the range is still usable");
            byte[] next = r.Frame(7, Key, uint.MaxValue, code);
            Assert.AreEqual(KeypadResult.Replayed, r.Core.Keypads.Receive(next, 0, next.Length), "at the end of its range the keypad can send nothing more");
            byte[] newKey = Convert.FromHexString("ffeeddccbbaa99887766554433221100");
            Assert.IsTrue(r.Core.Keypads.Register(7, newKey), "re-keying the keypad");
            byte[] first = r.Frame(7, newKey, 1, code);
            Assert.AreEqual(KeypadResult.Entry, r.Core.Keypads.Receive(first, 0, first.Length), "a new key starts from 1 again");
        }
    }
}
