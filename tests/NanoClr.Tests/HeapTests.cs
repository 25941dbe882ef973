using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.VirtualEsp32;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace LockFirmware.NanoClr.Tests
{
    /// <summary>
    /// tools/VirtualEsp32/HeapProbe on our nanoCLR host: the heap a long boot depends on. Both once crashed the
    /// storage year in one boot (docs/virtual-esp32.md, "Long boots"): closed FileStreams piled up for the finalizer
    /// thread until an allocation needed a compaction, and the posix target's compaction moved every reference 4 GiB
    /// off on Linux x86-64 (SIGSEGV in Execute_IL).
    /// </summary>
    [TestClass]
    public class HeapTests
    {
        private static readonly Lazy<NanoClrOutput> Probe = new Lazy<NanoClrOutput>(() =>
        {
            var host = NanoRun.Host();
            var environment = new Dictionary<string, string> { ["VESP32_FLASH"] = FlashProbeRun.NewImage() };
            return NanoClrProcess.Run(host.Runner,
                host.LoadList("LockFirmware.Hal", "LockFirmware.Core", "LockFirmware.Hal.Esp32", "HeapProbe"),
                o => o.Lines.Contains("heap: end"), TimeSpan.FromMinutes(1), environment, TimeSpan.Zero);
        });

        [TestMethod]
        public void ACompactionKeepsEveryMovedReference()
        {
            NanoRun.Host();
            string line = Line("heap: compaction ");
            Assert.AreEqual("intact 3000", line,
                "after GC.Run(true) the holders' names, arrays or links are wrong (the CLR's exit code " +
                Probe.Value.ExitCode + "; 139 is SIGSEGV):\n" + Probe.Value.Tail(10));
        }

        [TestMethod]
        public void FileFlashRegionLeavesNothingOnTheHeap()
        {
            NanoRun.Host();
            long[] figures = Line("heap: region ").Split(' ').Select(long.Parse).ToArray();
            long retained = figures[0] - figures[1];
            // A FileStream left for the finalizer thread keeps some 300 bytes on this host: 1,500 programs open 3,000.
            Assert.IsTrue(retained < 64 * 1024,
                $"{retained} bytes of heap still held after {figures[2]} sector programs and a full GC " +
                $"(free {figures[0]} before, {figures[1]} after): closed FileStreams waiting for the finalizer thread?");
        }

        private static string Line(string prefix)
        {
            NanoClrOutput output = Probe.Value;
            string line = output.Lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            Assert.IsNotNull(line, $"no '{prefix}' line: the probe did not get there (exit {output.ExitCode}):\n" + output.Tail(15));
            Assert.AreEqual(0, output.ErrorLines().Count, string.Join("\n", output.ErrorLines()));
            return line.Substring(prefix.Length);
        }
    }
}
