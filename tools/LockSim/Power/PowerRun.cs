using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Power;
using LockFirmware.Hal.Power;

namespace LockFirmware.LockSim.Power
{
    /// <summary>Which firmware the board runs (docs/power.md).</summary>
    public enum FirmwareOption
    {
        /// <summary>Today's loop: never sleeps, advertises all the time (also every mains-powered board).</summary>
        Today,

        /// <summary>Stock nanoFramework firmware with the sleep policy: deep sleep, wake inputs, radio windows.</summary>
        Stock,

        /// <summary>Custom nanoFramework build: automatic light sleep, BLE modem sleep, 32.768 kHz crystal; always connectable.</summary>
        Custom,
    }

    /// <summary>
    /// A lock living through a traffic profile on one board: the same LockCore and SleepPolicy as the device, the
    /// device loop's steps, and an energy meter charged with the power state the policy named for every interval.
    /// A deep sleep is what it is on the chip: the clock jumps, and the wake is a new LockCore booting (RAM lost).
    /// </summary>
    public sealed class PowerRun
    {
        /// <summary>Time a keypad needs to find an advertising lock and connect (within SleepPolicy.KeypadConnectMs).</summary>
        public const int KeypadFindsLockMs = 1000;

        public static readonly long StartMs = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        private readonly SimLock _sim;
        private readonly SleepPolicy _policy;
        private readonly BoardPower _board;
        private readonly CodeIssuer _issuer;
        private bool _connected;
        private bool _deepAsleep;
        private long _codeHour = -1;
        private int _codeIndex;

        public PowerRun(BoardPower board, FirmwareOption firmware)
        {
            _board = board;
            Firmware = board.MainsPowered ? FirmwareOption.Today : firmware;
            Meter = new EnergyMeter(board);
            _sim = SimLock.Fresh(StartMs);
            byte[] secret = new byte[CodeKeys.SecretLength];
            for (int i = 0; i < secret.Length; i++) secret[i] = (byte)(i * 7 + 1);
            _sim.Provision(secret);
            _issuer = new CodeIssuer(AccessPolicy.Default(), _sim.Crypto, secret);
            var options = new PowerOptions
            {
                AlwaysAwake = Firmware == FirmwareOption.Today,
                RadioWhileSleeping = Firmware == FirmwareOption.Custom,
                WakeToReadyMs = board.WakeToReadyMs,
            };
            _policy = new SleepPolicy(options);
            _policy.OnWake(WakeSource.PowerOn, _sim.Now);
        }

        public FirmwareOption Firmware { get; }
        public EnergyMeter Meter { get; }
        public SimLock Lock => _sim;
        public int DeepSleepWakes { get; private set; }
        public int Accepted { get; private set; }
        public int Entries { get; private set; }

        /// <summary>Keypad entries that could not be made: the lock was not connectable within the keypad's retry window.</summary>
        public int KeypadGaveUp { get; private set; }

        /// <summary>Runs the whole profile from midnight of the first day.</summary>
        public void Run(TrafficProfile profile)
        {
            for (int day = 0; day < profile.Days; day++)
            {
                long midnight = StartMs + day * LockTime.MsPerDay;
                var events = new System.Collections.Generic.List<(long At, int Kind)>();
                Spread(events, midnight, TrafficProfile.CountOn(profile.DeliveriesPerDay, day), 9, 17, 0, 0);
                int household = TrafficProfile.CountOn(profile.HouseholdUsesPerDay, day);
                Spread(events, midnight, household, 7, 22, 17, 1, profile.HouseholdFromOutside);
                Spread(events, midnight, TrafficProfile.CountOn(profile.InstallerSessionsPerDay, day), 11, 12, 30, 3);
                events.Sort((a, b) => a.At.CompareTo(b.At));
                foreach (var (at, kind) in events)
                {
                    long start = Math.Max(at, _sim.Now);
                    switch (kind)
                    {
                        case 0: KeypadEntry(start, profile.DoorOpenSeconds); break;
                        case 1: KeypadEntry(start, profile.DoorOpenSeconds); break;
                        case 2: InsideExit(start, profile.DoorOpenSeconds); break;
                        default: InstallerSession(start, profile.InstallerSessionMinutes); break;
                    }
                }
            }

            RunUntil(StartMs + profile.Days * LockTime.MsPerDay);
        }

        /// <summary>Lets time pass to <paramref name="end"/> the way the device loop does, charging the meter. A deep sleep still running at <paramref name="end"/> is left running.</summary>
        public void RunUntil(long end)
        {
            while (_sim.Now < end)
            {
                long now = _sim.Now;
                if (_deepAsleep)
                {
                    Meter.Add(PowerState.DeepSleep, end - now);
                    _sim.Clock.NowMs = end;
                    return;
                }

                PowerPlan plan = _policy.Decide(_sim.Core, _connected, now, _sim.Deadline);
                if (plan.Mode == PowerMode.DeepSleep)
                {
                    _deepAsleep = true;
                    long timer = now + plan.ForMs;
                    if (timer >= end)
                    {
                        continue;
                    }

                    Meter.Add(PowerState.DeepSleep, timer - now);
                    _sim.Clock.NowMs = timer;
                    Boot(WakeSource.Timer);
                    continue;
                }

                long step = Math.Min(plan.ForMs, end - now);
                if (plan.State == PowerState.MotorRunning || plan.State == PowerState.AwakeRadioOff)
                {
                    step = Math.Min(step, 20); // the bolt reaches its switch between deadlines: meter it finely
                }

                step = Math.Max(step, 1);
                Meter.Add(plan.State, step);
                _sim.Advance(step);
            }
        }

        /// <summary>A wake input at <paramref name="at"/>; returns when the lock is ready (after a CLR boot if it was in deep sleep).</summary>
        public long Wake(WakeSource source, long at)
        {
            RunUntil(at);
            if (_deepAsleep)
            {
                Boot(source);
            }
            else
            {
                _policy.OnWake(source, _sim.Now);
            }

            return _sim.Now;
        }

        private void Boot(WakeSource source)
        {
            _deepAsleep = false;
            DeepSleepWakes++;
            Meter.Add(PowerState.Booting, _board.WakeToReadyMs);
            _sim.Clock.NowMs += _board.WakeToReadyMs;
            _sim.WakeFromDeepSleep(source);
            _policy.OnWake(source, _sim.Now);
        }

        /// <summary>Someone at the door: the outside wake, the keypad connects, a code, the door opens and closes.</summary>
        private void KeypadEntry(long at, int doorOpenSeconds)
        {
            long ready = Firmware == FirmwareOption.Stock ? Wake(WakeSource.Outside, at) : at;
            RunUntil(ready);
            long connectAt = ready + KeypadFindsLockMs;
            RunUntil(connectAt);
            if (connectAt - at > SleepPolicy.KeypadRetryWindowMs)
            {
                KeypadGaveUp++;
                return;
            }

            _connected = true;
            Entries++;
            if (_sim.Type(NextCode()) == AccessResult.Accepted)
            {
                Accepted++;
            }

            _policy.OnRadioMessage(_sim.Now);
            RunUntil(_sim.Now + 1000);
            _connected = false;
            DoorCycle(_sim.Now + 3000, doorOpenSeconds);
        }

        /// <summary>Someone leaving: a short press of the inside button (it may wake the lock from deep sleep), then the door.</summary>
        private void InsideExit(long at, int doorOpenSeconds)
        {
            RunUntil(at);
            if (_deepAsleep)
            {
                _sim.Hardware.Button.IsActive = true;
                _sim.Clock.NowMs += 200;
                Meter.Add(PowerState.DeepSleep, 200);
                _sim.Hardware.Button.IsActive = false; // released long before the CLR is up
                Boot(WakeSource.InsideButton);
            }
            else
            {
                _policy.OnWake(WakeSource.InsideButton, _sim.Now);
                _sim.SetButton(true);
                RunUntil(_sim.Now + 200);
                _sim.SetButton(false);
            }

            DoorCycle(_sim.Now + 2000, doorOpenSeconds);
        }

        private void InstallerSession(long at, int minutes)
        {
            long ready = Firmware == FirmwareOption.Stock ? Wake(WakeSource.Outside, at) : at;
            RunUntil(ready + KeypadFindsLockMs);
            _connected = true;
            long end = _sim.Now + minutes * LockTime.MsPerMinute;
            while (_sim.Now < end)
            {
                _policy.OnRadioMessage(_sim.Now);
                RunUntil(Math.Min(end, _sim.Now + 10_000));
            }

            _connected = false;
        }

        private void DoorCycle(long openAt, int openSeconds)
        {
            RunUntil(openAt);
            _policy.OnWake(WakeSource.Door, _sim.Now);
            _sim.SetDoor(false);
            RunUntil(_sim.Now + openSeconds * 1000L);
            _policy.OnWake(WakeSource.Door, _sim.Now);
            _sim.SetDoor(true);
        }

        private string NextCode()
        {
            long hour = _sim.Now / LockTime.MsPerHour;
            _codeIndex = hour == _codeHour ? _codeIndex + 1 : 0;
            _codeHour = hour;
            return _issuer.OneTime(hour * LockTime.MsPerHour, 2, _codeIndex);
        }

        // Events of one kind spread evenly over the day's hours; household uses alternate in and out by the share from outside.
        private static void Spread(System.Collections.Generic.List<(long, int)> events, long midnight, int count, int fromHour, int toHour, int offsetMinutes, int kind, double outsideShare = 1)
        {
            for (int i = 0; i < count; i++)
            {
                long span = (toHour - fromHour) * LockTime.MsPerHour;
                long at = midnight + fromHour * LockTime.MsPerHour + offsetMinutes * LockTime.MsPerMinute + (count == 1 ? 0 : span * i / (count - 1));
                bool outside = Math.Floor((i + 1) * outsideShare) > Math.Floor(i * outsideShare);
                int k = kind == 1 && !outside ? 2 : kind;
                events.Add((at, k));
            }
        }
    }
}
