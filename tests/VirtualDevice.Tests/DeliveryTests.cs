using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using LockFirmware.LockCtl.Tests;
using LockFirmware.LockSim.Device;

namespace LockFirmware.VirtualDevice.Tests
{
    /// <summary>
    /// An installation and a delivery on the virtual ESP32 with our own tools, as on a real lock: the installer
    /// holds the inside button (setup window) and provisions with lockctl over the Bluetooth bridge, registers a
    /// keypad; a courier code typed on that keypad moves the bolt on the simulated motor; the door closes and the
    /// lock relocks; the same code again is refused; the log pulled tells that story.
    /// </summary>
    [TestClass]
    public class DeliveryTests
    {
        internal sealed class Site : IDisposable
        {
            public readonly string Dir = Path.Combine(Path.GetTempPath(), "vesp32-e2e-" + Guid.NewGuid().ToString("N"));
            public readonly string Secret, Installer, Owner, KeypadKey;
            public readonly DeviceSession Session;

            /// <param name="environment">Host settings of the lock (e.g. the Bluetooth air it shares with a virtual keypad).</param>
            public Site(System.Collections.Generic.IReadOnlyDictionary<string, string> environment = null)
            {
                Directory.CreateDirectory(Dir);
                Secret = Hex("secret.hex", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
                Installer = Hex("installer.key", "11111111111111111111111111111111");
                Owner = Hex("owner.key", "22222222222222222222222222222222");
                KeypadKey = Hex("keypad.key", "33333333333333333333333333333333");
                Session = new DeviceSession(DeviceRun.Get(), Path.Combine(Dir, "flash.bin"), environment: environment);
            }

            public DeviceBench Bench => Session.Bench;
            public string Target => Session.Target;

            public (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

            public (int Code, string Out, string Err) As(string keyFile, params string[] args)
            {
                var all = new string[args.Length + 4];
                args.CopyTo(all, 0);
                all[args.Length] = "--target"; all[args.Length + 1] = Target;
                all[args.Length + 2] = "--key-file"; all[args.Length + 3] = keyFile;
                return CliRunner.Run(all);
            }

            /// <summary>Holds the inside button for 6 s of device time: the setup window opens.</summary>
            public void HoldButton(long ms)
            {
                Bench.SetButton(true);
                Bench.Advance(ms);
                Bench.SetButton(false);
                Bench.Advance(500);
            }

            /// <summary>Lets device time pass (the lock may sleep in between, as on a board) until the condition holds.</summary>
            public void AdvanceUntil(Func<bool> condition, string what, long deviceMs = 60_000)
            {
                for (long passed = 0; !condition(); passed += 500)
                {
                    if (passed >= deviceMs)
                        Assert.Fail($"{what}: not after {deviceMs} ms of device time ({Session.Device.DeepSleepResets} deep-sleep resets, " +
                                    $"bolt {Bench.Bolt}, motor {Bench.Drive}, door closed {Bench.Hardware.DoorClosed.IsActive}); the lock's log:\n" +
                                    As(Owner, "log", "pull").Out);
                    Bench.Advance(500);
                }
            }

            public void WaitFor(Func<bool> condition, string what, int ms = 20_000)
            {
                var watch = Stopwatch.StartNew();
                while (!condition())
                {
                    if (watch.ElapsedMilliseconds > ms) Assert.Fail("timed out waiting for " + what + "\n" + string.Join("\n", Session.Device.Lines));
                    Thread.Sleep(20);
                }
            }

            public string Provision()
            {
                HoldButton(6500);
                Ok(Run("provision", "--target", Target, "--setup-key", Session.Device.SetupKey, "--secret-file", Secret,
                    "--installer-key-file", Installer, "--owner-key-file", Owner));
                Ok(As(Owner, "time", "set", "now", "--role", "owner"));
                Ok(As(Installer, "keypad", "add", "--id", "4", "--keypad-key-file", KeypadKey, "--role", "installer"));
                long now = Bench.DeviceTimeMs(TimeSpan.FromSeconds(5));
                string hour = DateTimeOffset.FromUnixTimeMilliseconds(now - now % 3_600_000).ToString("yyyy-MM-ddTHH:00Z");
                var issued = Run("code", "issue", "--secret-file", Secret, "--type", "one-time", "--start", hour, "--hours", "2");
                Ok(issued);
                return issued.Out.Trim();
            }

            // Each entry with a counter above the last, as a keypad sends them: lockctl's default counter is whole
            // seconds, and now that the verdict comes back at once two entries can fall in one second (a replayed frame).
            private int _counter;

            public (int Code, string Out, string Err) Keypad(string code) =>
                Run("keypad", "enter", code, "--id", "4", "--keypad-key-file", KeypadKey, "--counter", Interlocked.Increment(ref _counter).ToString(), "--target", Target);

            public void Dispose()
            {
                Session.Dispose();
                Directory.Delete(Dir, true);
            }

            private string Hex(string name, string hex)
            {
                string path = Path.Combine(Dir, name);
                File.WriteAllText(path, hex + "\n");
                return path;
            }
        }

        internal static void Ok((int Code, string Out, string Err) r)
        {
            Assert.AreEqual(0, r.Code, r.Out + r.Err);
        }

        [TestMethod]
        public void InstallerProvisionsCourierOpensDoorClosesLockRelocksReplayIsRefusedLogTellsIt()
        {
            using var site = new Site();
            site.Bench.SetDoor(true);
            string code = site.Provision();

            int startsBefore = site.Bench.MotorStarts;
            Ok(site.Keypad(code));
            site.WaitFor(() => site.Bench.Bolt == "retracted", "the bolt to retract on the simulated motor");
            Assert.IsTrue(site.Bench.MotorStarts > startsBefore, "the motor ran");

            site.Bench.SetDoor(false);
            site.Bench.Advance(3000);
            site.Bench.SetDoor(true);
            site.AdvanceUntil(() => site.Bench.Bolt == "extended", "the lock to relock after the door closed");

            // The H-bridge as the bench saw it: never straight from one direction to the other (GpioHBridge's order).
            Assert.AreEqual(0, site.Bench.Hardware.Bolt.DirectReversals, "the motor was reversed without braking or coasting");

            var replay = site.Keypad(code);
            site.Bench.Advance(2000);
            Assert.AreEqual("extended", site.Bench.Bolt, "a replayed code must not move the bolt: " + replay.Out + replay.Err);

            string csv = Path.Combine(site.Dir, "log.csv");
            Ok(site.As(site.Owner, "log", "pull", "--out", csv));
            string log = File.ReadAllText(csv);
            foreach (string record in new[] { "Provisioned", "CodeAccepted", "BoltRetracted", "DoorOpened", "DoorClosed", "BoltExtended", "AutoRelock", "CodeRejectedReplayed" })
            {
                StringAssert.Contains(log, record, "the log pulled from the device:\n" + log);
            }
        }
    }
}
