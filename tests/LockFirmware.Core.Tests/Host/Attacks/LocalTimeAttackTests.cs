using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Tests.Access;

namespace LockFirmware.Core.Tests.Host.Attacks
{
    /// <summary>Local time as an attack surface (issue 15, items 2, 7 and 8): offsets, summer time and the weekly schedule.</summary>
    [TestClass]
    public class LocalTimeAttackTests
    {
        private const long H = AccessFixture.Hour;
        private static byte Ok => (byte)AdminStatus.Ok;

        [TestMethod]
        public void AnInstallerCannotMoveWeeklySchedulesWithTheOffsetOrSummerTime()
        {
            // Item 2: a weekly 02:00-04:00 code refused at 14:05 UTC opened after `config set --utc-offset-minutes -720`.
            var rig = InstallerAttackTests.Provisioned(out byte[] secret);
            var codes = new CodeIssuer(AccessPolicy.Default(), rig.Crypto, secret);
            long today = rig.Now - rig.Now % LockTime.MsPerDay;
            byte[] code = AccessFixture.Ascii(codes.Weekly(today, 4, WeeklyDays.EveryDay, 2, 2, 0));
            rig.Core.EnterCode(code, 0, code.Length, rig.Now);
            Assert.AreEqual(AccessResult.OutsideSchedule, rig.Core.LastResult);

            var installer = rig.Connect(AdminRole.Installer, InstallerAttackTests.Installer);
            byte[] config = installer.Call(AdminCommand.GetConfig)[2..];
            byte[] west = (byte[])config.Clone();
            BitConverter.GetBytes((short)-720).CopyTo(west, 12);
            Assert.AreEqual((byte)AdminStatus.Denied, installer.Call(AdminCommand.SetConfig, west)[1]);
            byte[] summer = (byte[])config.Clone();
            summer[15] = (byte)LocalTime.UsDst;
            Assert.AreEqual((byte)AdminStatus.Denied, installer.Call(AdminCommand.SetConfig, summer)[1]);
            byte[] stricter = (byte[])config.Clone();
            stricter[9] = 4;
            Assert.AreEqual(Ok, installer.Call(AdminCommand.SetConfig, stricter)[1], "the rest of the configuration stays the installer's");

            rig.Core.EnterCode(code, 0, code.Length, rig.Now);
            Assert.AreEqual(AccessResult.OutsideSchedule, rig.Core.LastResult);
            var owner = rig.Connect(AdminRole.Owner, InstallerAttackTests.Owner);
            Assert.AreEqual(Ok, owner.Call(AdminCommand.SetConfig, west)[1], "the owner places the lock in time");
        }

        [TestMethod]
        public void AnOffsetChangeKeepsActivatedWeeklyCodes()
        {
            // Item 2: activations were keyed by the standard offset, so any change made every activated weekly code
            // fail with ActivationExpired, each refusal costing a throttle token.
            var f = new AccessFixture();
            long wednesday = AccessFixture.T0 - 14 * H;
            string code = f.Issuer.Weekly(wednesday, 4, WeeklyDays.EveryDay, 14, 4, 0);
            Assert.AreEqual(AccessResult.Accepted, f.Enter(code, AccessFixture.T0 + 10 * 60_000));
            f.Policy.LocalOffsetMinutes = 60; // the owner moves the lock an hour east
            f.Reboot();
            Assert.AreEqual(AccessResult.Accepted, f.Enter(code, AccessFixture.T0 + 24 * H - H + 10 * 60_000), "Thursday 14:10 local");
            f.Policy.DstRule = LocalTime.EuDst;
            f.Policy.LocalOffsetMinutes = -300;
            f.Reboot();
            Assert.AreEqual(AccessResult.Accepted, f.Enter(code, AccessFixture.T0 + 48 * H + 5 * H + 10 * 60_000), "Friday 14:10 local");
            Assert.AreEqual(f.Policy.FreeFailures, f.Verifier.Throttle.Remaining(AccessFixture.T0 + 49 * H + 5 * H));
        }

        [TestMethod]
        public void SummerTimeGivesWeeklyCodesNoExtraActivationHour()
        {
            // Item 7: under summer time the activation period ran 7 local hours (keyed on the standard grid).
            var f = new AccessFixture();
            f.Policy.LocalOffsetMinutes = 60;
            f.Policy.DstRule = LocalTime.EuDst;
            f.Reboot();
            long july1 = LocalTime.DaysFromCivil(2027, 7, 1) * LockTime.MsPerDay; // a Thursday, 02:00 local summer time is 00:00 UTC
            string code = f.Issuer.Weekly(july1, 4, WeeklyDays.EveryDay, 9, 12, 0);
            long localFifteen = july1 + 13 * H + 30 * 60_000; // 15:30 local (UTC+2): the 7th hour after 09:00
            Assert.AreEqual(AccessResult.ActivationExpired, f.Enter(code, localFifteen));
            Assert.AreEqual(AccessResult.Accepted, f.Enter(code, localFifteen - H), "14:30 local, the 6th hour");
        }

        [TestMethod]
        public void TheBoundCountsTheWorstHourOfEveryTimeZoneRule()
        {
            // Item 7: the bound must be an upper bound in summer too. Count with the real verifier, at the worst hour
            // of each rule, the weekly codes it would activate: never more than the bound's weekly term.
            var bound = new SecurityBound(AccessPolicy.Default());
            var zones = new[] { (LocalTime.NoDst, 0, new[] { Utc(2027, 7, 1, 0) }),
                                (LocalTime.EuDst, 60, new[] { Utc(2027, 7, 1, 0), Utc(2027, 3, 28, 0), Utc(2027, 10, 31, 0) }),
                                (LocalTime.UsDst, -300, new[] { Utc(2027, 7, 1, 0), Utc(2027, 3, 14, 0), Utc(2027, 11, 7, 0) }) };
            foreach (var (rule, offset, days) in zones)
            {
                int worst = 0;
                foreach (long day in days)
                {
                    for (int hour = 0; hour < 24; hour++)
                    {
                        worst = Math.Max(worst, CountNewWeekly(rule, offset, day + hour * H + 30 * 60_000));
                    }
                }

                // Each (from, span) pair stands for 3 day sets holding today, 4 lengths and 16 indexes.
                Assert.IsTrue(worst * 3 * 4 * AccessPolicy.Indexes <= bound.WeeklyAcceptable, $"rule {rule}: {worst} (from, span) pairs at the worst hour");
            }
        }

        // (from, span) pairs of weekly codes on every day, first day today, that the verifier activates at utcMs.
        private static int CountNewWeekly(int rule, int offsetMinutes, long utcMs)
        {
            var f = new AccessFixture();
            f.Policy.LocalOffsetMinutes = offsetMinutes;
            f.Policy.DstRule = rule;
            f.Policy.FreeFailures = 1000; // count verdicts, not the throttle
            f.Reboot();
            long localMs = utcMs + LocalTime.OffsetMinutes(offsetMinutes, rule, utcMs) * LockTime.MsPerMinute;
            long localDay = localMs - localMs % LockTime.MsPerDay;
            int accepted = 0;
            foreach (int span in AccessPolicy.Default().WeeklySpanHours)
            {
                for (int from = 0; from + span <= 24; from++)
                {
                    string code = f.Issuer.Weekly(localDay, 4, WeeklyDays.EveryDay, from, span, 0);
                    if (f.Enter(code, utcMs) == AccessResult.Accepted) accepted++;
                }
            }

            return accepted;
        }

        private static long Utc(int y, int m, int d, int h) => LocalTime.DaysFromCivil(y, m, d) * LockTime.MsPerDay + h * H;

        [TestMethod]
        public void HalfHourOffsetsAreRefusedNotFloored()
        {
            // Item 8: +05:30 was floored to +05:00, so a 09-13 weekly code was refused at 09:10 and accepted at 13:10.
            var rig = InstallerAttackTests.Provisioned(out _);
            var owner = rig.Connect(AdminRole.Owner, InstallerAttackTests.Owner);
            byte[] config = owner.Call(AdminCommand.GetConfig)[2..];
            foreach (short minutes in new short[] { 330, 345, 570, -210 })
            {
                BitConverter.GetBytes(minutes).CopyTo(config, 12);
                Assert.AreEqual((byte)AdminStatus.BadArguments, owner.Call(AdminCommand.SetConfig, config)[1], minutes + " min");
            }

            BitConverter.GetBytes((short)300).CopyTo(config, 12);
            Assert.AreEqual(Ok, owner.Call(AdminCommand.SetConfig, config)[1]);
            Assert.AreEqual(300, rig.Core.Policy.LocalOffsetMinutes);
        }
    }
}
