using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using LockFirmware.Core.Crypto;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Protocol;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.LockCtl.Remote;
using LockFirmware.LockSim;
using LockFirmware.LockSim.Device;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// `lockbench device`: the Release device image on the virtual ESP32, provisioned with lockctl as an installer
    /// would. Prints boot time to the first advert (first boot on blank flash, and a reboot), keypress-to-motor
    /// latency (keypad message sent to the H-bridge output seen on the bench), managed heap free at idle and after
    /// 1,000 keypad entries (a full GC on the device, as GC.Run), and the image size, with the host build (LockSim's
    /// Core on net10) where the comparison means something. Figures only; nothing is asserted.
    /// </summary>
    public static class DeviceFigures
    {
        private const string Board = "esp32-devkitc";

        public static int Run()
        {
            DeviceImage image = DeviceImage.Prepare(Board, "Release", line => Console.WriteLine("device: " + line));
            string dir = Path.Combine(Path.GetTempPath(), "lockbench-device-" + Environment.ProcessId);
            Directory.CreateDirectory(dir);
            try
            {
                return Measure(image, dir);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private static int Measure(DeviceImage image, string dir)
        {
            string flash = Path.Combine(dir, "flash.bin");
            double firstBoot, reboot;
            using (var session = new DeviceSession(image, flash))
            {
                firstBoot = (session.Device.AdvertisedAt.Value - session.Device.Started).TotalMilliseconds;
            }

            using var device = new DeviceSession(image, flash);
            reboot = (device.Device.AdvertisedAt.Value - device.Device.Started).TotalMilliseconds;
            var hostBoot = Stopwatch.StartNew();
            SimLock.Fresh(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            double hostBootMs = hostBoot.Elapsed.TotalMilliseconds;

            byte[] owner = Fill(0x22), installer = Fill(0x11), keypad = Fill(0x33);
            string secretFile = Write(dir, "secret.hex", Convert.ToHexString(Fill(0x05, 32)));
            Provision(device, dir, secretFile, installer, owner, keypad);

            (long idleFree, long heapTotal) = device.Bench.Heap(TimeSpan.FromSeconds(10));

            // Keypress to motor: a valid code each time (index i), the lock relocked in between.
            var latencies = new List<double>();
            using (var remote = RemoteLock.Connect(device.Target))
            {
                for (int i = 0; i < 5; i++)
                {
                    string code = Issue(device, secretFile, i);
                    long before = device.Bench.LastMotorStartTicks;
                    long sent = Stopwatch.GetTimestamp();
                    SendEntry(remote, keypad, Counter() + (uint)i, code);
                    while (device.Bench.LastMotorStartTicks == before && Stopwatch.GetElapsedTime(sent).TotalSeconds < 10) Thread.Sleep(1);
                    latencies.Add((device.Bench.LastMotorStartTicks - sent) * 1000.0 / Stopwatch.Frequency);
                    device.Bench.Advance(15_000); // retracted, relock
                }

                // 1,000 entries (wrong codes: the throttle refuses most of them, every one goes through the keypad path).
                uint counter = Counter() + 100;
                for (int i = 0; i < 1000; i++) SendEntry(remote, keypad, counter + (uint)i, (1000000000 + i).ToString());
            }

            // The entries queue up on the link; the app works through them (and may sleep): ask until it answers.
            long busyFree = -1;
            for (int attempt = 0; attempt < 12 && busyFree < 0; attempt++)
            {
                try
                {
                    busyFree = device.Bench.Heap(TimeSpan.FromSeconds(10)).Free;
                }
                catch (TimeoutException)
                {
                    device.Bench.SetButton(true); // wake it, as someone at the door would
                    Thread.Sleep(300);
                    device.Bench.SetButton(false);
                }
            }
            latencies.Sort();
            double hostLatency = HostKeypressToMotorMs();

            Console.WriteLine($"virtual ESP32 ({Board}, Release image), host {Environment.ProcessorCount} cores");
            Console.WriteLine($"  boot to first advert, blank flash:   {firstBoot,8:F0} ms   (LockSim on net10: {hostBootMs:F1} ms to a booted Core, x{firstBoot / hostBootMs:F0})");
            Console.WriteLine($"  boot to first advert, reboot:        {reboot,8:F0} ms");
            Console.WriteLine($"  keypress to motor, median of {latencies.Count}:     {latencies[latencies.Count / 2],8:F1} ms   (min {latencies[0]:F1}, max {latencies[latencies.Count - 1]:F1}; LockSim on net10: {hostLatency:F2} ms, x{latencies[latencies.Count / 2] / hostLatency:F0})");
            Console.WriteLine($"  managed heap free, idle:             {idleFree,8} bytes of {heapTotal} (posix heap; an ESP32-WROOM has less)");
            Console.WriteLine(busyFree < 0
                ? "  managed heap free, 1,000 entries on: not measured (the device did not answer within 2 minutes)"
                : $"  managed heap free, 1,000 entries on: {busyFree,8} bytes ({idleFree - busyFree} bytes less than idle)");
            Console.WriteLine($"  image: {image.SizeBytes} bytes of .pe (deploy.sh's image), {image.AppBytes} bytes ours (Hal, Core, Hal.Esp32, Device)");
            Console.WriteLine($"  deep-sleep resets during the run: {device.Device.DeepSleepResets}");
            Console.WriteLine("  not measured here: radio timing, Xtensa speed, flash timing, current (docs/virtual-esp32.md)");
            return 0;
        }

        private static void Provision(DeviceSession device, string dir, string secretFile, byte[] installer, byte[] owner, byte[] keypad)
        {
            device.Bench.SetDoor(true);
            device.Bench.SetButton(true);
            device.Bench.Advance(6500); // the setup window
            device.Bench.SetButton(false);
            string installerFile = Write(dir, "installer.key", Convert.ToHexString(installer));
            string ownerFile = Write(dir, "owner.key", Convert.ToHexString(owner));
            string keypadFile = Write(dir, "keypad.key", Convert.ToHexString(keypad));
            Lockctl("provision", "--target", device.Target, "--setup-key", device.Device.SetupKey, "--secret-file", secretFile,
                "--installer-key-file", installerFile, "--owner-key-file", ownerFile);
            Lockctl("time", "set", "now", "--target", device.Target, "--role", "owner", "--key-file", ownerFile);
            Lockctl("keypad", "add", "--id", "4", "--keypad-key-file", keypadFile, "--target", device.Target, "--role", "installer", "--key-file", installerFile);
        }

        private static string Issue(DeviceSession device, string secretFile, int index)
        {
            long now = device.Bench.DeviceTimeMs(TimeSpan.FromSeconds(5));
            string hour = DateTimeOffset.FromUnixTimeMilliseconds(now - now % 3_600_000).ToString("yyyy-MM-ddTHH:00Z");
            var output = new StringWriter();
            TextWriter old = Console.Out;
            Console.SetOut(output);
            try
            {
                Lockctl("code", "issue", "--secret-file", secretFile, "--type", "one-time", "--start", hour, "--hours", "2", "--index", index.ToString());
            }
            finally
            {
                Console.SetOut(old);
            }

            return output.ToString().Trim();
        }

        private static void SendEntry(RemoteLock remote, byte[] key, uint counter, string digits)
        {
            byte[] ascii = Encoding.ASCII.GetBytes(digits);
            var sender = new KeypadSender();
            sender.SendEntry(new AesCcm(new HostCrypto(), key, KeypadFrame.TagSize), 4, counter, ascii, 0, ascii.Length, 0);
            remote.SendKeypad(sender, false);
        }

        // Tenths of a second since 2025: increasing from run to run for the bench keypad.
        private static uint Counter() => (uint)((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1735689600000L) / 100);

        // The same entry on LockSim (Core on net10, simulated hardware): EnterCode to the motor start.
        private static double HostKeypressToMotorMs()
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var sim = SimLock.Fresh(now - now % 3_600_000 + 60_000);
            byte[] secret = sim.Provision();
            var issuer = new Core.Access.CodeIssuer(Core.Access.AccessPolicy.Default(), sim.Crypto, secret);
            long start = sim.Now - (sim.Now - Core.Common.LockTime.EarliestValidMs) % Core.Common.LockTime.MsPerHour;
            var watch = Stopwatch.StartNew();
            sim.Type(issuer.OneTime(start, 2, 0));
            return watch.Elapsed.TotalMilliseconds;
        }

        private static void Lockctl(params string[] args)
        {
            int code = LockCtl.Program.Main(args);
            if (code != 0) throw new InvalidOperationException("lockctl " + string.Join(" ", args) + " failed (" + code + ")");
        }

        private static byte[] Fill(byte value, int length = 16)
        {
            var bytes = new byte[length];
            Array.Fill(bytes, value);
            return bytes;
        }

        private static string Write(string dir, string name, string hex)
        {
            string path = Path.Combine(dir, name);
            File.WriteAllText(path, hex.ToLowerInvariant() + "\n");
            return path;
        }
    }
}
