using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockFirmware.VirtualEsp32;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace LockFirmware.NanoClr.Tests
{
    /// <summary>
    /// The device's flash layout (FileFlashRegion: one littlefs file per sector, closed after every write) on the
    /// virtual ESP32's file system: littlefs v2.11.2 over an emulated NOR partition, with esp_littlefs's rule that
    /// only close and sync commit (FileStream.Flush does not). The pending test of docs/flash-format.md "On the ESP32".
    /// </summary>
    [TestClass]
    public class FlashFileSystemTests
    {
        private const int Events = 10;
        private static readonly int[] Keys = { 40, 41 };

        /// <summary>Two boots on one image: the first writes and is reset at "probe: done", the second reads back.</summary>
        private static readonly Lazy<FlashProbeRun[]> ResetPair = new Lazy<FlashProbeRun[]>(() =>
        {
            var host = NanoRun.Host();
            string image = FlashProbeRun.NewImage();
            return new[] { FlashProbeRun.Boot(host, image, untilDone: true), FlashProbeRun.Boot(host, image, untilDone: false) };
        });

        [TestMethod]
        public void ProgrammedSectorAndStoresSurviveAReset()
        {
            NanoRun.Host();
            FlashProbeRun first = ResetPair.Value[0], second = ResetPair.Value[1];
            Assert.IsTrue(first.Done && first.Output.Killed, "first boot did not finish its writes:\n" + first.Describe());
            Assert.IsTrue(second.Booted, "second boot did not mount the stores:\n" + second.Describe());

            Assert.AreEqual(first.AckedSector, second.Sector, "the programmed probe sector after the reset");
            Assert.AreEqual(Events, first.AckedEvents.Count);
            foreach (var e in first.AckedEvents) Assert.AreEqual(e.Value, Get(second.Events, e.Key), "event " + e.Key);
            foreach (int key in Keys) Assert.AreEqual(first.AckedSettings[key], second.Settings[key], "setting " + key);
        }

        [TestMethod]
        public void BytesOnlyFlushedAreLostAtAReset()
        {
            NanoRun.Host();
            FlashProbeRun first = ResetPair.Value[0], second = ResetPair.Value[1];
            Assert.IsNotNull(first.FlushedOnly, "first boot did not write the flushed-only file:\n" + first.Describe());

            // The file exists (esp_littlefs commits its creation at open) but the flushed bytes never reached a commit.
            Assert.AreEqual("empty", second.Flushed, "a FileStream that was only flushed kept its bytes across a reset: Flush committed");
        }

        /// <summary>
        /// From the image a boot left, a power cut at each block program and erase of the next boot in turn (the
        /// first CI base gives about 220: reading the stores, erasing and programming a sector, 10 events, 2 settings
        /// with their compactions); after each, a boot finds every acknowledged write and each sector old or new.
        /// LOCKFW_FULL=1 repeats it from bases further on (log sectors filled and recycled, settings compacted).
        /// </summary>
        [TestMethod]
        public void PowerCutAtEveryFlashOperationKeepsAcknowledgedWrites()
        {
            var host = NanoRun.Host();
            bool full = Environment.GetEnvironmentVariable("LOCKFW_FULL") == "1";
            int[] basesAfterBoots = full ? new[] { 1, 12, 34, 35, 60 } : new[] { 1, 2 };

            string image = FlashProbeRun.NewImage();
            string stats = image + ".stats";
            int boots = 0, cutPoints = 0;
            var failures = new List<string>();
            var started = DateTime.UtcNow;
            Progress($"power cuts: bases after {string.Join(", ", basesAfterBoots)} boots; progress in {ProgressFile}");
            foreach (int after in basesAfterBoots)
            {
                for (; boots < after; boots++)
                {
                    Assert.IsTrue(FlashProbeRun.Boot(host, image, untilDone: true).Done, "a boot that builds the base did not finish");
                }

                byte[] baseImage = File.ReadAllBytes(image);
                File.WriteAllBytes(image, baseImage);
                FlashProbeRun before = FlashProbeRun.Boot(host, image, untilDone: true, stats: stats);
                long operations = Stat(stats, "operations");
                Assert.IsTrue(before.Done && operations > 0 && Stat(stats, "erases") > 0, "the uncut boot:\n" + before.Describe());

                int failedBefore = failures.Count;
                for (long k = 1; k <= operations; k++)
                {
                    if (k % 50 == 0) Progress($"  base after {after} boots: cut {k} of {operations}, {failures.Count - failedBefore} failed so far");
                    File.WriteAllBytes(image, baseImage);
                    FlashProbeRun cut = FlashProbeRun.Boot(host, image, untilDone: true, cutAt: k);
                    FlashProbeRun next = FlashProbeRun.Boot(host, image, untilDone: false);
                    cutPoints++;
                    string failure = !cut.PowerCut ? "no power cut (exit " + cut.Output.ExitCode + "):\n" + cut.Describe() : Check(before, cut, next);
                    if (failure != null) failures.Add($"base after {after} boots, cut at operation {k} of {operations}: {failure}");
                }

                File.WriteAllBytes(image, baseImage);
                Progress($"base after {after} boots: {operations} cut points, {failures.Count - failedBefore} failed ({(DateTime.UtcNow - started).TotalMinutes:0.0} min so far)");
            }

            Progress($"power cuts: {cutPoints} cut points from {basesAfterBoots.Length} base image(s), {failures.Count} failed, {(DateTime.UtcNow - started).TotalMinutes:0.0} min");
            Assert.AreEqual(0, failures.Count, string.Join("\n", failures.Take(5)));
            Assert.IsTrue(cutPoints >= 200, "only " + cutPoints + " cut points");
        }

        /// <summary>Where the power-cut test appends its progress as it goes (the test's own output shows only at its
        /// end): LOCKFW_PROGRESS, else lockfw-power-cuts.log in the temporary folder. `tail -f` it during a full run.</summary>
        private static string ProgressFile =>
            Environment.GetEnvironmentVariable("LOCKFW_PROGRESS") is { Length: > 0 } path
                ? path
                : Path.Combine(Path.GetTempPath(), "lockfw-power-cuts.log");

        private static void Progress(string line)
        {
            Console.WriteLine(line);
            File.AppendAllText(ProgressFile, $"{DateTime.UtcNow:HH:mm:ss} {line}\n");
        }

        /// <summary>What the boot after a cut must find: <paramref name="uncut"/> shows the base state and the generation.</summary>
        private static string Check(FlashProbeRun uncut, FlashProbeRun cut, FlashProbeRun next)
        {
            if (!next.Booted) return "the next boot did not mount:\n" + next.Describe();
            string generation = uncut.Next.ToString();

            foreach (var e in uncut.Events.Concat(cut.AckedEvents))
            {
                if (Get(next.Events, e.Key) != e.Value) return $"event {e.Key} ({e.Value}) lost";
            }

            foreach (int key in Keys)
            {
                string was = uncut.Settings[key], now = next.Settings[key];
                bool ok = cut.AckedSettings.TryGetValue(key, out string acked) ? now == acked : now == was || now == generation;
                if (!ok) return $"setting {key} is {now} (base {was}, acknowledged {acked ?? "nothing"})";
            }

            string sector = next.Sector;
            bool sectorOk = cut.AckedSector != null ? sector == generation
                : cut.AckedSectorErased != null ? sector == "erased" || sector == generation
                : sector == uncut.Sector || sector == "erased";
            return sectorOk ? null : $"probe sector is {sector} (base {uncut.Sector}, acknowledged {cut.AckedSector ?? cut.AckedSectorErased ?? "nothing"})";
        }

        private static uint? Get(Dictionary<uint, uint> map, uint key) => map.TryGetValue(key, out uint v) ? v : null;

        private static long Stat(string path, string name)
        {
            foreach (string line in File.ReadAllLines(path))
            {
                if (line.StartsWith(name + " ", StringComparison.Ordinal)) return long.Parse(line.Substring(name.Length + 1));
            }

            return -1;
        }
    }
}
