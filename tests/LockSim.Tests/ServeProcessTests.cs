using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using LockFirmware.Hal.Sim.Flash;

namespace LockFirmware.LockSim.Tests
{
    /// <summary>`locksim serve` as a process: how it stops and how it reports a flash file it cannot write (issue 15, items 5 and 10).</summary>
    [TestClass]
    public class ServeProcessTests
    {
        private static Process Start(params string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(typeof(Server).Assembly.Location);
            foreach (string a in args) info.ArgumentList.Add(a);
            return Process.Start(info);
        }

        [TestMethod]
        public void SigtermStopsServeCleanlyAndKeepsTheFlash()
        {
            // Item 5: SIGTERM killed serve mid-save and left a 0-byte image 1 in 4 times.
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Assert.Inconclusive("needs POSIX signals");
            string dir = Path.Combine(Path.GetTempPath(), "locksim-term-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string flash = Path.Combine(dir, "lock.flash");
            try
            {
                using var serve = Start("serve", "--port", "0", "--flash", flash, "--create", "--setup-window");
                var errors = new System.Text.StringBuilder();
                serve.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
                serve.BeginErrorReadLine();
                string setupKey = null;
                string line;
                while ((line = serve.StandardOutput.ReadLine()) != null && !line.StartsWith("Ctrl+C"))
                {
                    if (line.StartsWith("setup key")) setupKey = line[(line.LastIndexOf(' ') + 1)..];
                }

                Assert.IsNotNull(setupKey, "serve did not start: " + errors);
                Thread.Sleep(300); // let it run and save
                using (var kill = Process.Start("kill", new[] { "-TERM", serve.Id.ToString() })) kill.WaitForExit();
                Assert.IsTrue(serve.WaitForExit(15_000), "serve did not stop on SIGTERM");
                string rest = serve.StandardOutput.ReadToEnd();
                Assert.AreEqual(0, serve.ExitCode, "exit code after SIGTERM; output: " + rest);
                StringAssert.Contains(rest, "flash saved");
                var sim = SimLock.Open(flash, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                Assert.AreEqual(setupKey, Convert.ToHexString(sim.Core.SetupKey).ToLowerInvariant(), "the lock's key survived");
                Assert.IsFalse(File.Exists(flash + ".tmp"));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void AFlashPathThatCannotBeWrittenIsAClearError()
        {
            // Item 10: `locksim serve --flash /nonexistent/dir/x.flash --create` died with a stack trace.
            using var serve = Start("serve", "--port", "0", "--flash", "/nonexistent/dir/x.flash", "--create");
            Assert.IsTrue(serve.WaitForExit(15_000));
            string err = serve.StandardError.ReadToEnd();
            Assert.AreEqual(2, serve.ExitCode, err);
            StringAssert.StartsWith(err, "locksim: ");
            Assert.IsFalse(err.Contains("   at "), "a stack trace: " + err);
        }
    }
}
