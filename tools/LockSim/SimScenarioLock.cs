using System.Collections.Generic;
using LockFirmware.Core.Access;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Lock;

namespace LockFirmware.LockSim
{
    /// <summary>A scenario's lock on the host: <see cref="SimLock"/>, its Core and simulated hardware read directly.</summary>
    public sealed class SimScenarioLock : IScenarioLock
    {
        private readonly SimLock _sim;

        public SimScenarioLock(long startMs)
        {
            _sim = SimLock.Fresh(startMs);
        }

        public long Now => _sim.Now;
        public void SetClock(long utcMs) => _sim.SetClock(utcMs);
        public void Advance(long ms) => _sim.Advance(ms);
        public byte[] Provision(byte[] secret) => _sim.Provision(secret);
        public AccessResult Type(string digits) => _sim.Type(digits);
        public void SetDoor(bool closed) => _sim.SetDoor(closed);
        public void SetButton(bool pressed) => _sim.SetButton(pressed);
        public void SetJam(bool jammed) => _sim.SetJam(jammed);
        public void PowerCut() => _sim.PowerCut();

        public void ClockLost()
        {
            _sim.SetClock(5_000);
            _sim.PowerCut();
        }

        public void ClearLockout() => _sim.ClearLockout();
        public void SetBattery(int millivolts) => _sim.SetBattery(millivolts);
        public SimKeypad Keypad => _sim.Keypad;
        public LockState State => _sim.State;
        public IReadOnlyList<EventType> Events => EventText.Types(_sim);

        public string Bolt
        {
            get
            {
                var b = _sim.Hardware.Bolt;
                return b.Extended.IsActive ? "extended" : b.Retracted.IsActive ? "retracted" : "between";
            }
        }

        public MotorDrive Motor => _sim.Hardware.Bolt.Drive;
        public bool LockedOut => _sim.Core.Controller.LockedOut;
        public bool SetupWindowOpen => _sim.Core.Controller.SetupWindowOpen;
        public bool LowBattery => _sim.Core.Controller.LowBattery;
        public Feedback Playing => _sim.Core.Controller.Playing;

        public void Dispose()
        {
        }
    }
}
