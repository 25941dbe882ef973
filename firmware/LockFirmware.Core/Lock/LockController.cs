using LockFirmware.Core.Common;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Lock;

namespace LockFirmware.Core.Lock
{
    /// <summary>
    /// The part that moves steel. Driven by calls that carry <c>nowMs</c>; each returns the next deadline
    /// (<see cref="LockTime.Never"/> when idle) at which the caller must call <see cref="Tick"/>. It samples
    /// the switches itself, debounces the door and button, runs the bolt sequence (drive to the limit switch
    /// within MotorMaxRunMs, brake; on a timeout brake, back off, retry once, then Jammed), relocks after the
    /// door closed or after the hold time, and plays feedback. No sleep, no thread, no allocation per call.
    /// Time is kept internally and never runs backwards: a clock set back freezes it instead.
    /// The unlock direction waits for a durable log record; the lock direction does not, so a broken flash can
    /// never hold a door open.
    /// </summary>
    public sealed class LockController
    {
        private enum Phase : byte
        {
            Idle,
            Drive,
            BrakeThenBackoff,
            Backoff,
            BrakeThenRetry,
            BrakeThenDone,
            BrakeThenJam,
            BrakeThenReverse,
        }

        private readonly LockConfig _config;
        private readonly LockHardware _hw;
        private readonly IEventLog _log;

        private long _t;             // internal monotonic time (ms)
        private long _lastNow = long.MinValue;

        private LockState _state = LockState.Unknown;
        private Phase _phase = Phase.Idle;
        private long _phaseEnd = LockTime.Never;
        private bool _extending;     // direction of the current operation
        private int _attempt;
        private long _driveStart;
        private MotorDrive _drive = MotorDrive.Coast;

        private bool _doorRaw, _doorClosed;
        private long _doorChangeAt;
        private bool _buttonRaw, _buttonDown;
        private long _buttonChangeAt, _buttonDownAt;
        private bool _longPressHandled;

        private long _relockAt = LockTime.Never;
        private bool _relockWhenClosed;

        private long _setupEnd = LockTime.Never;

        private int[] _pattern;
        private int _patternStep;
        private long _patternStepEnd = LockTime.Never;

        public LockController(LockConfig config, LockHardware hardware, IEventLog log)
        {
            _config = config;
            _hw = hardware;
            _log = log;
        }

        public LockState State
        {
            get { return _state; }
        }

        /// <summary>What the motor is being told now.</summary>
        public MotorDrive Motor
        {
            get { return _drive; }
        }

        public bool DoorClosed
        {
            get { return !_config.DoorSensorPresent || _hw.DoorClosed == null || _doorClosed; }
        }

        public bool SetupWindowOpen
        {
            get { return _setupEnd != LockTime.Never; }
        }

        /// <summary>Orthogonal conditions set by the rest of the firmware; shown in status and feedback.</summary>
        public bool LockedOut { get; private set; }
        public bool TimeUnknown { get; private set; }
        public bool Unprovisioned { get; private set; }
        public bool LowBattery { get; private set; }

        public Feedback Playing { get; private set; }

        /// <summary>Power-up: read the switches, recover a known state, lock if the bolt position is unknown.</summary>
        public long Start(long nowMs)
        {
            return Start(nowMs, false);
        }

        /// <summary>
        /// As <see cref="Start(long)"/>; <paramref name="buttonWoke"/>: the inside button woke the chip from deep sleep.
        /// That press is real: held, it counts from now (a long press still opens the setup window); already
        /// released during the CLR's boot, it counts as a short press.
        /// </summary>
        public long Start(long nowMs, bool buttonWoke)
        {
            Advance(nowMs);
            _doorRaw = _doorClosed = ReadDoor();
            _buttonRaw = _buttonDown = _hw.InsideButton != null && _hw.InsideButton.IsActive;
            _longPressHandled = _buttonDown && !buttonWoke; // a button held through power-up is not a press
            _buttonDownAt = _t;
            SetMotor(MotorDrive.Coast);
            bool extended = _hw.BoltExtended.IsActive, retracted = _hw.BoltRetracted.IsActive;
            if (extended && retracted)
            {
                Fault(nowMs);
            }
            else if (extended)
            {
                _state = LockState.Locked;
            }
            else if (retracted)
            {
                _state = LockState.Unlocked;
                _relockAt = _t + _config.RelockHoldMs;
            }
            else
            {
                Log(EventType.BoltPositionUnknown, nowMs, 0);
                _state = LockState.Unknown;
                Relock(nowMs, EventType.AutoRelock);
            }

            if (buttonWoke && !_buttonDown && _hw.InsideButton != null)
            {
                Log(EventType.InsideButton, nowMs, 0);
                Toggle(nowMs);
            }

            return Step(nowMs);
        }

        /// <summary>Call at (or after) the deadline returned last time.</summary>
        public long Tick(long nowMs)
        {
            return Step(nowMs);
        }

        /// <summary>Call whenever an input pin changed (interrupt); sampling and debouncing happen here.</summary>
        public long OnInputChanged(long nowMs)
        {
            return Step(nowMs);
        }

        /// <summary>
        /// Retracts the bolt for an authorized reason. The request is made durable in the log first; if that
        /// fails nothing moves and it returns false.
        /// </summary>
        public bool RequestUnlock(UnlockReason reason, long nowMs)
        {
            Advance(nowMs);
            if (_state == LockState.Unlocking)
            {
                return true;
            }

            if (_state == LockState.Unlocked && _phase == Phase.Idle)
            {
                _relockAt = _t + _config.RelockHoldMs;
                _relockWhenClosed = false;
                Signal(Feedback.Accepted, nowMs);
                return true;
            }

            if (!Log(EventType.UnlockRequested, nowMs, (uint)reason))
            {
                Signal(Feedback.Rejected, nowMs);
                return false;
            }

            Signal(Feedback.Accepted, nowMs);
            _relockWhenClosed = false;
            _relockAt = LockTime.Never;
            Begin(false, nowMs);
            Step(nowMs);
            return true;
        }

        /// <summary>Throws the bolt (owner command); waits for the door to close if it is open.</summary>
        public long RequestLock(long nowMs)
        {
            Advance(nowMs);
            Relock(nowMs, EventType.LockRequested);
            return Step(nowMs);
        }

        /// <summary>Shows a verdict or condition on the LED and buzzer (the access module's results, for one).</summary>
        public long Signal(Feedback feedback, long nowMs)
        {
            Advance(nowMs);
            Play(feedback);
            return NextDeadline(nowMs);
        }

        public void SetLockedOut(bool value, long nowMs)
        {
            if (value && !LockedOut)
            {
                Signal(Feedback.Lockout, nowMs);
            }

            LockedOut = value;
        }

        public void SetTimeUnknown(bool value)
        {
            TimeUnknown = value;
        }

        public void SetUnprovisioned(bool value)
        {
            Unprovisioned = value;
        }

        public void SetLowBattery(bool value, long nowMs)
        {
            if (value && !LowBattery)
            {
                Log(EventType.LowBattery, nowMs, 0);
                Signal(Feedback.LowBattery, nowMs);
            }

            LowBattery = value;
        }

        /// <summary>Ends the setup window early (provisioning done).</summary>
        public void CloseSetupWindow(long nowMs)
        {
            if (SetupWindowOpen)
            {
                _setupEnd = LockTime.Never;
                Log(EventType.SetupWindowClosed, nowMs, 0);
                StopPattern(Feedback.SetupWindow);
            }
        }

        // ---- the one place where time passes ----

        private long Step(long nowMs)
        {
            Advance(nowMs);
            SampleDoor(nowMs);
            SampleButton(nowMs);
            RunMotor(nowMs);
            RunRelock(nowMs);
            RunSetupWindow(nowMs);
            RunPattern();
            return NextDeadline(nowMs);
        }

        private void Advance(long nowMs)
        {
            if (_lastNow == long.MinValue)
            {
                _lastNow = nowMs;
                return;
            }

            if (nowMs < _lastNow)
            {
                long back = (_lastNow - nowMs) / LockTime.MsPerSecond;
                Log(EventType.ClockWentBackwards, nowMs, back > uint.MaxValue ? uint.MaxValue : (uint)back);
                _lastNow = nowMs;
                return;
            }

            _t += nowMs - _lastNow;
            _lastNow = nowMs;
        }

        private long NextDeadline(long nowMs)
        {
            long next = LockTime.Never;
            if (_phase != Phase.Idle) next = Min(next, _phaseEnd);
            if (_doorRaw != _doorClosed) next = Min(next, _doorChangeAt + _config.DebounceMs);
            if (_buttonRaw != _buttonDown) next = Min(next, _buttonChangeAt + _config.DebounceMs);
            if (_buttonDown && !_longPressHandled) next = Min(next, _buttonDownAt + _config.LongPressMs);
            if (_phase == Phase.Idle) next = Min(next, _relockAt);
            next = Min(next, _setupEnd);
            if (_pattern != null) next = Min(next, _patternStepEnd);
            return next == LockTime.Never ? LockTime.Never : nowMs + (next > _t ? next - _t : 0);
        }

        // ---- inputs ----

        private bool ReadDoor()
        {
            return _hw.DoorClosed == null || _hw.DoorClosed.IsActive;
        }

        private void SampleDoor(long nowMs)
        {
            bool raw = ReadDoor();
            if (raw != _doorRaw)
            {
                _doorRaw = raw;
                _doorChangeAt = _t;
            }

            if (raw == _doorClosed || _t - _doorChangeAt < _config.DebounceMs)
            {
                return;
            }

            _doorClosed = raw;
            if (!_config.DoorSensorPresent)
            {
                return;
            }

            if (!raw)
            {
                Log(EventType.DoorOpened, nowMs, 0);
                _relockAt = LockTime.Never;
                if (_state == LockState.Locking && !_hw.BoltExtended.IsActive)
                {
                    // Never throw the bolt into an open door: pull it back and relock once it closes.
                    // (Once the bolt reached its switch the door cannot open: a sensor glitch, not a reason to retract.)
                    Log(EventType.DoorOpenWhileLocking, nowMs, 0);
                    _relockWhenClosed = true;
                    Reverse(nowMs);
                }
                else if (_state == LockState.Unlocked || _state == LockState.Unlocking)
                {
                    _relockWhenClosed = true;
                }
            }
            else
            {
                Log(EventType.DoorClosed, nowMs, 0);
                if (_relockWhenClosed && (_state == LockState.Unlocked || _state == LockState.Unknown))
                {
                    _relockAt = _t + _config.RelockAfterCloseMs;
                }
            }
        }

        private void SampleButton(long nowMs)
        {
            if (_hw.InsideButton == null)
            {
                return;
            }

            bool raw = _hw.InsideButton.IsActive;
            if (raw != _buttonRaw)
            {
                _buttonRaw = raw;
                _buttonChangeAt = _t;
            }

            if (raw != _buttonDown && _t - _buttonChangeAt >= _config.DebounceMs)
            {
                _buttonDown = raw;
                if (raw)
                {
                    _buttonDownAt = _t;
                    _longPressHandled = false;
                }
                else if (!_longPressHandled)
                {
                    Log(EventType.InsideButton, nowMs, 0);
                    Toggle(nowMs);
                }
            }

            if (_buttonDown && !_longPressHandled && _t - _buttonDownAt >= _config.LongPressMs)
            {
                _longPressHandled = true;
                Log(EventType.InsideButton, nowMs, 1);
                _setupEnd = _t + _config.SetupWindowMs;
                Log(EventType.SetupWindowOpened, nowMs, (uint)(_config.SetupWindowMs / 1000));
                Signal(Feedback.SetupWindow, nowMs);
            }
        }

        // A short press toggles: an open or opening bolt locks, anything else unlocks.
        private void Toggle(long nowMs)
        {
            if (_state == LockState.Unlocked || _state == LockState.Unlocking)
            {
                Relock(nowMs, EventType.LockRequested);
            }
            else
            {
                RequestUnlock(UnlockReason.InsideButton, nowMs);
            }
        }

        // ---- the bolt ----

        private void Relock(long nowMs, EventType why)
        {
            _relockAt = LockTime.Never;
            if (_state == LockState.Locked || _state == LockState.Locking)
            {
                return;
            }

            if (!DoorClosed)
            {
                _relockWhenClosed = true;
                return;
            }

            _relockWhenClosed = false;
            Log(why, nowMs, 0); // attempted; the lock direction does not wait for flash
            Begin(true, nowMs);
        }

        private void RunRelock(long nowMs)
        {
            if (_phase == Phase.Idle && _relockAt != LockTime.Never && _t >= _relockAt
                && (_state == LockState.Unlocked || _state == LockState.Unknown))
            {
                Relock(nowMs, EventType.AutoRelock);
            }
        }

        private void Begin(bool extend, long nowMs)
        {
            _extending = extend;
            _attempt = 1;
            _state = extend ? LockState.Locking : LockState.Unlocking;
            if (_phase != Phase.Idle)
            {
                // Changing course mid-run: brake first.
                SetMotor(MotorDrive.Brake);
                SetPhase(Phase.BrakeThenRetry, _config.BrakeMs);
                _attempt = 0;
                return;
            }

            StartDrive();
        }

        private void Reverse(long nowMs)
        {
            _extending = !_extending;
            _attempt = 0;
            _state = _extending ? LockState.Locking : LockState.Unlocking;
            SetMotor(MotorDrive.Brake);
            SetPhase(Phase.BrakeThenRetry, _config.BrakeMs);
        }

        private void StartDrive()
        {
            _driveStart = _t;
            SetMotor(_extending ? MotorDrive.Forward : MotorDrive.Reverse);
            SetPhase(Phase.Drive, _config.MotorMaxRunMs);
        }

        private void RunMotor(long nowMs)
        {
            // Several phases can end within one call when the caller was late: loop until one is still running.
            for (int guard = 0; guard < 8 && _phase != Phase.Idle; guard++)
            {
                bool extended = _hw.BoltExtended.IsActive, retracted = _hw.BoltRetracted.IsActive;
                if (extended && retracted)
                {
                    Fault(nowMs);
                    return;
                }

                if (_phase == Phase.Drive)
                {
                    bool arrived = _extending ? extended : retracted;
                    if (arrived)
                    {
                        Log(_extending ? EventType.BoltExtended : EventType.BoltRetracted, nowMs, (uint)(_t - _driveStart));
                        SetMotor(MotorDrive.Brake);
                        SetPhase(Phase.BrakeThenDone, _config.BrakeMs);
                        continue;
                    }

                    if (_t < _phaseEnd)
                    {
                        return;
                    }

                    SetMotor(MotorDrive.Brake);
                    // A retry is a new motor start: on the unlock side it needs its own durable record.
                    bool retry = _attempt < 2 && (Log(EventType.BoltRetry, nowMs, _extending ? 1u : 2u) || _extending);
                    if (retry)
                    {
                        SetPhase(Phase.BrakeThenBackoff, _config.BrakeMs);
                    }
                    else
                    {
                        Log(EventType.BoltJammed, nowMs, _extending ? 1u : 2u);
                        SetPhase(Phase.BrakeThenJam, _config.BrakeMs);
                    }

                    continue;
                }

                if (_t < _phaseEnd)
                {
                    return;
                }

                switch (_phase)
                {
                    case Phase.BrakeThenBackoff:
                        SetMotor(_extending ? MotorDrive.Reverse : MotorDrive.Forward);
                        SetPhase(Phase.Backoff, _config.BackoffMs);
                        break;
                    case Phase.Backoff:
                        SetMotor(MotorDrive.Brake);
                        SetPhase(Phase.BrakeThenRetry, _config.BrakeMs);
                        break;
                    case Phase.BrakeThenRetry:
                        _attempt++;
                        StartDrive();
                        break;
                    case Phase.BrakeThenDone:
                        SetMotor(MotorDrive.Coast);
                        SetPhase(Phase.Idle, 0);
                        _state = _extending ? LockState.Locked : LockState.Unlocked;
                        if (!_extending)
                        {
                            _relockAt = _relockWhenClosed ? LockTime.Never : _t + _config.RelockHoldMs;
                            if (_relockWhenClosed && DoorClosed)
                            {
                                _relockAt = _t + _config.RelockAfterCloseMs;
                            }
                        }

                        break;
                    case Phase.BrakeThenJam:
                        SetMotor(MotorDrive.Coast);
                        SetPhase(Phase.Idle, 0);
                        _state = LockState.Jammed;
                        _relockAt = LockTime.Never;
                        Signal(Feedback.Jammed, nowMs);
                        break;
                }
            }
        }

        private void Fault(long nowMs)
        {
            SetMotor(MotorDrive.Coast);
            SetPhase(Phase.Idle, 0);
            Log(EventType.SwitchFault, nowMs, 0);
            _state = LockState.Jammed;
            _relockAt = LockTime.Never;
            Signal(Feedback.Jammed, nowMs);
        }

        private void SetPhase(Phase phase, int durationMs)
        {
            _phase = phase;
            _phaseEnd = phase == Phase.Idle ? LockTime.Never : _t + durationMs;
        }

        private void SetMotor(MotorDrive drive)
        {
            _drive = drive;
            _hw.Motor.Drive(drive);
        }

        // ---- setup window and feedback ----

        private void RunSetupWindow(long nowMs)
        {
            if (_setupEnd != LockTime.Never && _t >= _setupEnd)
            {
                _setupEnd = LockTime.Never;
                Log(EventType.SetupWindowClosed, nowMs, 0);
                StopPattern(Feedback.SetupWindow);
            }
        }

        private void RunPattern()
        {
            for (int guard = 0; guard < 16 && _pattern != null && _t >= _patternStepEnd; guard++)
            {
                _patternStep += 2;
                if (_patternStep >= _pattern.Length)
                {
                    if (Playing == Feedback.SetupWindow && SetupWindowOpen)
                    {
                        _patternStep = 0;
                    }
                    else
                    {
                        Feedback finished = Playing;
                        StopPattern(finished);
                        if (LowBattery && (finished == Feedback.Accepted || finished == Feedback.Rejected || finished == Feedback.Lockout))
                        {
                            // The person at the door hears it after every verdict until the cells are changed.
                            Play(Feedback.LowBattery);
                        }

                        return;
                    }
                }

                ApplyPatternStep();
            }
        }

        private void Play(Feedback feedback)
        {
            _pattern = FeedbackPatterns.For(feedback);
            Playing = _pattern == null ? Feedback.None : feedback;
            _patternStep = 0;
            ApplyPatternStep();
        }

        private void ApplyPatternStep()
        {
            if (_pattern == null)
            {
                Outputs(0);
                _patternStepEnd = LockTime.Never;
                return;
            }

            Outputs(_pattern[_patternStep]);
            _patternStepEnd = _t + _pattern[_patternStep + 1];
        }

        private void StopPattern(Feedback which)
        {
            if (Playing == which)
            {
                _pattern = null;
                Playing = Feedback.None;
                Outputs(0);
                _patternStepEnd = LockTime.Never;
            }
        }

        private void Outputs(int bits)
        {
            if (_hw.Led != null) _hw.Led.Set((bits & FeedbackPatterns.Led) != 0);
            if (_hw.Buzzer != null) _hw.Buzzer.Set((bits & FeedbackPatterns.Buzzer) != 0);
        }

        private bool Log(EventType type, long nowMs, uint data)
        {
            return _log != null && _log.Append(type, nowMs, data);
        }

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }
    }
}
