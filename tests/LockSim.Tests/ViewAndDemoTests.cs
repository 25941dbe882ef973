using System;
using System.IO;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;

namespace LockFirmware.LockSim.Tests
{
    [TestClass]
    public class ViewAndDemoTests
    {
        [TestMethod]
        public void ScreenShowsTheStateAfterACodeEntry()
        {
            long now = 1795615200000L;
            var sim = SimLock.Fresh(now);
            byte[] secret = sim.Provision();
            string code = new CodeIssuer(AccessPolicy.Default(), sim.Crypto, secret).OneTime(now, 2, 0);
            sim.Type(code);
            sim.Advance(2000);
            string[] screen = Screen.Render(sim, "Keypad sent 10 digits: Accepted", null);
            Assert.IsTrue(screen.Length <= Screen.Height);
            foreach (string line in screen) Assert.IsTrue(line.Length < 80, "line too wide for an 80-column terminal: " + line);
            string text = string.Join("\n", screen);
            StringAssert.Contains(text, "UNLOCKED");
            StringAssert.Contains(text, "last verdict: Accepted");
            StringAssert.Contains(text, "2026-11-25 14:00:00  one-time code #0 for 14:00-16:00 accepted");
            StringAssert.Contains(text, "bolt retracted");
        }

        [TestMethod]
        public void DemoSucceeds()
        {
            var output = new StringWriter();
            var old = Console.Out;
            Console.SetOut(output);
            try
            {
                Assert.AreEqual(0, Program.Main(new[] { "demo" }));
            }
            finally
            {
                Console.SetOut(old);
            }

            StringAssert.Contains(output.ToString(), "Delivery completed");
            StringAssert.Contains(output.ToString(), "one-time code #0 for");
            StringAssert.Contains(output.ToString(), "refused: already used");
        }

        [TestMethod]
        public void FlashFileKeepsTheLockAcrossRestarts()
        {
            string path = Path.Combine(Path.GetTempPath(), "locksim-" + Guid.NewGuid().ToString("N") + ".flash");
            long now = 1795615200000L;
            var sim = SimLock.Open(path, now);
            byte[] secret = sim.Provision();
            string code = new CodeIssuer(AccessPolicy.Default(), sim.Crypto, secret).OneTime(now, 2, 0);
            Assert.AreEqual(AccessResult.Accepted, sim.Type(code));
            var again = SimLock.Open(path, now + 60_000);
            Assert.IsFalse(again.Core.Controller.Unprovisioned);
            Assert.AreEqual(AccessResult.Replayed, again.Type(code));
        }

        [TestMethod]
        public void CorruptOrMissingFlashFilesAreClearErrors()
        {
            string path = Path.Combine(Path.GetTempPath(), "locksim-bad-" + Guid.NewGuid().ToString("N") + ".flash");
            File.WriteAllText(path, "not a flash image");
            var err = new StringWriter();
            var old = Console.Error;
            Console.SetError(err);
            try
            {
                Assert.AreEqual(2, Program.Main(new[] { "--flash", path }));
                StringAssert.Contains(err.ToString(), "not a LockFirmware flash image");
                Assert.AreEqual(2, Program.Main(new[] { "--flash", path + ".missing" }));
                StringAssert.Contains(err.ToString(), "does not exist");
                Assert.AreEqual(2, Program.Main(new[] { "--bogus" }));
            }
            finally
            {
                Console.SetError(old);
            }
        }
    }
}
