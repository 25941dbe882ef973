using System;
using System.Collections.Generic;
using LockFirmware.VirtualEsp32;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// A running virtual keypad: the keypad image (board esp32-keypad) on a virtual ESP32 of its own, its bench
    /// attached (keys on the matrix, LED and buzzer read back), in the same Bluetooth air as the locks it may talk to
    /// (docs/virtual-esp32.md, "Two devices"). Its radio is the central role: it finds and connects to a lock's GATT
    /// server as the real keypad does.
    /// </summary>
    public sealed class KeypadSession : IDisposable
    {
        private readonly TimeSpan _bootTimeout = TimeSpan.FromSeconds(60);

        public KeypadSession(DeviceImage image, string flashPath, string air, string address)
        {
            Pins = KeypadPins.Load(VirtualEsp32Host.RepoRoot, image.Board);
            Device = VirtualDevice.Start(image.Host.Runner, image.LoadList, flashPath, environment: Air(air, address));
            if (!Device.WaitFor(() => Device.BenchPort > 0, _bootTimeout))
                throw new InvalidOperationException("the virtual keypad opened no bench port:\n" + string.Join("\n", Device.Lines));
            Bench = new KeypadBench(Pins, Device.BenchPort);
            if (!Device.WaitFor(() => Array.Exists(Device.Lines, l => l.StartsWith("LockFirmware keypad on ", StringComparison.Ordinal)), _bootTimeout))
                throw new InvalidOperationException("the virtual keypad did not boot:\n" + string.Join("\n", Device.Lines));
        }

        public KeypadPins Pins { get; }
        public VirtualDevice Device { get; }
        public KeypadBench Bench { get; }

        /// <summary>The host settings that put a virtual device in an air (a folder shared by the devices in range) under an address.</summary>
        public static IReadOnlyDictionary<string, string> Air(string air, string address) =>
            new Dictionary<string, string> { ["VESP32_BLE_AIR"] = air, ["VESP32_BLE_ADDRESS"] = address };

        public void Dispose()
        {
            Bench?.Dispose();
            Device?.Dispose();
        }
    }
}
