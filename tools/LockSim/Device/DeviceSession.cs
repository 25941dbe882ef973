using System;
using System.Collections.Generic;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// A running virtual lock: the device image on the virtual ESP32 with its bench attached. A power cut kills the
    /// host and boots the same image again; the bolt stays where the motor left it and the flash keeps what the
    /// file system committed.
    /// </summary>
    public sealed class DeviceSession : IDisposable
    {
        private readonly TimeSpan _bootTimeout = TimeSpan.FromSeconds(60);

        private readonly IReadOnlyDictionary<string, string> _environment;

        public DeviceSession(DeviceImage image, string flashPath, IReadOnlyDictionary<string, string> environment = null)
        {
            Image = image;
            FlashPath = flashPath;
            _environment = environment;
            Pins = BoardPins.Load(LockFirmware.VirtualEsp32.VirtualEsp32Host.RepoRoot, image.Board);
            Boot(1.0);
        }

        public DeviceImage Image { get; }

        /// <summary>The emulated flash partition (littlefs), kept across power cuts and runs.</summary>
        public string FlashPath { get; }
        public BoardPins Pins { get; }
        public VirtualDevice Device { get; private set; }
        public DeviceBench Bench { get; private set; }

        /// <summary>lockctl's --target for this lock.</summary>
        public string Target => "sim://127.0.0.1:" + Device.BlePort;

        public void PowerCut()
        {
            double position = Bench.Hardware.Bolt.Position;
            bool door = Bench.Hardware.DoorClosed.IsActive, jam = Bench.Hardware.Bolt.Jammed;
            Bench.Dispose();
            Device.Dispose();
            Boot(position);
            Bench.SetDoor(door);
            Bench.SetJam(jam);
        }

        public void Dispose()
        {
            Bench?.Dispose();
            Device?.Dispose();
        }

        private void Boot(double boltPosition)
        {
            Device = VirtualDevice.Start(Image.Host.Runner, Image.LoadList, FlashPath, 0, _environment);
            if (!Device.WaitFor(() => Device.BenchPort > 0, _bootTimeout))
                throw new InvalidOperationException("the virtual ESP32 opened no bench port:\n" + string.Join("\n", Device.Lines));
            Bench = new DeviceBench(Pins, Device.BenchPort, boltPosition);
            Device.WaitBooted(_bootTimeout);
        }
    }
}
