using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockFirmware.VirtualEsp32;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// `esp32-storage`: the simulated year (StorageWorkload) on the device's flash layout as it runs on the ESP32,
    /// measured through littlefs v2.11.2 on the virtual ESP32 (esp_littlefs's geometry, 256 KiB "config" partition
    /// of 64 blocks): flash bytes programmed per logged event, block erases, erases per block and the lifetime.
    /// The host's flash counts every block program and erase (VESP32_FLASH_STATS); the year runs over several
    /// boots on one image (NanoStorage/Program.cs), each boot's mount is left out. Figures only; nothing is asserted.
    /// </summary>
    public static class Esp32StorageBench
    {
        private const double EraseCycles = 100_000;

        public static int Run()
        {
            string missing = VirtualEsp32Host.Missing();
            if (missing != null)
            {
                Console.WriteLine("esp32-storage: " + missing + ". Fix: " + VirtualEsp32Host.FixCommand);
                return 2;
            }

            Console.WriteLine("esp32-storage: preparing the nanoCLR host and converting (tools/VirtualEsp32)...");
            var host = VirtualEsp32Host.Prepare();
            string dir = Path.Combine(Path.GetTempPath(), "lockfw-esp32-storage-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string stats = Path.Combine(dir, "stats");
            var environment = new Dictionary<string, string> { ["VESP32_FLASH"] = Path.Combine(dir, "flash.bin"), ["VESP32_FLASH_STATS"] = stats };

            var started = DateTime.UtcNow;
            var total = new Dictionary<string, long[]>();
            long writes = 0, days = 0;
            for (int boot = 1; days < StorageWorkload.Days; boot++)
            {
                Dictionary<string, long[]> mounted = null;
                var output = NanoClrProcess.Run(host.Runner,
                    host.LoadList("LockFirmware.Hal", "LockFirmware.Core", "LockFirmware.Hal.Esp32", "LockBench.NanoStorage"),
                    o =>
                    {
                        if (mounted == null && o.Lines.Contains("bench: mounted")) mounted = ReadStats(stats);
                        return o.Lines.Contains("bench: end");
                    },
                    TimeSpan.FromMinutes(10), environment, TimeSpan.Zero);
                if (mounted == null || !output.Lines.Contains("bench: end") || output.ErrorLines().Count > 0)
                {
                    Console.WriteLine($"esp32-storage: boot {boot} did not finish (exit {output.ExitCode}):\n" + output.Tail(20));
                    return 1;
                }

                // this boot's work after its mount (a boot's own reads and mtime commits are left out)
                foreach (var counter in ReadStats(stats))
                {
                    long[] sum = total.TryGetValue(counter.Key, out long[] s) ? s : new long[counter.Value.Length];
                    for (int i = 0; i < sum.Length; i++) sum[i] += counter.Value[i] - mounted[counter.Key][i];
                    total[counter.Key] = sum;
                }

                writes += Figure(output, "bench: writes ");
                days = Figure(output, "bench: days ");
            }

            long events = days * StorageWorkload.EventsPerDay;
            long programs = total["programs"][0], bytes = total["program_bytes"][0], erases = total["erases"][0];
            long[] perBlock = total["erases_per_sector"];
            long worst = perBlock.Max();
            int used = perBlock.Count(e => e > 0);

            Console.WriteLine($"esp32-storage: the simulated year through littlefs on the virtual ESP32 ({(DateTime.UtcNow - started).TotalSeconds:0} s)");
            Console.WriteLine($"  workload: {events} events, {writes} settings writes (StorageWorkload); FileFlashRegion, one file per 4 KiB sector");
            Console.WriteLine($"  littlefs: block 4096, read/prog 128, cache 512, lookahead 128, block_cycles 512; 64 blocks (256 KiB)");
            Console.WriteLine($"  flash programmed: {bytes / 1048576.0:0.0} MiB in {programs} block programs = {(double)bytes / events:0} bytes per logged event ({(double)programs / events:0.0} programs)");
            Console.WriteLine($"  block erases: {erases} ({erases / 365.0:0} a day), over {used} of 64 blocks");
            Console.WriteLine($"  erases per block a year: mean {(double)erases / perBlock.Length:0}, worst {worst}");
            Console.WriteLine($"  lifetime at {EraseCycles:0} erase cycles (worst block): {EraseCycles / worst:0.0} years");
            Console.WriteLine($"  erases per block: {string.Join(",", perBlock)}");
            return 0;
        }

        private static long Figure(NanoClrOutput output, string prefix) =>
            long.Parse(output.Lines.First(l => l.StartsWith(prefix, StringComparison.Ordinal)).Substring(prefix.Length));

        /// <summary>The host's counters: "name n [n ...]" per line.</summary>
        private static Dictionary<string, long[]> ReadStats(string path)
        {
            var stats = new Dictionary<string, long[]>();
            foreach (string line in File.ReadAllLines(path))
            {
                string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stats[words[0]] = words.Skip(1).Select(long.Parse).ToArray();
            }

            return stats;
        }
    }
}
