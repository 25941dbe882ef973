using System;
using System.Collections.Generic;
using System.IO;
using LockFirmware.VirtualEsp32;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace LockFirmware.NanoClr.Tests
{
    /// <summary>
    /// The one run of NFUnitTest on the nanoCLR that every test here reads (started by the first test that asks).
    /// Outside CI a missing kit or build tool makes the tests inconclusive with the command that fixes it; in CI it fails them.
    /// </summary>
    public static class NanoRun
    {
        private static readonly Lazy<Run> Shared = new Lazy<Run>(Start);

        public static string TestAssembly => Path.Combine(VirtualEsp32Host.RepoRoot, "tests", "LockFirmware.Core.Tests",
            "bin", VirtualEsp32Host.Configuration, "nano1.0", "NFUnitTest.dll");

        public sealed class Run
        {
            public VirtualEsp32Host Host;
            public List<string> Expected;
            public NanoClrOutput Output;
            public Dictionary<string, NanoTestResult> Results;
        }

        /// <summary>The host, or the test stops here: inconclusive (not CI) or failed (CI) when the kit or tools are missing.</summary>
        public static VirtualEsp32Host Host()
        {
            string missing = VirtualEsp32Host.Missing();
            if (missing != null)
            {
                string message = missing + ": the nano tests did not run. Fix: " + VirtualEsp32Host.FixCommand;
                if (VirtualEsp32Host.InCi) Assert.Fail(message);
                Assert.Inconclusive(message);
            }

            return HostOnce.Value;
        }

        private static readonly Lazy<VirtualEsp32Host> HostOnce = new Lazy<VirtualEsp32Host>(VirtualEsp32Host.Prepare);

        public static Run Get()
        {
            Host();
            return Shared.Value;
        }

        private static Run Start()
        {
            var host = HostOnce.Value;
            var expected = NanoTestResults.Expected(TestAssembly);
            // Ours as NFUnitTest references them (Hal, Core, Hal.Esp32, Hal.Sim...), then the launcher and the tests.
            var names = VirtualEsp32Host.OurReferences(TestAssembly);
            names.Add(VirtualEsp32Host.Launcher);
            names.Add("NFUnitTest");
            var output = NanoClrProcess.Run(host.Runner, host.LoadList(names.ToArray()),
                o => o.Done || AllReported(o, expected),
                TimeSpan.FromMinutes(10));
            return new Run { Host = host, Expected = expected, Output = output, Results = NanoTestResults.Parse(output.Lines) };
        }

        private static bool AllReported(NanoClrOutput output, List<string> expected)
        {
            var results = NanoTestResults.Parse(output.Lines);
            foreach (string name in expected)
            {
                if (!results.ContainsKey(name)) return false;
            }

            return true;
        }
    }
}
