using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using LockFirmware.VirtualEsp32;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// The device image running on the virtual ESP32: our nanoCLR host started on the deployed .pe set with its
    /// bench and Bluetooth ports (any free port, read back from its output). <see cref="Kill"/> is a power cut.
    /// The console (UART) is collected line by line.
    /// </summary>
    public sealed class VirtualDevice : IDisposable
    {
        /// <summary>The GATT characteristics the fragment link's channels reach (docs/ble-protocol.md, GattLink.cs).</summary>
        public const string Channels =
            "1:w:6c6f636b-6677-4c46-8000-000000000002 1:n:6c6f636b-6677-4c46-8000-000000000003 2:w:6c6f636b-6677-4c46-8000-000000000004";

        private readonly Process _process;
        private readonly List<string> _lines = new List<string>();
        private readonly object _gate = new object();

        private VirtualDevice(Process process)
        {
            _process = process;
            Started = DateTime.UtcNow;
        }

        public DateTime Started { get; }

        /// <summary>When the app started advertising (the first "ble advertising" line).</summary>
        public DateTime? AdvertisedAt { get; private set; }

        public int BenchPort { get; private set; }
        public int BlePort { get; private set; }
        public string SetupKey { get; private set; }
        public bool HasExited => _process.HasExited;

        /// <summary>Everything the host printed so far (console and host lines).</summary>
        public string[] Lines
        {
            get { lock (_gate) return _lines.ToArray(); }
        }

        /// <summary>Starts the runner on the load list (mscorlib first, the app last) with its flash partition in
        /// <paramref name="flashPath"/> (created erased when missing).</summary>
        public static VirtualDevice Start(string runner, string[] loadList, string flashPath, int blePort = 0)
        {
            var info = new ProcessStartInfo(runner) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string pe in loadList) info.ArgumentList.Add(pe);
            info.Environment["VESP32_BENCH_PORT"] = "0";
            info.Environment["VESP32_BLE_PORT"] = blePort.ToString();
            info.Environment["VESP32_BLE_CHANNELS"] = Channels;
            info.Environment["VESP32_FLASH"] = flashPath;
            var device = new VirtualDevice(Process.Start(info)!);
            device._process.OutputDataReceived += (_, e) => device.OnLine(e.Data);
            device._process.ErrorDataReceived += (_, e) => device.OnLine(e.Data);
            device._process.BeginOutputReadLine();
            device._process.BeginErrorReadLine();
            return device;
        }

        /// <summary>Waits until the app advertises and the setup key is printed; throws with the output when it does not.</summary>
        public void WaitBooted(TimeSpan timeout)
        {
            if (!WaitFor(() => BlePort > 0 && BenchPort > 0 && SetupKey != null, timeout))
            {
                throw new InvalidOperationException("the virtual device did not boot:\n" + string.Join("\n", Lines));
            }
        }

        public bool WaitFor(Func<bool> condition, TimeSpan timeout)
        {
            var end = DateTime.UtcNow + timeout;
            while (!condition())
            {
                if (DateTime.UtcNow > end || _process.HasExited) return condition();
                Thread.Sleep(20);
            }

            return true;
        }

        /// <summary>Pulls the power: the host process dies wherever it is.</summary>
        public void Kill()
        {
            try
            {
                if (!_process.HasExited) _process.Kill();
            }
            catch (InvalidOperationException)
            {
            }

            _process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }

        private void OnLine(string line)
        {
            if (line == null) return;
            line = line.TrimEnd('\r');
            lock (_gate) _lines.Add(line);
            if (line.StartsWith("virtual-esp32: bench on 127.0.0.1:", StringComparison.Ordinal)) BenchPort = PortOf(line);
            else if (line.StartsWith("virtual-esp32: ble on 127.0.0.1:", StringComparison.Ordinal)) BlePort = PortOf(line);
            else if (line.StartsWith("virtual-esp32: ble advertising", StringComparison.Ordinal)) AdvertisedAt ??= DateTime.UtcNow;
            int key = line.IndexOf(": setup key ", StringComparison.Ordinal);
            if (line.StartsWith("LockFirmware on ", StringComparison.Ordinal) && key > 0) SetupKey = line.Substring(key + 12).Trim();
        }

        private static int PortOf(string line) => int.Parse(line.Substring(line.LastIndexOf(':') + 1));
    }
}
