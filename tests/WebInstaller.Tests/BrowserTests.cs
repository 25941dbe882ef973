using System.IO;

namespace LockFirmware.WebInstaller.Tests
{
    /// <summary>
    /// tools/WebInstaller/e2e/browser.mjs: the page in headless Debian chromium against `locksim serve --web`.
    /// Skipped outside CI when chromium or the npm packages are missing (the message says how to get them); CI fails.
    /// </summary>
    [TestClass]
    public class BrowserTests
    {
        [TestMethod]
        public void PageProvisionsRegistersSetsTimeAndShowsTheDelivery()
        {
            if (!File.Exists(Path.Combine(NodeRunner.Page, "node_modules", "playwright-core", "package.json")))
            {
                NodeRunner.SkipOrFail("playwright-core is not installed: cd tools/WebInstaller && npm ci");
            }

            string bin(string tool, string dll) => Path.Combine(NodeRunner.Repo, "tools", tool, "bin", NodeRunner.Configuration, "net10.0", dll);
            var (code, output) = NodeRunner.Run(300_000, new[] { "LOCKSIM_DLL", bin("LockSim", "locksim.dll"), "LOCKCTL_DLL", bin("LockCtl", "lockctl.dll") }, "e2e/browser.mjs");
            if (code == 77)
            {
                NodeRunner.SkipOrFail(output.Trim());
            }

            Assert.AreEqual(0, code, output);
            StringAssert.Contains(output, "PASSED: browser test");
        }
    }
}
