using System;
using System.IO;
using LockFirmware.LockSim.Device;
using LockFirmware.VirtualEsp32;

namespace LockFirmware.VirtualDevice.Tests
{
    /// <summary>The Release device image for esp32-devkitc, built once per test run; a fresh flash partition per lock.</summary>
    public static class DeviceRun
    {
        public const string Board = "esp32-devkitc";

        private static readonly Lazy<DeviceImage> Image = new Lazy<DeviceImage>(() => DeviceImage.Prepare(Board, "Release", null));

        /// <summary>The image, or the test ends: inconclusive without the kit or build tools, failed in CI.</summary>
        public static DeviceImage Get()
        {
            string missing = VirtualEsp32Host.Missing();
            if (missing != null)
            {
                string message = "the virtual ESP32 cannot run here: " + missing + " (" + VirtualEsp32Host.FixCommand + ")";
                if (VirtualEsp32Host.InCi) Assert.Fail(message);
                Assert.Inconclusive(message);
            }

            return Image.Value;
        }

        public static string FreshFlash() => Path.Combine(Path.GetTempPath(), "vesp32-test-" + Guid.NewGuid().ToString("N") + ".flash");
    }
}
