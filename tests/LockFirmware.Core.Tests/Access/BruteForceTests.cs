using System;
using LockFirmware.Core.Access;

namespace LockFirmware.Core.Tests.Access
{
    [TestClass]
    public class BruteForceTests
    {
        [TestMethod]
        public void DefaultBoundIsAtMostOneInAMillion()
        {
            var bound = new SecurityBound(AccessPolicy.Default());
            Console.WriteLine("per entry " + bound.PerEntry.ToString() + ", entries per year " + bound.EntriesPerYear.ToString() + ", per year " + bound.PerYear.ToString());
            Assert.IsTrue(bound.PerYear <= 1e-6, "bound " + bound.PerYear.ToString());
            Assert.IsTrue(bound.PerYear > 0);
        }

        [TestMethod]
        public void BoundGrowsWithLooserPolicy()
        {
            var strict = new SecurityBound(AccessPolicy.Default());
            AccessPolicy loose = AccessPolicy.Default();
            loose.RefillHours = 24;
            loose.CodeLength = 8;
            Assert.IsTrue(new SecurityBound(loose).PerYear > strict.PerYear * 100);
        }

        [TestMethod]
        public void AttackerAtTheFastestAllowedRateForAYearMatchesTheBound()
        {
            // The attacker types a fresh wrong code whenever the lock will look at one, and waits out every
            // lockout, for a simulated year. The count of entries the lock actually checked is what the
            // bound's N must be.
            var f = new AccessFixture();
            var bound = new SecurityBound(f.Policy);
            var random = new Random(7);
            long t = AccessFixture.T0;
            long end = t + SecurityBound.HoursPerYear * AccessFixture.Hour;
            int checkedEntries = 0, refused = 0, opened = 0;
            byte[] guess = new byte[10];
            while (t < end)
            {
                if (f.Verifier.Throttle.IsLockedOut(t))
                {
                    refused++;
                    t = f.Verifier.Throttle.LockedUntilMs(t);
                    continue;
                }

                for (int i = 0; i < guess.Length; i++)
                {
                    guess[i] = (byte)('0' + random.Next(10));
                }

                AccessResult r = f.Verifier.Verify(guess, 0, guess.Length, t);
                checkedEntries++;
                if (r == AccessResult.Accepted)
                {
                    opened++;
                }

                t += 1000; // a keypad entry takes at least a second
            }

            Console.WriteLine("simulated year: " + checkedEntries.ToString() + " entries checked, " + refused.ToString() + " lockouts waited out, " + opened.ToString() + " opened; bound N = " + bound.EntriesPerYear.ToString());
            Assert.AreEqual((int)bound.EntriesPerYear, checkedEntries);
            Assert.AreEqual(0, opened);
        }
    }
}
