using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LockFirmware.LockSim.Device;

namespace LockFirmware.VirtualDevice.Tests
{
    /// <summary>The Release image boots on the virtual ESP32 and prints the setup key on the UART.</summary>
    [TestClass]
    public class BootTests
    {
        [TestMethod]
        public void ReleaseImagePrintsTheSetupKeyOnTheConsoleAndKeepsItAcrossAReboot()
        {
            DeviceImage image = DeviceRun.Get();
            string flash = DeviceRun.FreshFlash();
            try
            {
                string first;
                using (var session = new DeviceSession(image, flash))
                {
                    first = session.Device.SetupKey;
                    Assert.IsTrue(Regex.IsMatch(first, "^[0-9a-f]{32}$"), "setup key line: " + first + "\n" + string.Join("\n", session.Device.Lines));
                    Assert.IsTrue(session.Device.Lines.Any(l => l.StartsWith("virtual-esp32: ble advertising", StringComparison.Ordinal)));
                }

                // The key was drawn at the first boot and stored: the next boot reads it back from flash.
                using (var again = new DeviceSession(image, flash))
                {
                    Assert.AreEqual(first, again.Device.SetupKey, "the setup key must survive a power cut");
                }
            }
            finally
            {
                File.Delete(flash);
            }
        }
    }
}
