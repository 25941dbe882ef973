using System;
using System.IO;
using System.Threading;

namespace LockFirmware.VirtualDevice.Tests
{
    /// <summary>
    /// The host is killed (the battery pulled) at random points of a delivery and booted again on the same flash:
    /// the secret (codes still verify), the role keys (the owner still opens a session), the keypad key, the replay
    /// table (a used code stays used), the throttle and every record the lock acknowledged are still there.
    /// CI size: 3 cuts; LOCKFW_FULL=1: 20.
    /// </summary>
    [TestClass]
    public class PowerCutTests
    {
        [TestMethod]
        public void KilledAtRandomPointsTheLockKeepsSecretKeysReplayTableThrottleAndAcknowledgedRecords()
        {
            int cuts = Environment.GetEnvironmentVariable("LOCKFW_FULL") == "1" ? 20 : 3;
            int seed = Environment.TickCount;
            var random = new Random(seed);
            using var site = new DeliveryTests.Site();
            site.Bench.SetDoor(true);
            string used = site.Provision();
            DeliveryTests.Ok(site.Keypad(used));
            site.WaitFor(() => site.Bench.Bolt == "retracted", "the first delivery");
            site.AdvanceUntil(() => site.Bench.Bolt == "extended", "the relock (door closed)");

            // Three wrong entries charge the throttle; the log acknowledged them once lockctl returned.
            for (int i = 0; i < 3; i++) site.Keypad("1234567890");
            DeliveryTests.Ok(site.As(site.Owner, "log", "pull", "--out", Path.Combine(site.Dir, "before.csv")));
            string before = File.ReadAllText(Path.Combine(site.Dir, "before.csv"));

            for (int cut = 0; cut < cuts; cut++)
            {
                // Something in flight when the power goes: a code entry or a log pull, cut after a random delay.
                var busy = new Thread(() =>
                {
                    try
                    {
                        if (random.Next(2) == 0) site.Keypad(used);
                        else site.As(site.Owner, "status");
                    }
                    catch (Exception)
                    {
                        // the lock vanished under lockctl: that is the point
                    }
                }) { IsBackground = true };
                busy.Start();
                Thread.Sleep(random.Next(0, 400));
                site.Session.PowerCut();
                busy.Join(10_000);

                string context = $"cut {cut + 1}/{cuts}, seed {seed}";
                var status = site.As(site.Owner, "status");
                DeliveryTests.Ok(status);
                StringAssert.Contains(status.Out, "provisioned  yes, keypads 1", context + ": keys and keypad after the cut");

                site.Keypad(used);
                site.Bench.Advance(1500);
                Assert.AreEqual("extended", site.Bench.Bolt, context + ": a used code opened after a power cut");

                string pulled = Path.Combine(site.Dir, $"after-{cut}.csv");
                DeliveryTests.Ok(site.As(site.Owner, "log", "pull", "--out", pulled));
                string after = File.ReadAllText(pulled);
                foreach (string line in before.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    StringAssert.Contains(after, line.Trim(), context + ": an acknowledged record is gone");
                }

                StringAssert.Contains(after, "CodeRejectedReplayed", context);
            }

            // The secret: a fresh code of this hour still opens after all the cuts.
            long now = site.Bench.DeviceTimeMs(TimeSpan.FromSeconds(5));
            string hour = DateTimeOffset.FromUnixTimeMilliseconds(now - now % 3_600_000).ToString("yyyy-MM-ddTHH:00Z");
            var second = site.Run("code", "issue", "--secret-file", site.Secret, "--type", "one-time", "--start", hour, "--hours", "2", "--index", "1");
            DeliveryTests.Ok(second);
            DeliveryTests.Ok(site.Keypad(second.Out.Trim()));
            site.WaitFor(() => site.Bench.Bolt == "retracted", "a new code after the cuts (secret intact)");
        }
    }
}
