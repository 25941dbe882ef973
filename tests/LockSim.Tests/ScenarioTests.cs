using System;
using System.IO;
using System.Linq;

namespace LockFirmware.LockSim.Tests
{
    [TestClass]
    public class ScenarioTests
    {
        private static string ScenarioDir
        {
            get
            {
                string dir = AppContext.BaseDirectory;
                while (dir != null && !File.Exists(Path.Combine(dir, "LockFirmware.sln"))) dir = Path.GetDirectoryName(dir);
                return Path.Combine(dir, "tests", "scenarios");
            }
        }

        [TestMethod]
        public void EveryScenarioPasses()
        {
            string[] files = Directory.GetFiles(ScenarioDir, "*.lock").OrderBy(f => f).ToArray();
            Assert.IsTrue(files.Length >= 20, "at least 20 scenarios: " + files.Length);
            var failures = new StringWriter();
            foreach (string file in files)
            {
                var output = new StringWriter();
                int code = new Scenario(output).RunFile(file);
                if (code != 0) failures.WriteLine(output.ToString());
            }

            Console.WriteLine($"scenarios: {files.Length} run");
            Assert.AreEqual("", failures.ToString());
        }

        private static (int Code, string Out) RunLines(params string[] lines)
        {
            var output = new StringWriter();
            int code = new Scenario(output).Run(lines, "test.lock");
            return (code, output.ToString());
        }

        [TestMethod]
        public void FailedExpectationNamesTheLineAndExitsOne()
        {
            var r = RunLines("# comment", "expect state Unlocked");
            Assert.AreEqual(1, r.Code);
            StringAssert.Contains(r.Out, "test.lock:2");
            StringAssert.Contains(r.Out, "expected Unlocked, got Locked");
        }

        [TestMethod]
        public void MalformedLinesExitTwoWithAClearMessage()
        {
            foreach (string bad in new[] { "frobnicate", "advance soon", "clock yesterday", "door ajar", "type $nobody", "issue one-time 2h as x", "expect colour red", "power off" })
            {
                var r = RunLines(bad);
                Assert.AreEqual(2, r.Code, bad + " -> " + r.Out);
                StringAssert.Contains(r.Out, "test.lock:1");
            }
        }

        [TestMethod]
        public void ScriptRunsEachFileAndRefusesDeviceOptionsWithoutDevice()
        {
            string file = Path.Combine(ScenarioDir, "02-replay-refused.lock");
            var output = new StringWriter();
            Assert.AreEqual(0, ScriptCommand.Run(new[] { "script", file, file }, output), output.ToString());
            Assert.AreEqual(2, output.ToString().Split("ok " + file).Length - 1, output.ToString());

            foreach (string[] bad in new[] { new[] { "script", "--board", "esp32-devkitc", file }, new[] { "script", "--release", file }, new[] { "script", "--frob", file }, new[] { "script", "--device" } })
            {
                var refused = new StringWriter();
                Assert.AreEqual(2, ScriptCommand.Run(bad, refused), string.Join(" ", bad) + " -> " + refused);
                StringAssert.Contains(refused.ToString(), "locksim script");
            }
        }

        [TestMethod]
        public void MissingScenarioFileIsAnError()
        {
            var output = new StringWriter();
            Assert.AreEqual(2, new Scenario(output).RunFile("/nonexistent/x.lock"));
            StringAssert.Contains(output.ToString(), "does not exist");
        }
    }
}
