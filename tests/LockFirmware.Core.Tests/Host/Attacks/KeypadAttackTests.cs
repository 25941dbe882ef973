using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Tests.Access;

namespace LockFirmware.Core.Tests.Host.Attacks
{
    /// <summary>Attacks at the keypad (issue 15, item 13).</summary>
    [TestClass]
    public class KeypadAttackTests
    {
        [TestMethod]
        public void JunkDuringALockoutWritesNoFlash()
        {
            // Item 13: too-short, too-long and non-digit entries saved the throttle state before the lockout check,
            // so a locked-out keypad fed junk wrote flash at every key press.
            var f = new AccessFixture();
            long t = AccessFixture.T0;
            for (int i = 0; i < f.Policy.FreeFailures; i++) f.Enter("1111111111", t);
            Assert.IsTrue(f.Verifier.Throttle.IsLockedOut(t));
            int saves = f.Store.Saves;
            string tooLong = new string('7', 30);
            for (int i = 0; i < 1000; i++)
            {
                f.Enter("12", t + i);
                f.Enter(tooLong, t + i);
                f.Enter("12ab567890", t + i);
                f.Enter("1111111111", t + i); // LockedOut
            }

            Console.WriteLine($"throttle saves for 4,000 entries during a lockout: {f.Store.Saves - saves}");
            Assert.AreEqual(0, f.Store.Saves - saves, "flash writes during the lockout");
            f.Reboot();
            Assert.IsTrue(f.Verifier.Throttle.IsLockedOut(t + 2000), "still locked out after a reboot");
            Assert.AreEqual(AccessResult.NotDigits, f.Enter("12ab567890", t + f.Policy.RefillHours * AccessFixture.Hour + 1));
            Assert.IsTrue(f.Verifier.Throttle.IsLockedOut(t + f.Policy.RefillHours * AccessFixture.Hour + 2), "the refilled token was spent, and saved");
            f.Reboot();
            Assert.IsTrue(f.Verifier.Throttle.IsLockedOut(t + f.Policy.RefillHours * AccessFixture.Hour + 3));
        }
    }
}
