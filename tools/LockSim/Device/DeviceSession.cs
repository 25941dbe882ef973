using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
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

        /// <param name="clockMs">The RTC's time at power-up (UTC ms); null: the host's time.</param>
        /// <param name="environment">Host settings added to the runner's (the Bluetooth air of docs/virtual-esp32.md).</param>
        public DeviceSession(DeviceImage image, string flashPath, long? clockMs = null, IReadOnlyDictionary<string, string> environment = null)
        {
            Image = image;
            FlashPath = flashPath;
            _environment = environment;
            Pins = BoardPins.Load(LockFirmware.VirtualEsp32.VirtualEsp32Host.RepoRoot, image.Board);
            Boot(1.0, clockMs, true, false);
        }

        public DeviceImage Image { get; }

        /// <summary>The emulated flash partition (littlefs), kept across power cuts and runs.</summary>
        public string FlashPath { get; }
        public BoardPins Pins { get; }
        public VirtualDevice Device { get; private set; }
        public DeviceBench Bench { get; private set; }

        /// <summary>lockctl's --target for this lock.</summary>
        public string Target => "sim://127.0.0.1:" + Device.BlePort;

        /// <summary>Kills the host and boots the image again; <paramref name="clockMs"/>: the RTC's time at power-up
        /// (a kept clock, or 5 s after 1970 for a lost one), null: the host's time.</summary>
        public void PowerCut(long? clockMs = null)
        {
            double position = Bench.Hardware.Bolt.Position;
            bool door = Bench.Hardware.DoorClosed.IsActive, jam = Bench.Hardware.Bolt.Jammed;
            Bench.Dispose();
            Device.Dispose();
            Boot(position, clockMs, door, jam);
        }

        public void Dispose()
        {
            Bench?.Dispose();
            Device?.Dispose();
        }

        private void Boot(double boltPosition, long? clockMs, bool doorClosed, bool jammed)
        {
            // The bench attaches while the host starts, before the app reads its pins (a chip's pins are wired before
            // power-up): on a port chosen here, not one read back from the host's output after the app has booted.
            int benchPort = FreePort();
            Device = VirtualDevice.Start(Image.Host.Runner, Image.LoadList, FlashPath, clockMs: clockMs, benchPort: benchPort, environment: _environment);
            try
            {
                Bench = new DeviceBench(Pins, benchPort, boltPosition, doorClosed, jammed);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException(e.Message + ":\n" + string.Join("\n", Device.Lines));
            }

            Device.WaitBooted(_bootTimeout);
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
