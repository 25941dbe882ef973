using LockFirmware.Core.Common;
using LockFirmware.Core.Lock;
using LockFirmware.Hal.Lock;
using LockFirmware.Hal.Power;

namespace LockFirmware.Core.Power
{
    /// <summary>
    /// When the lock may sleep, how deeply, what wakes it and when the radio is on (docs/power.md). Portable: the
    /// device loop and LockSim's energy meter ask it the same question after every step and get the same answer.
    /// Rules, in order: never sleep with the motor running or a BLE peer connected or an admin session open; the
    /// radio is on for a window after an outside wake or power-up, and briefly after each keypad or admin message;
    /// light sleep while anything is pending (relock deadline, door open, feedback, setup window without radio);
    /// deep sleep only with the bolt at rest and nothing pending but housekeeping. Deep sleep costs a CLR restart,
    /// so it is only worth it for long waits: the lock's idle hours, not the seconds between two steps.
    /// </summary>
    public sealed class SleepPolicy
    {
        /// <summary>
        /// How long a keypad keeps retrying its BLE connection after the first key press (or its wake-line pulse):
        /// the lock may be in deep sleep and needs a wake plus a CLR boot before it advertises. It must be at least
        /// every board's WakeToReadyMs plus <see cref="KeypadConnectMs"/> (tests check it against boards/*/power.json).
        /// </summary>
        public const int KeypadRetryWindowMs = 10000;

        /// <summary>Time a keypad needs, once the lock advertises, to find it, connect and encrypt the link.</summary>
        public const int KeypadConnectMs = 2000;

        /// <summary>Radio window after an outside wake or power-up: a keypad retrying from the wake still finds the lock.</summary>
        public const int RadioWindowMs = KeypadRetryWindowMs;

        /// <summary>Radio kept on after a keypad or admin message: room for a retry or a second code.</summary>
        public const int RadioTailMs = 5000;

        /// <summary>Timer wake when nothing else is pending: LockCore.Tick (sessions, lockout expiry, rejection log) and a battery check.</summary>
        public const long HousekeepingMs = 6L * LockTime.MsPerHour;

        /// <summary>Waits shorter than this are spent awake: entering and leaving light sleep costs about as much.</summary>
        public const int MinSleepMs = 20;

        /// <summary>
        /// Deep sleep only when the next timer wake is at least this far: below it a CLR restart (about 2.5 s at
        /// CPU current) costs more than light sleep would (docs/power.md, "Break-even").
        /// </summary>
        public const long DeepSleepMinMs = 5L * LockTime.MsPerMinute;

        private readonly PowerOptions _options;
        private readonly PowerPlan _plan = new PowerPlan();
        private long _radioUntil = long.MinValue;
        private long _nextHousekeeping = long.MinValue;

        public SleepPolicy(PowerOptions options)
        {
            _options = options;
        }

        public PowerOptions Options
        {
            get { return _options; }
        }

        /// <summary>The lock is running again (power-up, or a wake from either sleep). An outside wake or power-up opens the radio window.</summary>
        public void OnWake(WakeSource source, long nowMs)
        {
            if (source == WakeSource.Outside || source == WakeSource.PowerOn)
            {
                _radioUntil = nowMs + RadioWindowMs;
            }

        }

        /// <summary>A keypad or admin message arrived: keep the radio for a short tail (and no longer than that).</summary>
        public void OnRadioMessage(long nowMs)
        {
            _radioUntil = nowMs + RadioTailMs;
        }

        /// <summary>
        /// The plan for the time until <paramref name="deadlineMs"/> (LockCore's next deadline, or LockTime.Never).
        /// <paramref name="linkConnected"/>: a BLE peer is connected.
        /// </summary>
        public PowerPlan Decide(LockCore core, bool linkConnected, long nowMs, long deadlineMs)
        {
            LockController controller = core.Controller;
            bool motor = controller.Motor != MotorDrive.Coast || controller.State == LockState.Locking || controller.State == LockState.Unlocking;
            bool session = linkConnected || core.Admin.IsOpen;
            bool radio = _options.AlwaysAwake || _options.RadioWhileSleeping || session || controller.SetupWindowOpen || nowMs < _radioUntil;

            // Housekeeping is the step the loop has just run (LockCore.Tick): the next one is a timer wake away.
            if (_nextHousekeeping == long.MinValue || nowMs >= _nextHousekeeping)
            {
                _nextHousekeeping = nowMs + HousekeepingMs;
            }

            long wait = deadlineMs == LockTime.Never ? LockTime.Never : deadlineMs - nowMs;
            if (!_options.AlwaysAwake)
            {
                wait = Min(wait, _nextHousekeeping - nowMs);
            }

            // A radio window still to close is a deadline of its own.
            if (radio && !_options.RadioWhileSleeping && !_options.AlwaysAwake && nowMs < _radioUntil)
            {
                wait = Min(wait, _radioUntil - nowMs);
            }

            _plan.Radio = radio;
            _plan.DoorWakeWhenOpened = controller.DoorClosed;
            _plan.ForMs = wait < 0 ? 0 : wait;

            if (motor)
            {
                return Set(PowerMode.Awake, PowerState.MotorRunning);
            }

            if (_options.RadioWhileSleeping)
            {
                // Custom firmware: the loop just waits and the chip sleeps between BLE events by itself.
                return Set(PowerMode.Awake, session ? PowerState.ConnectedModemSleep : PowerState.LightSleepRadio);
            }

            if (session)
            {
                return Set(PowerMode.Awake, PowerState.Connected);
            }

            if (radio)
            {
                return Set(PowerMode.Awake, PowerState.Advertising);
            }

            if (wait < MinSleepMs)
            {
                return Set(PowerMode.Awake, PowerState.AwakeRadioOff);
            }

            bool atRest = controller.State == LockState.Locked || controller.State == LockState.Jammed;
            if (atRest && controller.Playing == Feedback.None && wait >= DeepSleepMinMs)
            {
                return Set(PowerMode.DeepSleep, PowerState.DeepSleep);
            }

            return Set(PowerMode.LightSleep, PowerState.LightSleep);
        }

        private PowerPlan Set(PowerMode mode, PowerState state)
        {
            _plan.Mode = mode;
            _plan.State = state;
            return _plan;
        }

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }
    }
}
