using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using LockFirmware.VirtualEsp32;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace LockFirmware.NanoClr.Tests
{
    /// <summary>
    /// tools/VirtualEsp32/BehaviourProbe on net10 and on the nanoCLR: every probe whose value differs must be named
    /// in docs/nanoframework.md, so the list of differences our code must live with stays complete.
    /// </summary>
    [TestClass]
    public class BehaviourTests
    {
        [TestMethod]
        public void EveryDifferenceFromNet10IsDocumented()
        {
            var host = NanoRun.Host();
            var nano = NanoClrProcess.Run(host.Runner, host.LoadList("BehaviourProbe"), o => o.Done, TimeSpan.FromMinutes(1));
            Assert.IsTrue(nano.Lines.Contains("probe: end"), "the probe did not finish on the nanoCLR:\n" + nano.Tail(10));
            var onNano = Probes(nano.Lines);
            var onNet = Probes(RunOnNet10());
            CollectionAssert.AreEquivalent(onNet.Keys.ToList(), onNano.Keys.ToList(), "the same probes on both");

            string docs = File.ReadAllText(Path.Combine(VirtualEsp32Host.RepoRoot, "docs", "nanoframework.md"));
            var undocumented = onNet.Keys.Where(k => onNet[k] != onNano[k] && !docs.Contains("`" + k + "`"))
                .Select(k => $"{k}: net10 '{onNet[k]}', nanoCLR '{onNano[k]}'").ToList();
            Assert.AreEqual(0, undocumented.Count, "differences not in docs/nanoframework.md:\n" + string.Join("\n", undocumented));
            Assert.IsTrue(onNet.Keys.Count(k => onNet[k] != onNano[k]) > 0, "no difference at all: is the probe running on the nanoCLR?");
        }

        private static Dictionary<string, string> Probes(IEnumerable<string> lines)
        {
            var probes = new Dictionary<string, string>();
            foreach (string line in lines)
            {
                int eq = line.IndexOf(" = ", StringComparison.Ordinal);
                if (line.StartsWith("probe: ", StringComparison.Ordinal) && eq > 0) probes[line.Substring(7, eq - 7)] = line.Substring(eq + 3);
            }

            return probes;
        }

        private static List<string> RunOnNet10()
        {
            string dll = Path.Combine(VirtualEsp32Host.RepoRoot, "tools", "VirtualEsp32", "BehaviourProbe", "bin",
                VirtualEsp32Host.Configuration, "net10.0", "BehaviourProbe.dll");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
            info.ArgumentList.Add(dll);
            using var process = Process.Start(info)!;
            var lines = process.StandardOutput.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            process.WaitForExit();
            return lines;
        }
    }
}
