using LockFirmware.Core.Access;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Core.Tests.Access;

namespace LockFirmware.Core.Tests.Host.Keypad
{
    /// <summary>Pairing at the door: the right lock, a wrong lock, two in range, replays, a keypad reset, no default keys.</summary>
    [TestClass]
    public class KeypadPairingTests
    {
        [TestMethod]
        public void AFreshKeypadHasNoKeyAndSendsNothing()
        {
            var r = new KeypadRig();
            Assert.IsFalse(r.Keypad.IsPaired);
            r.Type("123456789012#");
            r.Exchange();
            Assert.AreEqual(KeypadVerdict.PairingFailed, r.Keypad.Verdict, "an unpaired keypad says so at once");
            Assert.AreEqual(0, r.Lock.Radio.Carried);
        }

        [TestMethod]
        public void AnInstallerPairsAtTheDoorAndTheCourierCodeOpens()
        {
            var r = new KeypadRig();
            r.Pair();
            Assert.IsTrue(r.Keypad.IsPaired);
            Assert.AreEqual(r.Lock.Address, r.Keypad.LockAddress, "the keypad learnt which lock answered");
            Assert.IsTrue(r.Lock.Core.Keypads.IsRegistered(r.Keypad.Id));
            Assert.IsFalse(r.Lock.Core.Pairing.IsOpen(r.Now), "one pairing per window");
            Assert.IsTrue(EventTypes(r.Lock).Contains(EventType.KeypadPaired));

            string code = r.Lock.Codes.Issuer.OneTime(AccessFixture.T0, 2, 0);
            r.Type(code + "#");
            r.Exchange();
            Assert.AreEqual(KeypadVerdict.Accepted, r.Keypad.Verdict);
        }

        [TestMethod]
        public void AWrongLockCannotReadTheRequestAndTheRightOneOfTwoInRangePairs()
        {
            // Two locks in range; the installer opened pairing on lock 1 only. Lock 0 (a neighbour's, not in pairing,
            // or in pairing with its own code) hears the request first.
            var r = new KeypadRig(locks: 2);
            string neighbours = r.Locks[0].OpenPairing(r.Now);
            string code = r.Locks[1].OpenPairing(r.Now);
            Assert.AreNotEqual(neighbours, code);
            r.HoldStarHash(KeypadCore.PairingHoldMs);
            r.Type(code + "#");
            r.Exchange(0);
            Assert.AreEqual(KeypadMode.PairingSending, r.Keypad.Mode, "the wrong lock stays silent");
            Assert.AreEqual(0, r.Locks[0].Core.Keypads.Count, "the wrong lock registered nothing");
            Assert.IsTrue(r.Locks[0].Core.Pairing.IsOpen(r.Now), "and its own window is untouched");

            Assert.IsTrue(r.Keypad.OfferToNextLock(r.Now));
            r.Exchange(1);
            Assert.AreEqual(KeypadVerdict.Paired, r.Keypad.Verdict);
            Assert.AreEqual(r.Locks[1].Address, r.Keypad.LockAddress);
            Assert.AreEqual(1, r.Locks[1].Core.Keypads.Count);
        }

        [TestMethod]
        public void AWrongCodeTypedFailsAndRegistersNothing()
        {
            var r = new KeypadRig();
            string code = r.Lock.OpenPairing(r.Now);
            string wrong = (code[0] == '9' ? '0' : (char)(code[0] + 1)) + code[1..];
            r.HoldStarHash(KeypadCore.PairingHoldMs);
            r.Type(wrong + "#");
            r.Exchange();
            r.Advance(KeypadSender.ReplyWindowMs);
            Assert.AreEqual(KeypadVerdict.PairingFailed, r.Keypad.Verdict);
            Assert.IsFalse(r.Keypad.IsPaired);
            Assert.AreEqual(0, r.Lock.Core.Keypads.Count);
        }

        [TestMethod]
        public void AReplayedPairingRequestRegistersNothing()
        {
            var r = new KeypadRig();
            r.Pair();
            int keypads = r.Lock.Core.Keypads.Count;
            var request = r.Lock.Radio.KeypadEnd.SentOnKeypadChannel.ToArray();

            // Replayed in the same window (closed by the pairing) and in a later window (a new code): refused.
            foreach (bool reopen in new[] { false, true })
            {
                if (reopen) r.Lock.OpenPairing(r.Now);
                foreach (byte[] f in request) r.Lock.Radio.LockEnd.Inject(LinkEndpoint.KeypadChannel, f);
                r.Lock.Endpoint.Poll(r.Lock.Radio.LockEnd, r.Now);
                Assert.AreEqual(0, r.Lock.Core.KeypadReplyLength);
                Assert.AreEqual(keypads, r.Lock.Core.Keypads.Count);
            }

            Assert.IsTrue(r.Lock.Core.Pairing.IsOpen(r.Now), "a refused replay does not close the installer's window");
        }

        [TestMethod]
        public void AnExpiredWindowRefusesTheRequest()
        {
            var r = new KeypadRig();
            string code = r.Lock.OpenPairing(r.Now);
            r.Now += KeypadPairing.WindowMs;
            r.HoldStarHash(KeypadCore.PairingHoldMs);
            r.Type(code + "#");
            r.Exchange();
            r.Advance(KeypadSender.ReplyWindowMs);
            Assert.AreEqual(KeypadVerdict.PairingFailed, r.Keypad.Verdict);
            Assert.AreEqual(0, r.Lock.Core.Keypads.Count);
        }

        [TestMethod]
        public void RefusedPairingRequestsAreLoggedButCostNoThrottleToken()
        {
            // A pairing request can open nothing, so junk 'P' messages (no window, wrong length, a guessed code) must
            // not lock couriers out; they are logged as reason 6 through the rate-limited rejection log.
            var r = new KeypadRig();
            int before = r.Lock.Core.Access.Throttle.Remaining(r.Now);
            byte[] junk = new byte[KeypadPairing.RequestLength];
            junk[0] = KeypadFrame.Pairing;
            foreach (int length in new[] { KeypadPairing.RequestLength, 10, KeypadPairing.RequestLength })
            {
                if (length == 10) r.Lock.OpenPairing(r.Now);
                r.Lock.Core.KeypadMessage(junk, 0, length, r.Now);
                Assert.AreEqual(0, r.Lock.Core.KeypadReplyLength);
            }

            Assert.AreEqual(before, r.Lock.Core.Access.Throttle.Remaining(r.Now));
            Assert.AreEqual(0, r.Lock.Core.Keypads.Count);
            Assert.IsTrue(r.Lock.Core.Pairing.IsOpen(r.Now), "junk does not close the installer's window");
            Assert.IsTrue(EventTypes(r.Lock).Contains(EventType.KeypadEntryRejected));
        }

        [TestMethod]
        public void AKeypadResetForgetsThePairingButNeverTheCounter()
        {
            var r = new KeypadRig();
            r.Pair();
            int oldId = r.Keypad.Id;
            r.Type("000000000000#");
            r.Exchange();
            uint reserved = r.Keypad.Counter.Reserved;

            // '*' and '#' held while the battery goes back in (inside the case).
            r.Boot(resetHeld: true);
            Assert.IsFalse(r.Keypad.IsPaired);
            r.Type("000000000000#");
            Assert.AreEqual(KeypadVerdict.PairingFailed, r.Keypad.Verdict);

            // Paired again: a new key from the RNG under a new id; the counter carries on above the old reservation.
            r.Pair();
            Assert.AreNotEqual(oldId, r.Keypad.Id);
            string code = r.Lock.Codes.Issuer.OneTime(AccessFixture.T0, 2, 5);
            r.Type(code + "#");
            r.Exchange();
            Assert.AreEqual(KeypadVerdict.Accepted, r.Keypad.Verdict);
            Assert.IsTrue(r.Keypad.Counter.Reserved > reserved);

            // The installer removes the stale registration; the keypad still works under its new one.
            Assert.IsTrue(r.Lock.Core.Keypads.Remove(oldId));
        }

        [TestMethod]
        public void AResetWithoutTheKeysHeldKeepsThePairing()
        {
            var r = new KeypadRig();
            r.Pair();
            int id = r.Keypad.Id;
            r.Boot(resetHeld: false);
            Assert.IsTrue(r.Keypad.IsPaired);
            Assert.AreEqual(id, r.Keypad.Id);
        }

        [TestMethod]
        public void PairingModeNeedsTheHoldAndLeavesOnStarOrIdle()
        {
            var r = new KeypadRig();
            r.HoldStarHash(KeypadCore.PairingHoldMs - 100);
            Assert.AreEqual(KeypadMode.Entry, r.Keypad.Mode, "a short press of both keys is not enough");
            r.HoldStarHash(KeypadCore.PairingHoldMs);
            Assert.AreEqual(KeypadMode.Pairing, r.Keypad.Mode);
            r.Type("*");
            Assert.AreEqual(KeypadMode.Entry, r.Keypad.Mode);
            r.HoldStarHash(KeypadCore.PairingHoldMs);
            r.Advance(KeypadCore.PairingIdleMs);
            Assert.AreEqual(KeypadMode.Entry, r.Keypad.Mode);
        }

        [TestMethod]
        public void PairKeypadGivesTheCodeToAnInstallerSessionOnly()
        {
            var rig = new LockFirmware.Core.Tests.Host.Protocol.AdminRig();
            rig.OpenSetupWindow();
            var setup = rig.Connect(AdminRole.Setup, rig.Core.SetupKey);
            byte[] installerKey = new byte[16];
            installerKey[0] = 9;
            byte[] args = new byte[17];
            args[0] = (byte)AdminRole.Installer;
            installerKey.CopyTo(args, 1);
            Assert.AreEqual((byte)AdminStatus.Ok, setup.Call(AdminCommand.SetRoleKey, args)[1]);
            Assert.AreEqual((byte)AdminStatus.Denied, setup.Call(AdminCommand.PairKeypad)[1], "the setup key is for provisioning, not keypads");

            var installer = rig.Connect(AdminRole.Installer, installerKey);
            byte[] reply = installer.Call(AdminCommand.PairKeypad);
            Assert.AreEqual((byte)AdminStatus.Ok, reply[1]);
            Assert.AreEqual(2 + 1 + KeypadPairing.CodeDigits, reply.Length);
            Assert.AreEqual(1, reply[2], "the first free keypad id");
            for (int i = 3; i < reply.Length; i++) Assert.IsTrue(reply[i] >= '0' && reply[i] <= '9');
            Assert.IsTrue(rig.Core.Pairing.IsOpen(rig.Now));
            Assert.AreEqual((byte)AdminStatus.BadArguments, installer.Call(AdminCommand.PairKeypad, 1)[1]);

            byte[] again = installer.Call(AdminCommand.PairKeypad);
            Assert.AreNotEqual(System.Text.Encoding.ASCII.GetString(reply, 3, 20), System.Text.Encoding.ASCII.GetString(again, 3, 20), "a fresh code per window");
        }

        private static System.Collections.Generic.List<EventType> EventTypes(RigLock l)
        {
            var list = new System.Collections.Generic.List<EventType>();
            var cursor = l.Core.Log.ReadFrom(0);
            var rec = new EventRecord();
            while (cursor.Next(rec)) list.Add(rec.Type);
            return list;
        }
    }
}
