using LockFirmware.Core.Access;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Core.Tests.Access;

namespace LockFirmware.Core.Tests.Host.Keypad
{
    /// <summary>The verdict back at the door: what the courier sees for each outcome, through the real frames.</summary>
    [TestClass]
    public class KeypadVerdictTests
    {
        private static KeypadRig Paired()
        {
            var r = new KeypadRig();
            r.Pair();
            return r;
        }

        [TestMethod]
        public void AValidCodeOpensAndTheKeypadShowsAccepted()
        {
            var r = Paired();
            string code = r.Lock.Codes.Issuer.OneTime(AccessFixture.T0, 2, 0);
            r.Type("123" + code + "#");
            Assert.AreEqual(KeypadMode.Sending, r.Keypad.Mode);
            Assert.IsTrue(r.Keypad.Feedback.Playing, "the LED blinks while waiting");
            r.Exchange();
            Assert.AreEqual(AccessResult.Accepted, r.Lock.Core.LastResult);
            Assert.AreEqual(LockState.Unlocking, r.Lock.Core.Controller.State);
            Assert.AreEqual(KeypadVerdict.Accepted, r.Keypad.Verdict);
            Assert.AreEqual(KeypadMode.Entry, r.Keypad.Mode);
            Assert.IsTrue(r.Keypad.Feedback.Buzzer && r.Keypad.Feedback.Led, "accepted: a long beep with the LED");
        }

        [TestMethod]
        public void WrongExpiredAndUsedCodesEachShowTheirOwnVerdict()
        {
            var r = Paired();
            r.Type("000000000000#");
            r.Exchange();
            Assert.AreEqual(KeypadVerdict.WrongCode, r.Keypad.Verdict);

            string old = r.Lock.Codes.Issuer.OneTime(AccessFixture.T0 - 10 * AccessFixture.Hour, 1, 3);
            r.Type(old + "#");
            r.Exchange();
            Assert.AreEqual(AccessResult.Expired, r.Lock.Core.LastResult);
            Assert.AreEqual(KeypadVerdict.Expired, r.Keypad.Verdict);

            string code = r.Lock.Codes.Issuer.OneTime(AccessFixture.T0, 2, 1);
            r.Type(code + "#");
            r.Exchange();
            Assert.AreEqual(KeypadVerdict.Accepted, r.Keypad.Verdict);
            r.Advance(60_000);
            r.Type(code + "#");
            r.Exchange();
            Assert.AreEqual(AccessResult.Replayed, r.Lock.Core.LastResult);
            Assert.AreEqual(KeypadVerdict.Expired, r.Keypad.Verdict, "a used one-time code reads as 'no longer valid'");
        }

        [TestMethod]
        public void TooManyWrongEntriesShowLockedOut()
        {
            var r = Paired();
            for (int i = 0; i < AccessPolicy.Default().FreeFailures + 1; i++)
            {
                r.Type("11111111111" + i + "#");
                r.Exchange();
            }

            Assert.AreEqual(AccessResult.LockedOut, r.Lock.Core.LastResult);
            Assert.AreEqual(KeypadVerdict.LockedOut, r.Keypad.Verdict);
        }

        [TestMethod]
        public void NoReplyWithinTheWindowShowsUnreachableAndNothingIsResent()
        {
            var r = Paired();
            r.Lock.Radio.InRange = false;
            r.Type("123456789012#");
            r.Exchange();
            r.Advance(KeypadSender.ReplyWindowMs - 201); // '#' went down 200 ms before Type returned
            Assert.AreEqual(KeypadMode.Sending, r.Keypad.Mode, $"still trying inside the window (the lock may be waking); {r.Keypad.Verdict} {r.Keypad.Sender.State}");
            r.Advance(1);
            Assert.AreEqual(KeypadVerdict.Unreachable, r.Keypad.Verdict);
            Assert.AreEqual(KeypadMode.Entry, r.Keypad.Mode);
            int carried = r.Lock.Radio.Carried;
            r.Lock.Radio.InRange = true;
            r.Exchange();
            Assert.AreEqual(carried, r.Lock.Radio.Carried, "the timed-out entry is never sent late");
        }

        [TestMethod]
        public void TheLockWakingLateInsideTheWindowStillGetsTheEntry()
        {
            var r = Paired();
            r.Lock.Radio.InRange = false;
            string code = r.Lock.Codes.Issuer.OneTime(AccessFixture.T0, 2, 2);
            r.Type(code + "#");
            r.Exchange();
            r.Advance(KeypadSender.ConnectWindowMs - 1000);
            r.Lock.Radio.InRange = true;
            r.Exchange();
            Assert.AreEqual(KeypadVerdict.Accepted, r.Keypad.Verdict);
        }

        [TestMethod]
        public void AForgedOrMismatchedVerdictIsIgnored()
        {
            var r = Paired();
            r.Type("000000000000#");
            r.Keypad.Pump(r.Lock.Radio.KeypadEnd, r.Lock.Address, r.Now);

            // Someone on the radio answers "accepted" first, for this very entry (id and counter) but under a key of
            // their own. The keypad does not believe it.
            byte[] forged = new byte[32];
            uint counter = System.BitConverter.ToUInt32(r.Keypad.Sender.Message, 2);
            KeypadFrame.PutCounted(forged, 0, KeypadFrame.Verdict, r.Keypad.Id, counter);
            var attackerKey = new LockFirmware.Core.Crypto.AesCcm(r.Crypto, new byte[16], KeypadFrame.TagSize);
            int n = KeypadFrame.Seal(attackerKey, new byte[13], new byte[] { (byte)AccessResult.Accepted }, 0, 1, forged);
            byte[] fragment = new byte[3 + n];
            fragment[0] = 0xC0;
            fragment[1] = (byte)n;
            System.Array.Copy(forged, 0, fragment, 3, n);
            r.Lock.Radio.KeypadEnd.Inject(LinkEndpoint.KeypadChannel, fragment);
            r.Keypad.Pump(r.Lock.Radio.KeypadEnd, r.Lock.Address, r.Now);
            Assert.AreEqual(KeypadMode.Sending, r.Keypad.Mode);

            r.Exchange();
            Assert.AreEqual(KeypadVerdict.WrongCode, r.Keypad.Verdict);
        }

        [TestMethod]
        public void AReplayedEntryGetsNoVerdict()
        {
            // Answering a replay would seal a second verdict under the same (key, counter) nonce: the lock stays silent.
            var r = Paired();
            r.Type("000000000000#");
            r.Exchange();
            var sent = r.Lock.Radio.KeypadEnd.SentOnKeypadChannel;
            foreach (byte[] f in sent.ToArray()) r.Lock.Radio.LockEnd.Inject(LinkEndpoint.KeypadChannel, f);
            int before = r.Lock.Radio.Carried;
            r.Lock.Endpoint.Poll(r.Lock.Radio.LockEnd, r.Now);
            Assert.AreEqual(before, r.Lock.Radio.Carried, "no reply to a replayed entry");
            Assert.AreEqual(0, r.Lock.Core.KeypadReplyLength);
        }

        [TestMethod]
        public void EveryAccessResultFoldsIntoAVerdictWithAPattern()
        {
            foreach (AccessResult a in System.Enum.GetValues<AccessResult>())
            {
                KeypadVerdict v = KeypadVerdicts.For(a);
                Assert.IsNotNull(KeypadPatterns.For(v), a + " has no pattern");
            }

            Assert.AreEqual(KeypadVerdict.LockProblem, KeypadVerdicts.For(AccessResult.ClockUnknown));
            Assert.AreEqual(KeypadVerdict.Expired, KeypadVerdicts.For(AccessResult.OutsideSchedule));
        }
    }
}
