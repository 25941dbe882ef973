using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using LockFirmware.Core.Lock;
using LockFirmware.LockSim;

namespace LockFirmware.LockCtl.Tests
{
    /// <summary>LockCtl against a LockSim serving the BLE protocol on loopback TCP, as an installer and owner would use them.</summary>
    [TestClass]
    public class EndToEndTests
    {
        private static string Hex(string path, string hex)
        {
            File.WriteAllText(path, hex + "\n");
            return path;
        }

        internal sealed class Site : IDisposable
        {
            public readonly Server Server;
            public readonly string Dir = Path.Combine(Path.GetTempPath(), "lockctl-e2e-" + Guid.NewGuid().ToString("N"));
            public readonly string Secret, Installer, Owner, KeypadKey;

            public Site()
            {
                Directory.CreateDirectory(Dir);
                Secret = Hex(Path.Combine(Dir, "secret.hex"), "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
                Installer = Hex(Path.Combine(Dir, "installer.key"), "11111111111111111111111111111111");
                Owner = Hex(Path.Combine(Dir, "owner.key"), "22222222222222222222222222222222");
                KeypadKey = Hex(Path.Combine(Dir, "keypad.key"), "33333333333333333333333333333333");
                Server = new Server(SimLock.Fresh(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), 0);
                Server.OpenSetupWindow();
                Server.Start();
            }

            public string Target => Server.Target;
            public string SetupKey { get { lock (Server.Sim) return Convert.ToHexString(Server.Sim.Core.SetupKey); } }

            public (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

            public (int Code, string Out, string Err) Owner_(params string[] args)
            {
                var all = new string[args.Length + 4];
                args.CopyTo(all, 0);
                all[args.Length] = "--target"; all[args.Length + 1] = Target;
                all[args.Length + 2] = "--key-file"; all[args.Length + 3] = Owner;
                return CliRunner.Run(all);
            }

            public LockState State { get { lock (Server.Sim) return Server.Sim.State; } }

            public void WaitFor(Func<bool> condition, string what)
            {
                var watch = Stopwatch.StartNew();
                while (!condition())
                {
                    if (watch.ElapsedMilliseconds > 30_000) Assert.Fail("timed out waiting for " + what); // generous: CI machines run test assemblies in parallel
                    Thread.Sleep(20);
                }
            }

            public void Dispose()
            {
                Server.Dispose();
                Directory.Delete(Dir, true);
            }
        }

        private static void Ok((int Code, string Out, string Err) r)
        {
            Assert.AreEqual(0, r.Code, r.Out + r.Err);
        }

        [TestMethod]
        public void ProvisionRegisterKeypadDeliverAndPullTheLog()
        {
            using var site = new Site();
            Ok(site.Run("provision", "--target", site.Target, "--setup-key", site.SetupKey, "--secret-file", site.Secret,
                "--installer-key-file", site.Installer, "--owner-key-file", site.Owner));
            Ok(site.Run("time", "set", "now", "--target", site.Target, "--role", "owner", "--key-file", site.Owner));
            Ok(site.Run("keypad", "add", "--id", "4", "--keypad-key-file", site.KeypadKey, "--target", site.Target, "--role", "installer", "--key-file", site.Installer));

            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            string hour = DateTimeOffset.FromUnixTimeMilliseconds(now - now % 3_600_000).ToString("yyyy-MM-ddTHH:00Z");
            var issued = site.Run("code", "issue", "--secret-file", site.Secret, "--type", "one-time", "--start", hour, "--hours", "2");
            Ok(issued);
            string code = issued.Out.Trim();

            var entered = site.Run("keypad", "enter", code, "--id", "4", "--keypad-key-file", site.KeypadKey, "--target", site.Target);
            Ok(entered);
            StringAssert.Contains(entered.Out, "verdict: Accepted (Accepted)", "the lock's sealed verdict came back to the keypad");
            site.WaitFor(() => site.State == LockState.Unlocked, "the bolt to retract");

            var status = site.Owner_("status");
            Ok(status);
            StringAssert.Contains(status.Out, "provisioned  yes, keypads 1");

            string csv = Path.Combine(site.Dir, "log.csv");
            Ok(site.Owner_("log", "pull", "--out", csv));
            string log = File.ReadAllText(csv);
            StringAssert.Contains(log, "Provisioned");
            StringAssert.Contains(log, "CodeAccepted");
            StringAssert.Contains(log, "BoltRetracted");

            var json = site.Owner_("log", "pull", "--format", "json", "--since", "3");
            Ok(json);
            StringAssert.Contains(json.Out, "\"events\"");
        }

        [TestMethod]
        public void AnInstallerPairsTheKeypadAtTheDoorWithLockctl()
        {
            // lockctl opens pairing over the admin session; the keypad at the simulated door (KeypadCore, the keypad
            // firmware's logic) takes the code and pairs over its radio with the same lock.
            using var site = new Site();
            Ok(site.Run("provision", "--target", site.Target, "--setup-key", site.SetupKey, "--secret-file", site.Secret,
                "--installer-key-file", site.Installer, "--owner-key-file", site.Owner));
            var pair = site.Run("keypad", "pair", "--target", site.Target, "--role", "installer", "--key-file", site.Installer);
            Ok(pair);
            StringAssert.Contains(pair.Out, "pairing open for 5 minutes: keypad id 1");
            string[] lines = pair.Out.Trim().Split('\n');
            string code = lines[^1].Replace(" ", "").Trim();
            Assert.AreEqual(20, code.Length, pair.Out);

            lock (site.Server.Sim)
            {
                SimKeypad keypad = site.Server.Sim.Keypad;
                keypad.HoldStarHash(LockFirmware.Core.Keypad.KeypadCore.PairingHoldMs);
                keypad.Press(code + "#");
                Assert.AreEqual(LockFirmware.Core.Keypad.KeypadVerdict.Paired, keypad.Core.Verdict);
            }

            StringAssert.Contains(site.Owner_("status").Out, "keypads 1");
        }

        [TestMethod]
        public void OwnerLockUnlockRevokeAndFactoryReset()
        {
            using var site = new Site();
            Ok(site.Run("provision", "--target", site.Target, "--setup-key", site.SetupKey, "--secret-file", site.Secret,
                "--installer-key-file", site.Installer, "--owner-key-file", site.Owner));
            Ok(site.Owner_("unlock"));
            site.WaitFor(() => site.State == LockState.Unlocked, "unlock");
            Ok(site.Owner_("lock"));
            site.WaitFor(() => site.State == LockState.Locked, "lock");
            Ok(site.Owner_("revoke"));
            Ok(site.Owner_("pin", "add", "4444333322"));

            var refused = site.Run("unlock", "--target", site.Target, "--role", "installer", "--key-file", site.Installer);
            Assert.AreEqual(2, refused.Code);
            StringAssert.Contains(refused.Err, "refused 'Unlock': Denied");

            site.Server.OpenSetupWindow();
            Ok(site.Owner_("reset"));
            var after = site.Owner_("status");
            Assert.AreEqual(2, after.Code, "owner key is gone after a factory reset");
        }

        [TestMethod]
        public void AttackersAreRefusedAndTheThrottleHolds()
        {
            using var site = new Site();
            Ok(site.Run("provision", "--target", site.Target, "--setup-key", site.SetupKey, "--secret-file", site.Secret,
                "--installer-key-file", site.Installer, "--owner-key-file", site.Owner));

            // No key: a made-up owner key.
            string wrong = Hex(Path.Combine(site.Dir, "wrong.key"), "99999999999999999999999999999999");
            var r = site.Run("unlock", "--target", site.Target, "--key-file", wrong);
            Assert.AreEqual(2, r.Code);
            StringAssert.Contains(r.Err, "handshake failed");

            // An attacker who answers the challenge anyway, with a made-up proof: refused and logged by the lock.
            using (var raw = new LockFirmware.Hal.Sim.Ble.LoopbackClient(site.Server.Port))
            {
                byte[] hello = new byte[18];
                hello[0] = 0x01;
                hello[1] = 2;
                raw.Send(1, hello, 18);
                Assert.AreEqual(33, raw.Receive().Length);
                byte[] proof = new byte[17];
                proof[0] = 0x03;
                raw.Send(1, proof, 17);
                byte[] error = raw.Receive();
                Assert.AreEqual(0x7F, error[0]);
            }

            // A keypad that was never registered, typing a real-looking code five times.
            for (int i = 0; i < 5; i++)
            {
                Ok(site.Run("keypad", "enter", "1234567890", "--id", "9", "--keypad-key-file", site.KeypadKey, "--counter", (100 + i).ToString(), "--no-wait", "--target", site.Target));
            }

            site.WaitFor(() => { lock (site.Server.Sim) return site.Server.Sim.Core.Controller.LockedOut; }, "the throttle to lock the keypad");
            Thread.Sleep(3000); // the handshake back-off from the failed attempt above
            string csv = Path.Combine(site.Dir, "log.csv");
            Ok(site.Owner_("log", "pull", "--out", csv));
            string log = File.ReadAllText(csv);
            StringAssert.Contains(log, "KeypadEntryRejected");
            StringAssert.Contains(log, "AdminSessionFailed");
            StringAssert.Contains(log, "LockoutStarted");
            Assert.AreEqual(LockState.Locked, site.State);
        }

        [TestMethod]
        public void UnreachableLocksAndBadTargetsAreClearErrors()
        {
            var r = CliRunner.Run("status", "--target", "sim://127.0.0.1:1", "--key-file", "/nonexistent");
            Assert.AreEqual(2, r.Code);
            r = CliRunner.Run("status", "--target", "bluetooth-somewhere");
            Assert.AreEqual(2, r.Code);
            StringAssert.Contains(r.Err, "sim://127.0.0.1:PORT");
            r = CliRunner.Run("status", "--target", "ble://AA:BB:CC");
            StringAssert.Contains(r.Err, "ESP32 GATT binding");
        }
    }
}
