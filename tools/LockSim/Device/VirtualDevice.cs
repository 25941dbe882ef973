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
    /// The console (UART) is collected line by line. A deep sleep ends the host process with a reset line (the posix
    /// CLR cannot reload its assemblies in place); the chip "wakes" here: the host starts again on the same ports,
    /// with the RTC state the line carries.
    /// </summary>
    public sealed class VirtualDevice : IDisposable
    {
        /// <summary>The GATT characteristics the fragment link's channels reach (docs/ble-protocol.md, GattLink.cs):
        /// admin in and out, keypad in and out (the keypad's verdicts).</summary>
        public const string Channels =
            "1:w:6c6f636b-6677-4c46-8000-000000000002 1:n:6c6f636b-6677-4c46-8000-000000000003 " +
            "2:w:6c6f636b-6677-4c46-8000-000000000004 2:n:6c6f636b-6677-4c46-8000-000000000006";

        private const string ResetLine = "virtual-esp32: reset after deep sleep: ";
        private readonly List<string> _lines = new List<string>();
        private readonly object _gate = new object();
        private readonly string _runner, _flashPath;
        private readonly string[] _loadList;
        private readonly IReadOnlyDictionary<string, string> _environment;
        private Process _process;
        private string _resetEnvironment;
        private bool _killed;

        private VirtualDevice(string runner, string[] loadList, string flashPath, IReadOnlyDictionary<string, string> environment)
        {
            _runner = runner;
            _loadList = loadList;
            _flashPath = flashPath;
            _environment = environment ?? new Dictionary<string, string>();
            Started = DateTime.UtcNow;
        }

        /// <summary>Deep sleeps the device woke from (each a host restart).</summary>
        public int DeepSleepResets { get; private set; }

        public DateTime Started { get; }

        /// <summary>When the app started advertising (the first "ble advertising" line).</summary>
        public DateTime? AdvertisedAt { get; private set; }

        public int BenchPort { get; private set; }
        public int BlePort { get; private set; }
        public string SetupKey { get; private set; }
        public bool HasExited
        {
            get { lock (_gate) return _killed || (_process.HasExited && _resetEnvironment == null); }
        }

        /// <summary>Everything the host printed so far (console and host lines).</summary>
        public string[] Lines
        {
            get { lock (_gate) return _lines.ToArray(); }
        }

        /// <summary>Starts the runner on the load list (mscorlib first, the app last) with its flash partition in
        /// <paramref name="flashPath"/> (created erased when missing); <paramref name="clockMs"/>: the RTC's time at
        /// power-up (UTC ms), null for the host's; <paramref name="benchPort"/>: 0 for any free port (read back);
        /// <paramref name="environment"/> adds host settings (the Bluetooth air and address of docs/virtual-esp32.md,
        /// "Two devices").</summary>
        public static VirtualDevice Start(string runner, string[] loadList, string flashPath, int blePort = 0, long? clockMs = null, int benchPort = 0,
            IReadOnlyDictionary<string, string> environment = null)
        {
            var device = new VirtualDevice(runner, loadList, flashPath, environment) { BlePort = 0 };
            string rtc = clockMs == null ? null : "VESP32_RTC_OFFSET_TICKS=" + (clockMs.Value - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) * 10_000;
            device.Launch(benchPort, blePort, rtc);
            return device;
        }

        private void Launch(int benchPort, int blePort, string resetEnvironment)
        {
            var info = new ProcessStartInfo(_runner) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string pe in _loadList) info.ArgumentList.Add(pe);
            info.Environment["VESP32_BENCH_PORT"] = benchPort.ToString();
            info.Environment["VESP32_BLE_PORT"] = blePort.ToString();
            info.Environment["VESP32_BLE_CHANNELS"] = Channels;
            info.Environment["VESP32_FLASH"] = _flashPath;
            foreach (var setting in _environment) info.Environment[setting.Key] = setting.Value;
            foreach (string pair in (resetEnvironment ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=');
                if (eq > 0) info.Environment[pair.Substring(0, eq)] = pair.Substring(eq + 1);
            }

            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => OnLine(e.Data);
            process.ErrorDataReceived += (_, e) => OnLine(e.Data);
            process.Exited += (_, _) => OnExited();
            lock (_gate) _process = process;
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        // The chip woke from deep sleep: the same host, ports and flash, with the RTC state of the reset line.
        private void OnExited()
        {
            string environment;
            lock (_gate)
            {
                environment = _resetEnvironment;
                if (environment == null || _killed) return;
                _resetEnvironment = null;
                DeepSleepResets++;
            }

            _process.WaitForExit(); // the last lines are read
            Launch(BenchPort, BlePort, environment);
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
                if (DateTime.UtcNow > end || HasExited) return condition();
                Thread.Sleep(20);
            }

            return true;
        }

        /// <summary>Pulls the power: the host process dies wherever it is (and does not come back).</summary>
        public void Kill()
        {
            Process process;
            lock (_gate)
            {
                _killed = true;
                process = _process;
            }

            try
            {
                if (!process.HasExited) process.Kill();
            }
            catch (InvalidOperationException)
            {
            }

            process.WaitForExit();
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
            lock (_gate)
            {
                _lines.Add(line);
                if (line.StartsWith(ResetLine, StringComparison.Ordinal)) _resetEnvironment = line.Substring(ResetLine.Length);
            }

            if (line.StartsWith("virtual-esp32: bench on 127.0.0.1:", StringComparison.Ordinal)) BenchPort = PortOf(line);
            else if (line.StartsWith("virtual-esp32: ble on 127.0.0.1:", StringComparison.Ordinal)) BlePort = PortOf(line);
            else if (line.StartsWith("virtual-esp32: ble advertising", StringComparison.Ordinal)) AdvertisedAt ??= DateTime.UtcNow;
            int key = line.IndexOf(": setup key ", StringComparison.Ordinal);
            if (line.StartsWith("LockFirmware on ", StringComparison.Ordinal) && key > 0) SetupKey = line.Substring(key + 12).Trim();
        }

        private static int PortOf(string line) => int.Parse(line.Substring(line.LastIndexOf(':') + 1));
    }
}
