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

        public const string KeypadBoard = "esp32-keypad";

        private static readonly Lazy<DeviceImage> Image = new Lazy<DeviceImage>(() => DeviceImage.Prepare(Board, "Release", null));
        private static readonly Lazy<DeviceImage> KeypadImage =
            new Lazy<DeviceImage>(() => DeviceImage.Prepare(KeypadBoard, "Release", null, DeviceImage.KeypadApp));

        /// <summary>The image, or the test ends: inconclusive without the kit or build tools, failed in CI.</summary>
        public static DeviceImage Get()
        {
            CheckHost();
            return Image.Value;
        }

        /// <summary>The courier's keypad image (firmware/LockFirmware.Keypad for esp32-keypad), as <see cref="Get"/>.</summary>
        public static DeviceImage GetKeypad()
        {
            CheckHost();
            return KeypadImage.Value;
        }

        private static void CheckHost()
        {
            string missing = VirtualEsp32Host.Missing();
            if (missing != null)
            {
                string message = "the virtual ESP32 cannot run here: " + missing + " (" + VirtualEsp32Host.FixCommand + ")";
                if (VirtualEsp32Host.InCi) Assert.Fail(message);
                Assert.Inconclusive(message);
            }
        }

        public static string FreshFlash() => Path.Combine(Path.GetTempPath(), "vesp32-test-" + Guid.NewGuid().ToString("N") + ".flash");
    }
}
