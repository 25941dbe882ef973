using System;
using System.Collections.Generic;
using System.IO;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.VirtualEsp32;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// `nano`: time per code verification on the real nanoFramework CLR (our host, native crypto, Esp32Crypto) next
    /// to net10 in the same run, the managed heap after boot and after 1,000 verifications, the .pe sizes, and an
    /// ESP32 estimate with its basis. Figures only; nothing is asserted.
    /// </summary>
    public static class NanoBench
    {
        /// <summary>ESP32 datasheet (Espressif, v4.x): CoreMark 504.85 for one LX6 core at 240 MHz = 2.10 CoreMark/MHz.</summary>
        private const double Esp32CoreMark = 504.85;

        /// <summary>Published single-core CoreMark/MHz of recent x86-64 cores: about 5 to 8 (eembc.org results).</summary>
        private const double HostCoreMarkPerMhzLow = 5.0, HostCoreMarkPerMhzHigh = 8.0;

        public static int Run()
        {
            string missing = VirtualEsp32Host.Missing();
            if (missing != null)
            {
                Console.WriteLine("nano: " + missing + ". Fix: " + VirtualEsp32Host.FixCommand);
                return 2;
            }

            Console.WriteLine("nano: preparing the nanoCLR host and converting (tools/VirtualEsp32)...");
            var host = VirtualEsp32Host.Prepare();
            var output = NanoClrProcess.Run(host.Runner,
                host.LoadList("LockFirmware.Hal", "LockFirmware.Core", "LockFirmware.Hal.Esp32", "LockBench.Nano"),
                o => o.Lines.Contains("bench: end") || o.Done, TimeSpan.FromMinutes(20));
            var figures = new Dictionary<string, long>();
            foreach (string line in output.Lines)
            {
                // "bench: <key words> <number>"
                int last = line.LastIndexOf(' ');
                if (line.StartsWith("bench: ", StringComparison.Ordinal) && long.TryParse(line.Substring(last + 1), out long value))
                    figures[line.Substring(7, last - 7)] = value;
            }

            if (!output.Lines.Contains("bench: end") || output.ErrorLines().Count > 0)
            {
                Console.WriteLine("nano: the nanoCLR run did not finish:\n" + output.Tail(20));
                return 1;
            }

            const int hostEntries = 2000;
            var crypto = new HostCrypto();
            for (int kase = 0; kase < VerifyCases.Count; kase++) VerifyCases.TicksPerVerification(kase, crypto, 100); // warm up
            Console.WriteLine($"nano: time per verification (nanoCLR: {figures["entries"]} entries per case; net10: {hostEntries}; same code, VerifyCases.cs)");
            Console.WriteLine("  case                                       |  net10 µs | nanoCLR µs | nanoCLR/net10");
            for (int kase = 0; kase < VerifyCases.Count; kase++)
            {
                long net = VerifyCases.TicksPerVerification(kase, crypto, hostEntries);
                long nano = figures.TryGetValue("case " + kase, out long n) ? n : -1;
                Console.WriteLine($"  {VerifyCases.Name(kase),-42} | {Micro(net),9} | {Micro(nano),10} | {(net > 0 && nano > 0 ? ((double)nano / net).ToString("0") + "x" : "wrong verdict"),13}");
            }

            long boot = figures["heap boot"], before = figures["heap before1000"], after = figures["heap after1000"];
            Console.WriteLine($"nano: managed heap free (GC.Run(false)): after boot {boot} B, after the timed cases {before} B, after 1,000 more verifications {after} B (change {after - before:+0;-0} B)");

            Console.WriteLine("nano: .pe sizes (artifacts/nano)");
            long ours = 0;
            foreach (string pe in Directory.GetFiles(host.PeDirectory, "LockFirmware.*.pe"))
            {
                long size = new FileInfo(pe).Length;
                ours += size;
                Console.WriteLine($"  {Path.GetFileName(pe),-32} {size,8} B");
            }

            Console.WriteLine($"  {"ours, deployed",-32} {ours,8} B (plus the libraries in artifacts/nano/libs)");
            Esp32Estimate(figures);
            return 0;
        }

        private static void Esp32Estimate(Dictionary<string, long> figures)
        {
            double mhz = HostMhz();
            if (mhz <= 0)
            {
                Console.WriteLine("nano: ESP32 estimate: host clock unknown (/proc/cpuinfo)");
                return;
            }

            double low = mhz * HostCoreMarkPerMhzLow / Esp32CoreMark, high = mhz * HostCoreMarkPerMhzHigh / Esp32CoreMark;
            Console.WriteLine($"nano: ESP32 estimate: the same interpreter on one 240 MHz LX6 core is {low:0}x to {high:0}x slower than this {mhz:0} MHz host core");
            Console.WriteLine($"  (basis: CoreMark {Esp32CoreMark} for the ESP32 core, {HostCoreMarkPerMhzLow}-{HostCoreMarkPerMhzHigh} CoreMark/MHz for x86-64; crypto is native on both, and the ESP32 has AES/SHA accelerators that this scaling ignores, so read it as an upper bound)");
            for (int kase = 0; kase < VerifyCases.Count; kase++)
            {
                if (figures.TryGetValue("case " + kase, out long ticks) && ticks > 0)
                    Console.WriteLine($"  {VerifyCases.Name(kase),-42} ~ {ticks * low / 10000:0} to {ticks * high / 10000:0} ms on the ESP32");
            }
        }

        private static double HostMhz()
        {
            if (!File.Exists("/proc/cpuinfo")) return 0;
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("cpu MHz", StringComparison.Ordinal)) return double.Parse(line.Substring(line.IndexOf(':') + 1), System.Globalization.CultureInfo.InvariantCulture);
            }

            return 0;
        }

        private static string Micro(long ticks) => ticks < 0 ? "n/a" : (ticks / 10.0).ToString("0.0");
    }
}
