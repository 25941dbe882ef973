using LockFirmware.Core.Access;
using LockFirmware.Core.Storage;
using LockFirmware.Core.Tests.Access;
using LockFirmware.Core.Tests.Crypto;
using LockFirmware.Hal.Sim.Flash;

namespace LockFirmware.Core.Tests.Storage
{
    /// <summary>The access module on the real stores: used codes and the throttle survive pulling the battery.</summary>
    [TestClass]
    public class AccessOnFlashTests
    {
        private static AccessVerifier Boot(SimNorFlash flash, byte[] secret)
        {
            var settings = new SettingsStore(FlashLayout.Settings(flash));
            settings.Mount();
            var log = new EventLog(FlashLayout.Log(flash));
            log.Mount();
            var v = new AccessVerifier(AccessPolicy.Default(), TestCrypto.Create(), new SettingsAccessStore(settings), log);
            v.Load();
            v.Provision(secret);
            return v;
        }

        [TestMethod]
        public void UsedCodesAndLockoutSurviveAPowerCycle()
        {
            var flash = new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount);
            var f = new AccessFixture();
            byte[] code = AccessFixture.Ascii(f.Issuer.OneTime(AccessFixture.T0, 2, 0));
            var v = Boot(flash, f.Secret);
            Assert.AreEqual((int)AccessResult.Accepted, (int)v.Verify(code, 0, code.Length, AccessFixture.T0));
            v = Boot(flash, f.Secret);
            Assert.AreEqual((int)AccessResult.Replayed, (int)v.Verify(code, 0, code.Length, AccessFixture.T0 + 1000));
            byte[] wrong = AccessFixture.Ascii("0000000000");
            for (int i = 0; i < 5; i++) v.Verify(wrong, 0, wrong.Length, AccessFixture.T0 + 2000);
            v = Boot(flash, f.Secret);
            Assert.AreEqual((int)AccessResult.LockedOut, (int)v.Verify(wrong, 0, wrong.Length, AccessFixture.T0 + 3000));

            // And every verdict is in the event log.
            var log = new EventLog(FlashLayout.Log(flash));
            log.Mount();
            var r = new EventRecord();
            var c = log.ReadFrom(0);
            int accepted = 0, replayed = 0;
            while (c.Next(r))
            {
                if (r.Type == EventType.CodeAccepted) accepted++;
                if (r.Type == EventType.CodeRejectedReplayed) replayed++;
            }

            Assert.AreEqual(1, accepted);
            Assert.AreEqual(1, replayed);
        }
    }
}
