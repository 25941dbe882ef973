using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockFirmware.VirtualEsp32;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace LockFirmware.NanoClr.Tests
{
    /// <summary>
    /// tests/LockFirmware.Core.Tests (nano1.0, NFUnitTest) run by the stock UnitTestLauncher on our nanoCLR host, with
    /// the real libraries and native crypto: one result here per nano test method, failed with the nano message.
    /// </summary>
    [TestClass]
    public class NanoUnitTests
    {
        /// <summary>Read at discovery from NFUnitTest.dll's metadata (no CLR run needed to list them).</summary>
        public static IEnumerable<object[]> NanoTests()
        {
            if (!File.Exists(NanoRun.TestAssembly))
            {
                yield return new object[] { "(NFUnitTest.dll not built: dotnet build tests/LockFirmware.Core.Tests -f nano1.0)" };
                yield break;
            }

            foreach (string name in NanoTestResults.Expected(NanoRun.TestAssembly)) yield return new object[] { name };
        }

        [TestMethod]
        [DynamicData(nameof(NanoTests))]
        public void OnTheNanoClr(string test)
        {
            var run = NanoRun.Get();
            Assert.IsTrue(run.Expected.Contains(test), "not a test of NFUnitTest.dll: " + test);
            Assert.IsTrue(run.Output.ErrorLines().Count == 0,
                "the CLR reported errors: " + string.Join(" | ", run.Output.ErrorLines()));
            if (!run.Results.TryGetValue(test, out var result))
                Assert.Fail("not reported by the launcher (the run stopped before it?). Output tail:\n" + run.Output.Tail(15));
            if (result.Outcome == "skipped") Assert.Inconclusive(string.Join("; ", result.Messages));
            Assert.AreEqual("passed", result.Outcome, string.Join("; ", result.Messages));
        }

        /// <summary>The run as a whole: loaded (Ready.), no error line, every method reported, nothing reported twice
        /// or unknown, and the CLR did not run out of time. The runner's exit code says nothing (always 0).</summary>
        [TestMethod]
        public void TheRunReportsEveryTestAndNoError()
        {
            var run = NanoRun.Get();
            Assert.IsTrue(run.Output.Ready, "the CLR never printed Ready.:\n" + run.Output.Tail(25));
            Assert.AreEqual(0, run.Output.ErrorLines().Count, string.Join("\n", run.Output.ErrorLines()));
            Assert.IsFalse(run.Output.TimedOut, "the run timed out:\n" + run.Output.Tail(15));
            var missing = run.Expected.Where(t => !run.Results.ContainsKey(t)).ToList();
            Assert.AreEqual(0, missing.Count, "not reported: " + string.Join(", ", missing));
            var unknown = run.Results.Keys.Where(t => !run.Expected.Contains(t)).ToList();
            Assert.AreEqual(0, unknown.Count, "reported but not a test method: " + string.Join(", ", unknown));
            Assert.IsTrue(run.Expected.Count >= 75, "only " + run.Expected.Count + " nano tests found in " + NanoRun.TestAssembly);
        }
    }
}
