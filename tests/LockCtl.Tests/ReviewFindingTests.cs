using System;
using System.IO;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.LockCtl.Remote;

namespace LockFirmware.LockCtl.Tests
{
    /// <summary>lockctl faults found by the attack review (issue 15, items 9, 10, 11 and 18).</summary>
    [TestClass]
    public class ReviewFindingTests
    {
        private static void NoStackTrace((int Code, string Out, string Err) r)
        {
            Assert.AreEqual(2, r.Code, r.Out + r.Err);
            StringAssert.StartsWith(r.Err, "lockctl: ");
            Assert.IsFalse(r.Err.Contains("   at "), r.Err);
        }

        [TestMethod]
        public void AnOverflowingFromHourIsRefusedNotADudCode()
        {
            // Item 9: `--type weekly --from 2147483647 --span 2` overflowed the range check and printed a dud code.
            string secret = CliRunner.SecretFile();
            foreach (string from in new[] { "2147483647", "24", "-1", "23" })
            {
                var r = CliRunner.Run("code", "issue", "--secret-file", secret, "--type", "weekly", "--first", "2026-11-25", "--weeks", "4", "--days", "everyday", "--from", from, "--span", "2");
                NoStackTrace(r);
                StringAssert.Contains(r.Err, "from + span <= 24");
            }
        }

        [TestMethod]
        public void IssuingPastTheClockRangeIsRefusedAndInspectNeverCrashes()
        {
            // Item 18: `code issue --start 9999-12-31T23:00Z --hours 8` minted a code whose inspection crashed.
            string secretFile = CliRunner.SecretFile();
            NoStackTrace(CliRunner.Run("code", "issue", "--secret-file", secretFile, "--type", "one-time", "--start", "9999-12-31T23:00Z", "--hours", "8"));
            NoStackTrace(CliRunner.Run("code", "issue", "--secret-file", secretFile, "--type", "window", "--start", "2100-01-01T00:00Z", "--hours", "12"));

            // Such a code, sealed by hand, is still explained without a stack trace.
            var crypto = new HostCrypto();
            var format = new CodeFormat(AccessPolicy.Default(), crypto, new CodeKeys(crypto, Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")));
            long start = (DateTimeOffset.Parse("9999-12-31T23:00Z").ToUnixTimeMilliseconds() - LockTime.EarliestValidMs) / LockTime.MsPerHour;
            string code = CodeIssuer.ToDigits(format.Seal(false, format.EncodeOneTime(start, 3, 0), start), 10);
            var r = CliRunner.Run("code", "inspect", code, "--secret-file", secretFile, "--at", "9999-12-31T23:30Z");
            Assert.IsTrue(r.Code == 0 || r.Code == 1, r.Err);
            Assert.AreEqual("", r.Err);
            StringAssert.Contains(r.Out, "after 9999-12-31");
        }

        [TestMethod]
        public void InspectTakesTheLocksLocalTimeAndRefusesUnknownOptions()
        {
            // Item 18: unknown options (and --utc-offset-minutes) were silently ignored, so a weekly code of a lock with
            // a local offset could not be inspected.
            string secretFile = CliRunner.SecretFile();
            var issuer = new CodeIssuer(AccessPolicy.Default(), new HostCrypto(), Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
            string weekly = issuer.Weekly(DateTimeOffset.Parse("2026-11-25T00:00Z").ToUnixTimeMilliseconds(), 4, WeeklyDays.EveryDay, 9, 4, 0);
            // 09:30 local at UTC+5 is 04:30 UTC.
            var utc = CliRunner.Run("code", "inspect", weekly, "--secret-file", secretFile, "--at", "2026-11-25T04:30Z");
            StringAssert.Contains(utc.Out, "NotYetValid");
            var local = CliRunner.Run("code", "inspect", weekly, "--secret-file", secretFile, "--at", "2026-11-25T04:30Z", "--utc-offset-minutes", "300");
            Assert.AreEqual(0, local.Code, local.Out + local.Err);
            StringAssert.Contains(local.Out, "Accepted");
            NoStackTrace(CliRunner.Run("code", "inspect", weekly, "--secret-file", secretFile, "--utc-offset", "300"));
            NoStackTrace(CliRunner.Run("code", "issue", "--secret-file", secretFile, "--type", "one-time", "--start", "2026-11-25T14:00Z", "--hours", "2", "--indx", "3"));
        }

        [TestMethod]
        public void InspectAtAnUnsetClockSaysClockUnknown()
        {
            // Item 18: at 1970 inspect said "not a code of this lock" where the lock answers ClockUnknown.
            var r = CliRunner.Run("code", "inspect", "8381268929", "--secret-file", CliRunner.SecretFile(), "--at", "1970-01-01T00:05Z");
            Assert.AreEqual(1, r.Code);
            StringAssert.Contains(r.Out, "ClockUnknown");
        }

        [TestMethod]
        public void KeypadCountersFromTheClockKeepRisingPast2038()
        {
            // Item 11: `lockctl keypad enter` counted tenths of a second in a uint32, which stops rising in 2038.
            long[] times = { DateTimeOffset.Parse("2026-01-01T00:00Z").ToUnixTimeMilliseconds(), DateTimeOffset.Parse("2038-06-01T00:00Z").ToUnixTimeMilliseconds(),
                             DateTimeOffset.Parse("2099-12-31T23:59Z").ToUnixTimeMilliseconds(), DateTimeOffset.Parse("2160-01-01T00:00Z").ToUnixTimeMilliseconds() };
            for (int i = 1; i < times.Length; i++)
            {
                Assert.IsTrue(RemoteCommands.KeypadCounterAt(times[i]) > RemoteCommands.KeypadCounterAt(times[i - 1]), "rising at " + times[i]);
            }

            Assert.IsTrue(RemoteCommands.KeypadCounterAt(times[^1]) < uint.MaxValue);
            Assert.AreEqual(1u, RemoteCommands.KeypadCounterAt(LockTime.EarliestValidMs));
            string key = CliRunner.SecretFile("33333333333333333333333333333333");
            var r = CliRunner.Run("keypad", "enter", "1234567890", "--id", "1", "--keypad-key-file", key, "--counter", "4294967295", "--target", "sim://127.0.0.1:1");
            NoStackTrace(r);
            StringAssert.Contains(r.Err, "--counter");
        }

        [TestMethod]
        public void LogPullToADirectoryThatDoesNotExistIsAClearError()
        {
            // Item 10: `lockctl log pull --out /nonexistent/dir/x.csv` pulled, then died with a stack trace.
            var server = new LockSim.Server(LockSim.SimLock.Fresh(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), 0);
            using (server)
            {
                server.OpenSetupWindow();
                server.Start();
                string dir = Path.Combine(Path.GetTempPath(), "lockctl-review-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(dir);
                try
                {
                    string secret = Path.Combine(dir, "secret.hex"), installer = Path.Combine(dir, "i.key"), owner = Path.Combine(dir, "o.key");
                    File.WriteAllText(secret, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n");
                    File.WriteAllText(installer, "11111111111111111111111111111111\n");
                    File.WriteAllText(owner, "22222222222222222222222222222222\n");
                    string setupKey;
                    lock (server.Sim) setupKey = Convert.ToHexString(server.Sim.Core.SetupKey);
                    var p = CliRunner.Run("provision", "--target", server.Target, "--setup-key", setupKey, "--secret-file", secret, "--installer-key-file", installer, "--owner-key-file", owner);
                    Assert.AreEqual(0, p.Code, p.Err);
                    var r = CliRunner.Run("log", "pull", "--out", "/nonexistent/dir/x.csv", "--target", server.Target, "--key-file", owner);
                    NoStackTrace(r);
                    StringAssert.Contains(r.Err, "cannot write '/nonexistent/dir/x.csv'");
                }
                finally
                {
                    Directory.Delete(dir, true);
                }
            }
        }
    }
}
