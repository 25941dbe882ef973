using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Tests.Access;

namespace LockFirmware.Core.Tests.Host.Access
{
    /// <summary>Randomized issuer/verifier agreement. CI size by default; LOCKFW_FULL=1 for the full run.</summary>
    [TestClass]
    public class RoundTripTests
    {
        private static int Size(int ci, int full) => Environment.GetEnvironmentVariable("LOCKFW_FULL") == "1" ? full : ci;

        [TestMethod]
        public void RandomCodesOfEveryTypeRoundTrip()
        {
            int n = Size(100_000, 500_000);
            var f = new AccessFixture();
            var other = new AccessFixture(9);
            var random = new Random(1234);
            var c = new Credential();
            int[] perType = new int[6];
            int mutatedAccepted = 0, wrongKeyAccepted = 0, verifierEntries = 0;
            int[] verdicts = new int[32];
            var periodLock = new AccessFixture();
            int nextPeriodTried = 0, nextPeriodOpened = 0;
            double expectedNextPeriod = 0;
            for (int i = 0; i < n; i++)
            {
                long start = AccessFixture.T0 + random.Next(-2000, 2000) * AccessFixture.Hour;
                int index = random.Next(16);
                int kind = random.Next(4);
                string code;
                bool longCode = kind != 0;
                long expectStart;
                int hours;
                switch (kind)
                {
                    case 0:
                        hours = f.Policy.OneTimeHours[random.Next(f.Policy.OneTimeHours.Length)];
                        code = f.Issuer.OneTime(start, hours, index);
                        expectStart = start;
                        break;
                    case 1:
                        hours = f.Policy.WindowHours[random.Next(f.Policy.WindowHours.Length)];
                        code = f.Issuer.Window(start, hours, index);
                        expectStart = start;
                        break;
                    case 2:
                        long day = start - (start - LockFirmware.Core.Common.LockTime.EarliestValidMs) % (24 * AccessFixture.Hour);
                        int from = random.Next(12);
                        int weeks = f.Policy.WeeklyWeeks[random.Next(4)];
                        hours = weeks * 7 * 24;
                        code = f.Issuer.Weekly(day, weeks, WeeklyDays.EveryDay, from, f.Policy.WeeklySpanHours[random.Next(4)], index);
                        expectStart = day + from * AccessFixture.Hour;
                        break;
                    default:
                        hours = 0;
                        code = f.Issuer.RevokeAll(start, index);
                        expectStart = start;
                        break;
                }

                // Decode exactly what was issued, at a time near the start.
                ulong value = ulong.Parse(code);
                long nowHour = CodeFormat.HourOf(expectStart + random.Next(0, 4) * AccessFixture.Hour);
                Assert.IsTrue(f.Issuer.Format.Open(longCode, value, nowHour, c), "issued code does not open: " + code);
                Assert.AreEqual(index, c.Index);
                Assert.AreEqual(CodeFormat.HourOf(expectStart), c.StartHour);
                perType[(int)c.Type]++;

                // The same digits mean nothing under another lock's secret, nor with one digit changed.
                if (other.Issuer.Format.Open(longCode, value, nowHour, c)) wrongKeyAccepted++;
                char[] m = code.ToCharArray();
                int pos = random.Next(m.Length);
                m[pos] = (char)('0' + (m[pos] - '0' + 1 + random.Next(9)) % 10);
                string mutated = new string(m);
                if (f.Issuer.Format.Open(longCode, ulong.Parse(mutated), nowHour, c)) mutatedAccepted++;

                // The whole verifier, as at the door: the mutated code and the code under another lock at a time
                // the code is valid, and the code itself before its start and after its end, never open.
                long validAt = expectStart + random.Next(0, 60) * 60_000L;
                verifierEntries += 2;
                Count(verdicts, Door(f, mutated, validAt));
                Count(verdicts, Door(other, code, validAt));
                verifierEntries++;
                Count(verdicts, Door(f, code, expectStart - 1 - random.Next(0, 3) * AccessFixture.Hour));
                if (kind != 3)
                {
                    verifierEntries++;
                    Count(verdicts, Door(f, code, expectStart + hours * AccessFixture.Hour + random.Next(0, 48) * AccessFixture.Hour));
                }

                // The same digits one period of the start modulus later: the permutation of that period turns them
                // into an unrelated payload, so they are worth a blind guess. (A lock of the same secret of its own,
                // so that an opening, were there one, would change nothing else.)
                long periodHours = kind == 2 ? CodeFormat.DayModulus * 24 : kind == 3 ? CodeFormat.RevokeModulusHours : CodeFormat.StartModulusHours;
                AccessResult later = Door(periodLock, code, validAt + periodHours * AccessFixture.Hour);
                nextPeriodTried++;
                expectedNextPeriod += 1.0 / f.Issuer.Format.TagSpace(longCode);
                if (later == AccessResult.Accepted || later == AccessResult.RevokeApplied)
                {
                    nextPeriodOpened++;
                    periodLock = new AccessFixture();
                }
            }

            Console.WriteLine($"round trip: {n} codes (one-time {perType[1]}, window {perType[2]}, weekly {perType[3]}, revoke-all {perType[4]}); wrong-key opens {wrongKeyAccepted}, mutated opens {mutatedAccepted}");
            Console.Write($"verifier: {verifierEntries} wrong-key, mutated and wrong-time entries, none opened:");
            for (int r = 0; r < verdicts.Length; r++)
            {
                if (verdicts[r] > 0) Console.Write($" {(AccessResult)r} {verdicts[r]}");
            }

            Console.WriteLine();
            Assert.AreEqual(verifierEntries, Sum(verdicts));
            Assert.AreEqual(0, verdicts[(int)AccessResult.Accepted] + verdicts[(int)AccessResult.RevokeApplied], "a wrong-key, mutated or wrong-time code opened the lock");
            Console.WriteLine($"next period: {nextPeriodTried} codes tried one modulus period after their start, {nextPeriodOpened} opened (format v2 would open 1/T of them: {expectedNextPeriod:F1})");
            Assert.IsTrue(nextPeriodOpened <= 1, "old codes open a period later: " + nextPeriodOpened);
            // A random value has a valid tag with probability 1/T (T >= 15,000): over n tries a handful at most.
            double expected = n / 15000.0;
            Assert.IsTrue(wrongKeyAccepted <= expected * 4 + 5, "too many wrong-key tag matches: " + wrongKeyAccepted);
            Assert.IsTrue(mutatedAccepted <= expected * 4 + 5, "too many mutated tag matches: " + mutatedAccepted);
        }

        [TestMethod]
        public void AGenuineWeeklyCodeAtAUtcPlus14LockOpensInItsFirstHour()
        {
            // Second review, R5: Open compared a weekly credential's local hours with the UTC hour, so east of UTC a
            // rare false window-class match won over the genuine weekly code (this one, found by search).
            var f = new AccessFixture();
            f.Policy.LocalOffsetMinutes = 840;
            f.Reboot();
            const long E = LockFirmware.Core.Common.LockTime.EarliestValidMs;
            long day = 777;
            string code = f.Issuer.Weekly(E + day * 24 * AccessFixture.Hour, 13, WeeklyDays.EveryDay, 4, 4, 12);
            Assert.AreEqual("011373636037", code, "the case the search found");
            long nowHour = day * 24 + 4 - 14; // 04:00 local on its first day
            var c = new Credential();
            Assert.IsTrue(f.Issuer.Format.Open(true, ulong.Parse(code), nowHour, c));
            Assert.AreEqual(CredentialType.Weekly, c.Type, "decoded as " + c.Type + " starting at hour " + c.StartHour);
            Assert.AreEqual(AccessResult.Accepted, f.Enter(code, E + nowHour * AccessFixture.Hour + 30 * 60_000));
        }

        /// <summary>One entry at the door; the lockout is cleared after it so that every entry reaches verification.</summary>
        private static AccessResult Door(AccessFixture f, string code, long nowMs)
        {
            AccessResult result = f.Enter(code, nowMs);
            Assert.AreNotEqual(AccessResult.LockedOut, result);
            f.Verifier.ClearLockout(nowMs);
            return result;
        }

        private static void Count(int[] verdicts, AccessResult result) => verdicts[(int)result]++;

        private static int Sum(int[] a)
        {
            int s = 0;
            foreach (int x in a) s += x;
            return s;
        }

        [TestMethod]
        public void AcceptedCountMatchesTheBoundsAcceptableSetForShortCodes()
        {
            // Brute force over every short payload: how many would the lock accept at one moment? It must equal
            // the bound's A_short (the security argument counts exactly the lock's rules).
            var f = new AccessFixture();
            var bound = new SecurityBound(f.Policy);
            var c = new Credential();
            long nowHour = CodeFormat.HourOf(AccessFixture.T0) ;
            uint payloads = f.Issuer.Format.Payloads(false);
            long acceptable = 0;
            for (uint p = 0; p < payloads; p++)
            {
                f.Issuer.Format.Decode(false, p, nowHour, c);
                if (c.StartHour <= nowHour && nowHour < c.EndHour) acceptable++;
            }

            Console.WriteLine($"short payloads acceptable now: {acceptable} of {payloads}; bound A_short = {bound.ShortAcceptable}");
            Assert.AreEqual(bound.ShortAcceptable, acceptable);
        }
    }
}
