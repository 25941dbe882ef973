using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Core.Tests.Access;
using LockFirmware.Core.Tests.Host.Protocol;

namespace LockFirmware.Core.Tests.Host.Attacks
{
    /// <summary>Attacks of a dishonest installer (issue 15): each reproduces the reviewer's attack on the lock's admin channel.</summary>
    [TestClass]
    public class InstallerAttackTests
    {
        internal static readonly byte[] Installer = Convert.FromHexString("11111111111111111111111111111111");
        internal static readonly byte[] Owner = Convert.FromHexString("22222222222222222222222222222222");
        private const long Hour = 3_600_000L;
        private static byte Ok => (byte)AdminStatus.Ok;

        internal static AdminRig Provisioned(out byte[] secret)
        {
            var rig = new AdminRig();
            rig.OpenSetupWindow();
            var s = rig.Connect(AdminRole.Setup, rig.Core.SetupKey);
            secret = new AccessFixture().Secret;
            Assert.AreEqual(Ok, s.Call(AdminCommand.ProvisionSecret, secret)[1]);
            Assert.AreEqual(Ok, s.Call(AdminCommand.SetRoleKey, Cat(new byte[] { 1 }, Installer))[1]);
            Assert.AreEqual(Ok, s.Call(AdminCommand.SetRoleKey, Cat(new byte[] { 2 }, Owner))[1]);
            rig.Advance(200_000); // the setup window closes
            return rig;
        }

        internal static byte[] Cat(byte[] a, byte[] b)
        {
            byte[] c = new byte[a.Length + b.Length];
            a.CopyTo(c, 0);
            b.CopyTo(c, a.Length);
            return c;
        }

        [TestMethod]
        public void FloodingTheLogDoesNotLetAnInstallerSetALostClockIntoThePast()
        {
            // Issue 15, item 1: ~5,200 Info commands pushed every well-timed record out of the log, the floor read
            // from the log fell to nothing, and a one-time code refused as Expired at 14:01 opened at "11:30".
            var rig = Provisioned(out byte[] secret);
            var codes = new CodeIssuer(AccessPolicy.Default(), rig.Crypto, secret);
            long t = rig.Now - rig.Now % Hour;                   // 14:00
            byte[] code = AccessFixture.Ascii(codes.OneTime(t - 3 * Hour, 2, 0)); // 11:00-13:00
            rig.Advance(60_000);
            rig.Core.EnterCode(code, 0, code.Length, rig.Now);
            Assert.AreEqual(AccessResult.Expired, rig.Core.LastResult);

            rig.Clock.NowMs = 5000; // power lost without time
            rig.Boot();
            var installer = rig.Connect(AdminRole.Installer, Installer);
            for (int i = 0; i < 5200; i++)
            {
                installer.Call(AdminCommand.Info);
            }

            Assert.AreEqual((byte)AdminStatus.Denied, installer.Call(AdminCommand.SetTime, BitConverter.GetBytes(t - 2 * Hour - 30 * 60_000L))[1]);
            rig.Core.EnterCode(code, 0, code.Length, rig.Now);
            Assert.AreNotEqual(AccessResult.Accepted, rig.Core.LastResult, "an expired code opened after the clock was set back");
        }

        [TestMethod]
        public void AnInstallersCommandsCannotEraseTheOwnersHistory()
        {
            // Issue 15, item 1: every admin command wrote a record with no limit, so an installer could flush the log.
            var rig = Provisioned(out _);
            var owner = rig.Connect(AdminRole.Owner, Owner);
            Assert.AreEqual(Ok, owner.Call(AdminCommand.Unlock)[1]);
            uint unlockSeq = rig.Core.Log.NextSequence - 1;
            rig.Advance(60_000);
            var installer = rig.Connect(AdminRole.Installer, Installer);
            byte[] config = installer.Call(AdminCommand.GetConfig)[2..];
            for (int i = 0; i < 3000; i++)
            {
                installer.Call(AdminCommand.Info);
                installer.Call(AdminCommand.SetConfig, config);
                installer.Call(AdminCommand.Unlock); // denied: logged as a refusal
                if (i % 500 == 0)
                {
                    installer = rig.Connect(AdminRole.Installer, Installer); // sessions opened are records too
                }
            }

            rig.Advance(RejectionLog.WindowMs + 1000);
            Assert.IsTrue(rig.Core.Log.NextSequence - unlockSeq < 200, "an installer's commands wrote " + (rig.Core.Log.NextSequence - unlockSeq) + " records");
            var cursor = rig.Core.Log.ReadFrom(unlockSeq);
            var r = new EventRecord();
            Assert.IsTrue(cursor.Next(r));
            Assert.AreEqual(unlockSeq, r.Sequence, "the owner's unlock is still in the log");
            uint coalesced = 0;
            while (cursor.Next(r)) if (r.Type == EventType.AdminRecordsSuppressed) coalesced += r.Data;
            Assert.IsTrue(coalesced > 8000, "the records left out are counted: " + coalesced);
        }

        [TestMethod]
        public void TheTrustedTimeFloorSurvivesRebootsAndOnlyTheOwnerLowersIt()
        {
            var rig = Provisioned(out _);
            long t = rig.Now;
            rig.Advance(2 * Hour);
            rig.Clock.NowMs = 5000;
            rig.Boot();
            var installer = rig.Connect(AdminRole.Installer, Installer);
            Assert.AreEqual((byte)AdminStatus.Denied, installer.Call(AdminCommand.SetTime, BitConverter.GetBytes(t + Hour / 2))[1], "below the hour the lock last ran in");
            var owner = rig.Connect(AdminRole.Owner, Owner);
            Assert.AreEqual(Ok, owner.Call(AdminCommand.SetTime, BitConverter.GetBytes(t))[1], "the owner may set any time");
            rig.Clock.NowMs = 5000;
            rig.Boot();
            installer = rig.Connect(AdminRole.Installer, Installer);
            Assert.AreEqual(Ok, installer.Call(AdminCommand.SetTime, BitConverter.GetBytes(t + Hour / 2))[1], "the owner's setting is the new floor");
        }
    }
}
