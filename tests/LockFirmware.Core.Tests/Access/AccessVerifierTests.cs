using LockFirmware.Core.Access;
using LockFirmware.Core.Storage;
using LockFirmware.Tests;

namespace LockFirmware.Core.Tests.Access
{
    [TestClass]
    public class AccessVerifierTests
    {
        private const long T0 = AccessFixture.T0;
        private const long H = AccessFixture.Hour;

        [TestMethod]
        public void OneTimeCodeOpensOnceInItsWindow()
        {
            var f = new AccessFixture();
            string code = f.Issuer.OneTime(T0, 2, 0);
            Assert.AreEqual(10, code.Length);
            Assert.AreEqual((int)AccessResult.NotYetValid, (int)f.Enter(code, T0 - 1));
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + 30 * 60000));
            Assert.AreEqual((int)CredentialType.OneTime, (int)f.Verifier.LastCredential.Type);
            Assert.AreEqual((int)AccessResult.Replayed, (int)f.Enter(code, T0 + 31 * 60000));
            Assert.AreEqual((int)EventType.CodeRejectedReplayed, (int)f.Log.Last);
        }

        [TestMethod]
        public void OldCodesDoNotComeBackOnePeriodLater()
        {
            // Starts travel modulo 8192 h (1024 days for weekly): the same digits a period later decode to a
            // credential valid then. The tag covers the full start, so they are refused (review finding F1).
            var f = new AccessFixture();
            string courier = f.Issuer.OneTime(T0, 2, 0);
            string cleaner = f.Issuer.Window(T0, 2160, 1);
            string weekly = f.Issuer.Weekly(T0 - 14 * H, 52, WeeklyDays.EveryDay, 8, 12, 2);
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(courier, T0 + 30 * 60000));
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(cleaner, T0 + H));
            Assert.IsTrue(f.Verifier.RevokeStartedBefore(CodeFormat.HourOf(T0) + 1000, T0 + 1000 * H));
            f.Reboot();

            long period = CodeFormat.StartModulusHours * H;
            Assert.AreEqual((int)AccessResult.WrongCode, (int)f.Enter(courier, T0 + period + 30 * 60000));
            Assert.AreEqual((int)AccessResult.WrongCode, (int)f.Enter(cleaner, T0 + period + H));
            long weeklyPeriod = CodeFormat.DayModulus * 24 * H;
            Assert.AreEqual((int)AccessResult.WrongCode, (int)f.Enter(weekly, T0 - 14 * H + weeklyPeriod + 10 * H));
        }

        [TestMethod]
        public void OneTimeCodeExpiresAtItsEnd()
        {
            var f = new AccessFixture();
            string code = f.Issuer.OneTime(T0, 1, 3);
            Assert.AreEqual((int)AccessResult.Expired, (int)f.Enter(code, T0 + H));
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + H - 1));
        }

        [TestMethod]
        public void ReplayIsRefusedAfterReboot()
        {
            var f = new AccessFixture();
            string code = f.Issuer.OneTime(T0, 4, 5);
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + H));
            f.Reboot();
            Assert.AreEqual((int)AccessResult.Replayed, (int)f.Enter(code, T0 + 2 * H));
        }

        [TestMethod]
        public void ReplayNeverWorksTwiceWhateverSaveFails()
        {
            // Fail each save in turn (a flash failure at each durable step), reboot, and try the code again
            // at every later moment: across all of it the code opens at most once.
            for (int failAt = 0; failAt < 4; failAt++)
            {
                var f = new AccessFixture();
                string code = f.Issuer.OneTime(T0, 8, 1);
                f.Store.FailAt = failAt;
                int opens = 0;
                for (int attempt = 0; attempt < 4; attempt++)
                {
                    AccessResult r = f.Enter(code, T0 + attempt * H);
                    if (r == AccessResult.Accepted)
                    {
                        opens++;
                    }
                    else
                    {
                        Assert.IsTrue(r == AccessResult.Replayed || r == AccessResult.StoreFailed, "unexpected " + r.ToString());
                    }

                    f.Reboot();
                }

                Assert.AreEqual(1, opens);
            }
        }

        [TestMethod]
        public void StoreFailureRefusesRatherThanOpens()
        {
            var f = new AccessFixture();
            string code = f.Issuer.OneTime(T0, 2, 2);
            f.Store.FailAt = f.Store.Saves + 1; // the entry's throttle charge is saved first, then its use
            Assert.AreEqual((int)AccessResult.StoreFailed, (int)f.Enter(code, T0));
            Assert.AreEqual(0, f.Verifier.UsedCodeCount);
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + 1));
        }

        [TestMethod]
        public void AnEntryIsChargedToTheThrottleBeforeItIsChecked()
        {
            // Review note: the failure used to be saved after the verdict was logged, so a power cut between the two
            // gave a free guess. Now the charge is durable before any verdict exists, and an opening gets it back.
            var f = new AccessFixture();
            int before = f.Verifier.Throttle.Remaining(T0);
            int savedAtVerdict = -1;
            f.Log.Appending = () =>
            {
                byte[] raw = f.Store.Raw(AccessRecord.Throttle);
                if (savedAtVerdict < 0 && raw != null) savedAtVerdict = raw[0] | (raw[1] << 8);
            };
            Assert.AreEqual((int)AccessResult.WrongCode, (int)f.Enter("1234567890", T0));
            Assert.AreEqual(before - 1, savedAtVerdict, "the charge must be on flash when the verdict is logged");

            f.Log.Appending = null;
            string code = f.Issuer.OneTime(T0, 2, 1);
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + 1));
            f.Reboot();
            Assert.AreEqual(before - 1, f.Verifier.Throttle.Remaining(T0 + 2), "an opening costs nothing");
        }

        [TestMethod]
        public void AGuessWhoseChargeIsNotDurableIsNotEvaluated()
        {
            // Second review, R2: a failed save of the charge left it in RAM only, and the guess was still checked.
            var f = new AccessFixture();
            f.Store.FailAt = f.Store.Saves; // the next save: the charge
            Assert.AreEqual((int)AccessResult.StoreFailed, (int)f.Enter("1234567890", T0));
        }

        [TestMethod]
        public void EntriesAnyoneCanTypeCannotFloodTheLog()
        {
            // Second review, R4: wrong-form and locked-out entries were one log record each, without limit.
            var f = new AccessFixture();
            for (int i = 0; i < f.Policy.FreeFailures; i++) f.Enter("1111111111", T0);
            int before = f.Log.Count;
            for (int i = 0; i < 1000; i++) f.Enter("1", T0 + i * 3000L); // 50 minutes of typing "1"
            Assert.IsTrue(f.Log.Count - before <= RejectionLog.Burst, (f.Log.Count - before) + " records in under an hour");
            f.Enter("1", T0 + RejectionLog.WindowMs + 3_000_000L);
            Assert.AreEqual((int)EventType.RejectionsSuppressed, (int)f.Log.TypeAt(f.Log.Count - 2));
            Assert.AreEqual((uint)(1000 - RejectionLog.Burst), f.Log.DataAt(f.Log.Count - 2));
        }

        [TestMethod]
        public void AStricterThrottleAppliesAtOnce()
        {
            var f = new AccessFixture();
            Assert.AreEqual(5, f.Verifier.Throttle.Remaining(T0));
            f.Policy.FreeFailures = 2; // SetConfig may only make it stricter
            Assert.AreEqual(2, f.Verifier.Throttle.Remaining(T0));
            f.Enter("1111111111", T0);
            f.Enter("2222222222", T0);
            Assert.AreEqual((int)AccessResult.LockedOut, (int)f.Enter("3333333333", T0));
        }

        [TestMethod]
        public void WrongLockRefusesTheCode()
        {
            var a = new AccessFixture(1);
            var b = new AccessFixture(2);
            string code = a.Issuer.OneTime(T0, 2, 0);
            Assert.AreEqual((int)AccessResult.WrongCode, (int)b.Enter(code, T0 + H));
        }

        [TestMethod]
        public void EveryOneDigitMutationIsRefused()
        {
            var f = new AccessFixture();
            string code = f.Issuer.OneTime(T0, 8, 7);
            for (int pos = 0; pos < code.Length; pos++)
            {
                for (int d = 1; d < 10; d++)
                {
                    char[] c = code.ToCharArray();
                    c[pos] = (char)('0' + (c[pos] - '0' + d) % 10);
                    AccessResult r = f.Enter(new string(c), T0 + H);
                    Assert.IsFalse(r == AccessResult.Accepted, "mutation accepted at " + pos.ToString());
                    f.Verifier.ClearLockout(T0);
                }
            }
        }

        [TestMethod]
        public void MaskingDigitsBeforeTheCodeAreAllowedUpToSix()
        {
            var f = new AccessFixture();
            string code = f.Issuer.OneTime(T0, 2, 9);
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter("123456" + code, T0 + H));
            string other = f.Issuer.OneTime(T0, 2, 10);
            Assert.IsFalse(f.Enter("1234567" + other, T0 + H) == AccessResult.Accepted);
        }

        [TestMethod]
        public void BadInputGetsItsOwnResultAndNeverThrows()
        {
            var f = new AccessFixture();
            Assert.AreEqual((int)AccessResult.NotDigits, (int)f.Enter("12345abcde", T0));
            Assert.AreEqual((int)AccessResult.TooShort, (int)f.Enter("", T0));
            Assert.AreEqual((int)AccessResult.TooShort, (int)f.Enter("123456789", T0));
            string huge = "";
            for (int i = 0; i < 100; i++)
            {
                huge += "9";
            }

            Assert.AreEqual((int)AccessResult.TooLong, (int)f.Enter(huge, T0));
            Assert.AreEqual((int)AccessResult.NotDigits, (int)f.Verifier.Verify(null, 0, 0, T0));
            Assert.AreEqual((int)AccessResult.NotDigits, (int)f.Verifier.Verify(new byte[4], 2, 10, T0));
            Assert.AreEqual((int)EventType.CodeRejectedFormat, (int)f.Log.Last);
        }

        [TestMethod]
        public void UnprovisionedLockRefusesEverything()
        {
            var f = new AccessFixture();
            var v = new AccessVerifier(f.Policy, f.Crypto, new Fakes.MemoryAccessStore(), f.Log);
            byte[] code = AccessFixture.Ascii(f.Issuer.OneTime(T0, 2, 0));
            Assert.AreEqual((int)AccessResult.Unprovisioned, (int)v.Verify(code, 0, code.Length, T0));
        }

        [TestMethod]
        public void ClockUnknownRefusesCodesButNotPins()
        {
            var f = new AccessFixture();
            string code = f.Issuer.OneTime(T0, 2, 0);
            Assert.AreEqual((int)AccessResult.ClockUnknown, (int)f.Enter(code, 5000));
            byte[] pin = AccessFixture.Ascii("2468013579");
            Assert.AreEqual(0, f.Verifier.AddPin(pin, 0, pin.Length));
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Verifier.Verify(pin, 0, pin.Length, 5000));
            Assert.AreEqual((int)CredentialType.OwnerPin, (int)f.Verifier.LastCredential.Type);
        }

        [TestMethod]
        public void PinsAreStoredAsDigestsNotDigits()
        {
            var f = new AccessFixture();
            byte[] pin = AccessFixture.Ascii("1357924680");
            Assert.AreEqual(0, f.Verifier.AddPin(pin, 0, pin.Length));
            byte[] raw = f.Store.Raw(AccessRecord.OwnerPins);
            Assert.IsNotNull(raw);
            for (int i = 0; i + 4 <= raw.Length; i++)
            {
                bool same = raw[i] == pin[0] && raw[i + 1] == pin[1] && raw[i + 2] == pin[2] && raw[i + 3] == pin[3];
                Assert.IsFalse(same, "PIN digits found in the stored record");
            }

            f.Reboot();
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter("99" + "1357924680", T0));
            Assert.AreEqual(-1, f.Verifier.AddPin(AccessFixture.Ascii("12345"), 0, 5));
            Assert.IsTrue(f.Verifier.RemovePin(0));
            Assert.AreEqual((int)AccessResult.WrongCode, (int)f.Enter("1357924680", T0));
        }

        [TestMethod]
        public void WindowCodeMustBeActivatedThenWorksUntilItsEnd()
        {
            var f = new AccessFixture();
            string code = f.Issuer.Window(T0, 168, 0);
            Assert.AreEqual(12, code.Length);
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + 2 * H));
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + 100 * H));
            f.Reboot();
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + 167 * H));
            Assert.AreEqual((int)AccessResult.Expired, (int)f.Enter(code, T0 + 168 * H));

            string late = f.Issuer.Window(T0, 168, 1);
            Assert.AreEqual((int)AccessResult.ActivationExpired, (int)f.Enter(late, T0 + 7 * H));
        }

        [TestMethod]
        public void WeeklyCodeFollowsItsSchedule()
        {
            var f = new AccessFixture();
            long wednesday = T0 - 14 * H; // 2026-11-25 00:00 UTC (local = UTC by default)
            string code = f.Issuer.Weekly(wednesday, 4, WeeklyDays.Weekdays, 14, 4, 0);
            Assert.AreEqual((int)AccessResult.NotYetValid, (int)f.Enter(code, T0 - H));
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + H));
            Assert.AreEqual((int)AccessResult.OutsideSchedule, (int)f.Enter(code, T0 + 5 * H));
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + 24 * H));      // Thursday 14:00
            Assert.AreEqual((int)AccessResult.OutsideSchedule, (int)f.Enter(code, T0 + 72 * H)); // Saturday
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, T0 + 120 * H + 3 * H)); // Monday 17:00
            Assert.AreEqual((int)AccessResult.Expired, (int)f.Enter(code, T0 + 28 * 24 * H));
            Expect.Throws(typeof(System.ArgumentException), () => f.Issuer.Weekly(wednesday, 4, WeeklyDays.Weekend, 14, 4, 0));
        }

        [TestMethod]
        public void WeeklyCodeFollowsLocalSummerTime()
        {
            // A lock in Central Europe (UTC+1, EU rule): 09:00-13:00 local every day, 52 weeks from 2026-11-25.
            var f = new AccessFixture();
            f.Policy.LocalOffsetMinutes = 60;
            f.Policy.DstRule = LockFirmware.Core.Common.LocalTime.EuDst;
            long day = T0 - 14 * H;
            string code = f.Issuer.Weekly(day, 52, WeeklyDays.EveryDay, 9, 4, 0);
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, day + 8 * H + H / 2));       // 09:30 CET in November
            long july = day + 224L * 24 * H;                                                           // 2027-07-07
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(code, july + 7 * H + H / 2));     // 07:30 UTC = 09:30 CEST
            Assert.AreEqual((int)AccessResult.OutsideSchedule, (int)f.Enter(code, july + 11 * H + H / 2)); // 13:30 CEST
        }

        [TestMethod]
        public void RevokeAllRefusesEveryEarlierCode()
        {
            var f = new AccessFixture();
            string early = f.Issuer.OneTime(T0, 8, 0);
            string window = f.Issuer.Window(T0, 720, 0);
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(window, T0));
            string revoke = f.Issuer.RevokeAll(T0 + 2 * H, 0);
            Assert.AreEqual((int)AccessResult.RevokeApplied, (int)f.Enter(revoke, T0 + 3 * H));
            Assert.AreEqual((int)AccessResult.Revoked, (int)f.Enter(early, T0 + 4 * H));
            Assert.AreEqual((int)AccessResult.Revoked, (int)f.Enter(window, T0 + 4 * H));
            Assert.AreEqual((int)AccessResult.Revoked, (int)f.Enter(revoke, T0 + 4 * H));
            string later = f.Issuer.OneTime(T0 + 4 * H, 2, 0);
            f.Reboot();
            Assert.AreEqual((int)AccessResult.Revoked, (int)f.Enter(early, T0 + 5 * H));
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(later, T0 + 5 * H));
        }

        [TestMethod]
        public void ThrottleLocksAfterFreeFailuresAndSurvivesReboot()
        {
            var f = new AccessFixture();
            string good = f.Issuer.OneTime(T0, 8, 0);
            for (int i = 0; i < f.Policy.FreeFailures; i++)
            {
                Assert.AreEqual((int)AccessResult.WrongCode, (int)f.Enter("0000000000", T0 + i));
            }

            Assert.IsTrue(f.Log.Contains(EventType.LockoutStarted));
            Assert.AreEqual((int)AccessResult.LockedOut, (int)f.Enter(good, T0 + 10));
            f.Reboot();
            Assert.AreEqual((int)AccessResult.LockedOut, (int)f.Enter(good, T0 + H));
            // One more entry after the refill period; the owner's clear restores all.
            long refill = f.Policy.RefillHours * H;
            Assert.AreEqual((int)AccessResult.WrongCode, (int)f.Enter("0000000000", T0 + refill + 5));
            Assert.AreEqual((int)AccessResult.LockedOut, (int)f.Enter("0000000000", T0 + refill + 6));
            Assert.IsTrue(f.Verifier.ClearLockout(T0 + 2 * H));
            string fresh = f.Issuer.OneTime(T0 + 2 * H, 2, 0);
            Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(fresh, T0 + 2 * H + 1));
        }

        [TestMethod]
        public void ClockGoingBackwardsRefillsNothing()
        {
            var f = new AccessFixture();
            for (int i = 0; i < f.Policy.FreeFailures; i++)
            {
                f.Enter("0000000000", T0);
            }

            Assert.AreEqual((int)AccessResult.LockedOut, (int)f.Enter("0000000000", 1000));
            Assert.AreEqual((int)AccessResult.LockedOut, (int)f.Enter("0000000000", T0 + H));
        }

        [TestMethod]
        public void SixteenDistinctCodesForTheSameWindow()
        {
            var f = new AccessFixture();
            string[] codes = new string[16];
            for (int i = 0; i < 16; i++)
            {
                codes[i] = f.Issuer.OneTime(T0, 4, i);
                for (int j = 0; j < i; j++)
                {
                    Assert.IsFalse(codes[i] == codes[j]);
                }
            }

            for (int i = 0; i < 16; i++)
            {
                Assert.AreEqual((int)AccessResult.Accepted, (int)f.Enter(codes[i], T0 + H));
                Assert.AreEqual(i, f.Verifier.LastCredential.Index);
            }
        }

        [TestMethod]
        public void IssuerRejectsParametersTheFormatCannotCarry()
        {
            var f = new AccessFixture();
            Expect.Throws(typeof(System.ArgumentException), () => f.Issuer.OneTime(T0, 3, 0));
            Expect.Throws(typeof(System.ArgumentException), () => f.Issuer.OneTime(T0 + 1, 2, 0));
            Expect.Throws(typeof(System.ArgumentException), () => f.Issuer.OneTime(T0, 2, 16));
            Expect.Throws(typeof(System.ArgumentException), () => f.Issuer.OneTime(1000, 2, 0));
            Expect.Throws(typeof(System.ArgumentException), () => new CodeIssuer(f.Policy, f.Crypto, new byte[31]));
        }
    }
}
