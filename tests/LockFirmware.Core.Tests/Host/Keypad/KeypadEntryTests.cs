using LockFirmware.Core.Common;
using LockFirmware.Core.Keypad;

namespace LockFirmware.Core.Tests.Host.Keypad
{
    /// <summary>The entry buffer: digits, clear, send, masking, idle timeout.</summary>
    [TestClass]
    public class KeypadEntryTests
    {
        private static string Text(KeypadEntry e) => System.Text.Encoding.ASCII.GetString(e.Digits, 0, e.Count);

        [TestMethod]
        public void DigitsAccumulateStarClearsHashSends()
        {
            var e = new KeypadEntry(18, KeypadEntry.IdleTimeoutMs);
            Assert.AreEqual(KeyAction.None, e.Press('#', 0), "'#' on an empty entry sends nothing");
            Assert.AreEqual(KeyAction.Digit, e.Press('1', 10));
            Assert.AreEqual(KeyAction.Digit, e.Press('2', 20));
            Assert.AreEqual("12", Text(e));
            Assert.AreEqual(KeyAction.Cleared, e.Press('*', 30));
            Assert.AreEqual(0, e.Count);
            Assert.AreEqual(0, e.Digits[0], "cleared digits are zeroed, not just forgotten");
            e.Press('9', 40);
            Assert.AreEqual(KeyAction.Send, e.Press('#', 50));
            Assert.AreEqual("9", Text(e), "sending leaves the digits for the sender to take");
        }

        [TestMethod]
        public void MaskingDigitsDropOffTheFrontNeverSpoilingTheCode()
        {
            // The spec allows up to 6 masking digits before a 12-digit code: 18 in all. A courier who types more
            // masking digits still sends the last 18, which end with the code.
            var e = new KeypadEntry(18, KeypadEntry.IdleTimeoutMs);
            string typed = "55555555" + "123456789012";
            long t = 0;
            foreach (char c in typed) e.Press(c, t += 100);
            Assert.AreEqual(18, e.Count);
            Assert.AreEqual("555555123456789012", Text(e));
        }

        [TestMethod]
        public void AnIdleEntryIsWipedAtItsDeadline()
        {
            var e = new KeypadEntry(18, KeypadEntry.IdleTimeoutMs);
            Assert.AreEqual(LockTime.Never, e.Deadline);
            e.Press('4', 1000);
            Assert.AreEqual(1000 + KeypadEntry.IdleTimeoutMs, e.Deadline);
            Assert.IsFalse(e.Expire(1000 + KeypadEntry.IdleTimeoutMs - 1));
            Assert.AreEqual(1, e.Count);
            Assert.IsTrue(e.Expire(1000 + KeypadEntry.IdleTimeoutMs));
            Assert.AreEqual(0, e.Count);

            // A key after the timeout starts afresh, even if nobody called Expire in between.
            e.Press('1', 0);
            e.Press('2', KeypadEntry.IdleTimeoutMs + 5);
            Assert.AreEqual("2", Text(e));
        }
    }
}
