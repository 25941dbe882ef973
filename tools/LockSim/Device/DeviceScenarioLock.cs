using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using LockFirmware.Core.Access;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Lock;
using LockFirmware.LockCtl.Remote;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// A scenario's lock on the virtual ESP32 (`locksim script --device`): the device image booted on fresh flash with
    /// its clock at the scenario's start, driven the way people drive a real lock. The bench plays the door, the inside
    /// button, the jam and the battery; the installer provisions with the setup key in the setup window (the button held)
    /// and registers a keypad; codes go through that keypad's sealed channel and the verdict comes back on it; the
    /// owner's app (lockctl's client, one BLE connection kept open, as an app watching the lock) sets the clock, clears
    /// the lockout and reads the state and the log. Bolt and motor are read on the bench's pins. What a user cannot see
    /// on this board (Controller internals, the feedback pattern, battery readings, the keypad at the door) is "not
    /// available on the device".
    /// </summary>
    public sealed class DeviceScenarioLock : IScenarioLock
    {
        private const byte KeypadId = 1;

        // An admin session ends after 60 s without a message (AdminSession.IdleTimeoutMs): a new one well before.
        private const long SessionReuseMs = 30_000;

        // The lock's clock when its battery ran flat: it restarts from zero (5 s after 1970, as the simulated lock).
        private const long ClockLostMs = 5_000;

        // The device boots this long before the scenario's start: room for the installer's visit (button held 6 s,
        // setup window left to close, 2 min) before the owner sets the clock to the start, forwards. A clock set
        // backwards would log ClockWentBackwards, which the simulated lock never does.
        private const long InstallerVisitMs = 150_000;

        // The shortest press in real time (see SetButton).
        private const int MinPressMs = 200;

        private static readonly TimeSpan Answer = TimeSpan.FromSeconds(30);
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "locksim-device-" + Guid.NewGuid().ToString("N"));
        private readonly DeviceSession _session;
        private readonly byte[] _installerKey = RandomNumberGenerator.GetBytes(16);
        private readonly byte[] _ownerKey = RandomNumberGenerator.GetBytes(16);
        private readonly byte[] _keypadKey = RandomNumberGenerator.GetBytes(16);
        private RemoteLock _app;
        private AdminRole? _role;
        private long _sessionUsedAt;
        private uint _keypadCounter;
        private bool _provisioned;
        private long _now;
        private long _pressedAt;

        public DeviceScenarioLock(DeviceImage image, long startMs)
        {
            Directory.CreateDirectory(_dir);
            _now = startMs;
            try
            {
                _session = new DeviceSession(image, Path.Combine(_dir, "flash.bin"), startMs - InstallerVisitMs);
                Connect();
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public DeviceSession Session => _session;

        public long Now => _now;

        public void SetClock(long utcMs)
        {
            CatchUp();
            AsOwner("set the clock", app => app.SetTime(utcMs));
            _now = utcMs;
            _sessionUsedAt = utcMs;
        }

        public void Advance(long ms)
        {
            _now += ms;
            _session.Bench.AdvanceTo(_now, Answer);
        }

        public byte[] Provision(byte[] secret)
        {
            secret ??= RandomNumberGenerator.GetBytes(CodeKeys.SecretLength);
            if (_provisioned)
            {
                // Provisioned already: a new secret is the owner's to give.
                AsOwner("provision", app => app.Call(AdminCommand.ProvisionSecret, secret));
                return secret;
            }

            // The installer holds the inside button (setup window) and provisions with the setup key on the label,
            // registers the keypad, and sets the clock once the window has closed by itself: the lock is then as the
            // simulated lock is after `provision`, at the scenario's time (the visit happened before it, see
            // InstallerVisitMs; a later first provisioning ends with the clock set back a little).
            var bench = _session.Bench;
            bench.SetButton(true);
            LetPass(6_000);
            bench.SetButton(false);
            LetPass(500);
            OnDevice("provision", () =>
            {
                Open(AdminRole.Setup, Convert.FromHexString(_session.Device.SetupKey));
                _app.Provision(secret, _installerKey, _ownerKey);
                Open(AdminRole.Installer, _installerKey);
                _app.AddKeypad(KeypadId, _keypadKey);
                return 0;
            });
            LetPass(new LockConfig().SetupWindowMs + 1_000);
            _provisioned = true;
            SetClock(_now);
            return secret;
        }

        public AccessResult Type(string digits)
        {
            if (!_provisioned)
                throw NotAvailable("typing on an unprovisioned lock (codes reach the device only through a registered keypad, and registering one needs provisioning)");
            CatchUp();
            AccessResult? verdict = OnDevice("type", () => _app.Enter(KeypadId, _keypadKey, ++_keypadCounter, Encoding.ASCII.GetBytes(digits), true));
            return verdict ?? throw new InvalidOperationException("no verdict came back on the keypad channel within the keypad's window; the device's last lines:\n" + LastLines());
        }

        public void SetDoor(bool closed)
        {
            CatchUp();
            _session.Bench.SetDoor(closed);
        }

        public void SetButton(bool pressed)
        {
            CatchUp();
            if (!pressed)
            {
                // A press must last in real time too: the app samples the pin when its loop runs, and a press and
                // release between two of its ticks (a 200 ms press is one clock jump) would never be seen.
                long held = (long)Stopwatch.GetElapsedTime(_pressedAt).TotalMilliseconds;
                if (held < MinPressMs) Thread.Sleep((int)(MinPressMs - held));
            }

            _pressedAt = Stopwatch.GetTimestamp();
            _session.Bench.SetButton(pressed);
        }

        public void SetJam(bool jammed)
        {
            CatchUp();
            _session.Bench.SetJam(jammed);
        }

        public void PowerCut()
        {
            CatchUp();
            Restart(_now);
        }

        public void ClockLost()
        {
            _now = ClockLostMs;
            Restart(ClockLostMs);
        }

        public void ClearLockout()
        {
            CatchUp();
            AsOwner("clear the lockout", app => app.Call(AdminCommand.ClearLockout));
        }

        public void SetBattery(int millivolts) =>
            throw NotAvailable($"battery readings (the {_session.Image.Board} image measures no battery, and the virtual ESP32 has no ADC)");

        public SimKeypad Keypad => throw NotAvailable("the BLE keypad at the door (the scenario drives the lock; use `type` for codes)");

        public LockState State => Status("read the lock's state").State;
        public bool LockedOut => Status("read the lockout").LockedOut;
        public bool SetupWindowOpen => Status("read the setup window").SetupWindowOpen;
        public bool LowBattery => throw NotAvailable("the low-battery condition (the board measures no battery)");
        public Feedback Playing => throw NotAvailable("the feedback pattern by name (the LED and buzzer pins show only on/off)");
        public string Bolt => _session.Bench.Bolt;
        public MotorDrive Motor => _session.Bench.Drive;

        /// <summary>The lock's log as the owner's app pulls it, without the records of the app's own sessions.</summary>
        public IReadOnlyList<EventType> Events
        {
            get
            {
                var types = new List<EventType>();
                foreach (EventRecord r in AsOwner("read the log", app => app.ReadLog(0)))
                {
                    if (!IsObserverRecord(r.Type)) types.Add(r.Type);
                }

                return types;
            }
        }

        public void Dispose()
        {
            _app?.Dispose();
            _session?.Dispose();
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
            }
        }

        // Reading the lock over BLE writes the session's own records (owner: into the log; anyone else: rate-limited);
        // they are the observer's footprint, not the scenario's story.
        private static bool IsObserverRecord(EventType type) =>
            type == EventType.AdminSessionOpened || type == EventType.AdminSessionEnded ||
            type == EventType.AdminCommand || type == EventType.AdminRecordsSuppressed;

        private RemoteStatus Status(string what) => AsOwner(what, app => app.Status());

        private void AsOwner(string what, Action<RemoteLock> call) => AsOwner(what, app => { call(app); return 0; });

        private T AsOwner<T>(string what, Func<RemoteLock, T> call) => OnDevice(what, () => call(Owner(what)));

        // What an app does on the kept connection; a refusal or a lock that stopped answering fails the scenario with
        // the device's last console lines.
        private T OnDevice<T>(string what, Func<T> call)
        {
            try
            {
                return call();
            }
            catch (LockFirmware.LockCtl.CliException e)
            {
                _role = null;
                throw new InvalidOperationException($"{what}: {e.Message}; the device's last lines:\n{LastLines()}");
            }
        }

        // The owner's session on the kept connection, opened again when it may have ended (idle, power cut, clock set back).
        private RemoteLock Owner(string what)
        {
            if (!_provisioned) throw NotAvailable(what + " on an unprovisioned lock (no owner key yet; an unprovisioned lock opens a session only to its setup key, in the setup window)");
            if (_role != AdminRole.Owner || _now - _sessionUsedAt > SessionReuseMs || _now < _sessionUsedAt)
            {
                Open(AdminRole.Owner, _ownerKey);
            }

            _sessionUsedAt = _now;
            return _app;
        }

        private void Open(AdminRole role, byte[] key)
        {
            _app.Open(role, key);
            _role = role;
            _sessionUsedAt = _now;
        }

        // Before the first provisioning the device's clock may be behind the scenario's (InstallerVisitMs).
        private void CatchUp() => _session.Bench.AdvanceTo(_now, Answer);

        // Device time that is not scenario time (the installer's visit while provisioning); the owner sets the clock after.
        private void LetPass(long ms)
        {
            var bench = _session.Bench;
            bench.AdvanceTo(bench.DeviceTimeMs(Answer) + ms, Answer);
        }

        private void Restart(long clockMs)
        {
            _app?.Dispose();
            _app = null;
            _role = null;
            _session.PowerCut(clockMs);
            Connect();
        }

        // The app connects while the lock advertises (the radio window after power-up) and stays connected: a
        // connected peer keeps the lock awake and reachable, as the simulated lock always is.
        private void Connect()
        {
            VirtualDevice device = _session.Device;
            if (!device.WaitFor(() => device.AdvertisedAt != null, Answer))
                throw new InvalidOperationException("the virtual device does not advertise:\n" + string.Join("\n", device.Lines));
            _app = RemoteLock.Connect(_session.Target);
        }

        private string LastLines()
        {
            string[] lines = _session.Device.Lines;
            return string.Join("\n", lines[Math.Max(0, lines.Length - 15)..]);
        }

        private static Scenario.ScenarioError NotAvailable(string what) => new Scenario.ScenarioError("not available on the device: " + what);
    }
}
