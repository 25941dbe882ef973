using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using LockFirmware.Core.Keypad;
using LockFirmware.LockSim.Device;

namespace LockFirmware.VirtualDevice.Tests
{
    /// <summary>
    /// Two virtual ESP32s in one Bluetooth air: the lock image on one, the courier's keypad image on the other,
    /// talking BLE through the natives (the keypad in the central role, the lock in the peripheral role), nothing
    /// in between but the fragment link. The installer provisions the lock with lockctl and pairs the keypad at the
    /// door as docs/keypad.md describes (hold * and #, type the code lockctl shows, #); a courier code typed on the
    /// keypad's matrix retracts the bolt on the lock's simulated motor and the keypad plays "accepted"; a wrong code
    /// plays "wrong code" and moves nothing. The lock sleeps between visits as on a battery: each visit starts with
    /// a touch on its outside pad, as the courier's does.
    /// </summary>
    [TestClass]
    public class KeypadAtTheDoorTests
    {
        private const string LockAddress = "24:0a:c4:00:00:01";
        private const string KeypadAddress = "24:0a:c4:00:00:02";

        [TestMethod]
        public void InstallerPairsTheKeypadAtTheDoorCourierCodeOpensWrongCodeShowsWrong()
        {
            string air = Path.Combine(Path.GetTempPath(), "vesp32-air-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(air);
            using var site = new DeliveryTests.Site(KeypadSession.Air(air, LockAddress));
            using var keypad = new KeypadSession(DeviceRun.GetKeypad(), Path.Combine(site.Dir, "keypad.flash"), air, KeypadAddress);
            try
            {
                site.Bench.SetDoor(true);
                string courierCode = site.Provision();
                StringAssert.Contains(string.Join("\n", keypad.Device.Lines), "not paired");

                // Pairing at the door: the keypad into pairing mode, the lock opens a window for the installer's session.
                keypad.Bench.Hold(3400, '*', '#');
                WakeLock(site, air);
                var pair = site.As(site.Installer, "keypad", "pair", "--role", "installer");
                DeliveryTests.Ok(pair);
                Match digits = Regex.Match(pair.Out, @"(\d{5}) (\d{5}) (\d{5}) (\d{5})");
                Assert.IsTrue(digits.Success, "lockctl keypad pair printed no code: " + pair.Out);
                keypad.Bench.Type(digits.Value.Replace(" ", ""));
                WakeLock(site, air);
                long mark = keypad.Bench.NowMs;
                keypad.Bench.Type("#");
                ExpectVerdict(keypad, mark, KeypadVerdict.Paired, "the keypad to pair with the lock", site);

                // A wrong code: the keypad plays "wrong code", the bolt does not move (from a lock at rest, locked).
                site.WaitFor(() => site.Bench.Bolt == "extended" && site.Bench.Drive != LockFirmware.Hal.Lock.MotorDrive.Forward && site.Bench.Drive != LockFirmware.Hal.Lock.MotorDrive.Reverse,
                    "the lock at rest, locked, before the wrong code");
                int starts = site.Bench.MotorStarts;
                WakeLock(site, air);
                mark = keypad.Bench.NowMs;
                keypad.Bench.Type(WrongCode(courierCode) + "#");
                ExpectVerdict(keypad, mark, KeypadVerdict.WrongCode, "the wrong-code verdict", site);
                Assert.AreEqual("extended", site.Bench.Bolt, "a wrong code moved the bolt" + LockStory(site));
                Assert.AreEqual(starts, site.Bench.MotorStarts, "a wrong code ran the motor" + LockStory(site));

                // The courier's code opens: the bolt retracts on the lock's simulated motor, the keypad plays "accepted".
                WakeLock(site, air);
                mark = keypad.Bench.NowMs;
                keypad.Bench.Type(courierCode + "#");
                site.WaitFor(() => site.Bench.Bolt == "retracted", "the bolt to retract after the code typed on the virtual keypad", 30_000);
                ExpectVerdict(keypad, mark, KeypadVerdict.Accepted, "the accepted verdict", site);

                // The lock gone (battery pulled): nothing answers in the air; the keypad shows "lock unreachable".
                site.Session.Device.Kill();
                mark = keypad.Bench.NowMs;
                keypad.Bench.Type(courierCode + "#");
                ExpectVerdict(keypad, mark, KeypadVerdict.Unreachable, "the unreachable verdict with the lock gone", site, 40_000);
            }
            finally
            {
                Directory.Delete(air, true);
            }
        }

        // The courier touches the outside pad: a sleeping lock wakes and advertises (its advertisement appears in the air).
        private static void WakeLock(DeliveryTests.Site site, string air)
        {
            string advert = Path.Combine(air, LockAddress.Replace(":", "") + ".adv");
            var watch = Stopwatch.StartNew();
            while (!File.Exists(advert))
            {
                if (watch.ElapsedMilliseconds > 20_000)
                    Assert.Fail("the lock did not advertise after a touch on its pad:\n" + string.Join("\n", site.Session.Device.Lines));
                site.Bench.TouchOutside();
                Thread.Sleep(200);
            }
        }

        private static void ExpectVerdict(KeypadSession keypad, long mark, KeypadVerdict expected, string what, DeliveryTests.Site site, int ms = 25_000)
        {
            var watch = Stopwatch.StartNew();
            KeypadVerdict? seen = null;
            while (watch.ElapsedMilliseconds < ms)
            {
                seen = keypad.Bench.VerdictSince(mark);
                if (seen != null) break;
                Thread.Sleep(50);
            }

            Assert.AreEqual(expected, seen, $"{what}: the keypad's buzzer gave {keypad.Bench.BeepsText(mark)}\nkeypad:\n" +
                string.Join("\n", keypad.Device.Lines) + "\nlock:\n" + string.Join("\n", site.Session.Device.Lines));
        }

        private static string LockStory(DeliveryTests.Site site) =>
            $" (motor {site.Bench.Drive}, {site.Session.Device.DeepSleepResets} deep-sleep resets); the lock's UART:\n" +
            string.Join("\n", site.Session.Device.Lines);

        // Same length, last digit changed: not a code of this lock (the tag no longer matches).
        private static string WrongCode(string code)
        {
            char last = code[code.Length - 1];
            return code.Substring(0, code.Length - 1) + (char)('0' + (last - '0' + 1) % 10);
        }
    }
}
