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
            int n = Size(20_000, 120_000);
            var f = new AccessFixture();
            var other = new AccessFixture(9);
            var random = new Random(1234);
            var c = new Credential();
            int[] perType = new int[6];
            int mutatedAccepted = 0, wrongKeyAccepted = 0;
            for (int i = 0; i < n; i++)
            {
                long start = AccessFixture.T0 + random.Next(-2000, 2000) * AccessFixture.Hour;
                int index = random.Next(16);
                int kind = random.Next(4);
                string code;
                bool longCode = kind != 0;
                long expectStart;
                switch (kind)
                {
                    case 0:
                        code = f.Issuer.OneTime(start, f.Policy.OneTimeHours[random.Next(f.Policy.OneTimeHours.Length)], index);
                        expectStart = start;
                        break;
                    case 1:
                        code = f.Issuer.Window(start, f.Policy.WindowHours[random.Next(f.Policy.WindowHours.Length)], index);
                        expectStart = start;
                        break;
                    case 2:
                        long day = start - (start - LockFirmware.Core.Common.LockTime.EarliestValidMs) % (24 * AccessFixture.Hour);
                        int from = random.Next(12);
                        code = f.Issuer.Weekly(day, f.Policy.WeeklyWeeks[random.Next(4)], WeeklyDays.EveryDay, from, f.Policy.WeeklySpanHours[random.Next(4)], index);
                        expectStart = day + from * AccessFixture.Hour;
                        break;
                    default:
                        code = f.Issuer.RevokeAll(start, index);
                        expectStart = start;
                        break;
                }

                // Decode exactly what was issued, at a time near the start.
                ulong value = ulong.Parse(code);
                long nowHour = CodeFormat.HourOf(expectStart + random.Next(0, 4) * AccessFixture.Hour);
                Assert.IsTrue(f.Issuer.Format.Open(longCode, value, out uint payload), "issued code does not open: " + code);
                Assert.IsTrue(f.Issuer.Format.Decode(longCode, payload, nowHour, c));
                Assert.AreEqual(index, c.Index);
                Assert.AreEqual(CodeFormat.HourOf(expectStart), c.StartHour);
                perType[(int)c.Type]++;

                // The same digits mean nothing under another lock's secret, nor with one digit changed.
                if (other.Issuer.Format.Open(longCode, value, out _)) wrongKeyAccepted++;
                char[] m = code.ToCharArray();
                int pos = random.Next(m.Length);
                m[pos] = (char)('0' + (m[pos] - '0' + 1 + random.Next(9)) % 10);
                if (f.Issuer.Format.Open(longCode, ulong.Parse(new string(m)), out uint mp) && f.Issuer.Format.Decode(longCode, mp, nowHour, c)) mutatedAccepted++;
            }

            Console.WriteLine($"round trip: {n} codes (one-time {perType[1]}, window {perType[2]}, weekly {perType[3]}, revoke-all {perType[4]}); wrong-key opens {wrongKeyAccepted}, mutated opens {mutatedAccepted}");
            // A random value has a valid tag with probability 1/T (T >= 15,000): over n tries a handful at most.
            double expected = n / 15000.0;
            Assert.IsTrue(wrongKeyAccepted <= expected * 4 + 5, "too many wrong-key tag matches: " + wrongKeyAccepted);
            Assert.IsTrue(mutatedAccepted <= expected * 4 + 5, "too many mutated tag matches: " + mutatedAccepted);
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
