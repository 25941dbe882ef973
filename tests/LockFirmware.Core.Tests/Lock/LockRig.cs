using System;
using LockFirmware.Core.Common;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Storage;
using LockFirmware.Core.Tests.Fakes;
using LockFirmware.Hal.Lock;
using LockFirmware.Hal.Sim.Lock;

namespace LockFirmware.Core.Tests.Lock
{
    /// <summary>
    /// A controller on simulated hardware with a virtual clock. <see cref="Run"/> moves time event by event:
    /// to the controller's deadline or the bolt reaching a switch, whichever comes first, so every deadline is
    /// honoured exactly as the device loop would.
    /// </summary>
    public sealed class LockRig
    {
        public readonly LockConfig Config = new LockConfig();
        public readonly SimLockHardware Hw;
        public readonly MemoryEventLog Log = new MemoryEventLog();
        public LockController Controller;
        public long Now = 1795615200000L;
        public long Deadline = LockTime.Never;

        /// <summary>Reverse starts from fully extended not preceded by a durable UnlockRequested or BoltRetry of their own (each record authorizes one start).</summary>
        public int UnloggedRetractStarts;
        public string Trace = "";

        /// <summary>Times the bolt left the fully extended position.</summary>
        public int Departures;
        private int _unlockRequestsAtExtension;

        public LockRig(double boltPosition = 1.0, bool doorClosed = true)
        {
            Hw = new SimLockHardware(800, boltPosition);
            Hw.DoorClosed.IsActive = doorClosed;
            _extended = boltPosition >= 1;
            Hw.Bolt.OnStart = drive =>
            {
                if (drive == MotorDrive.Reverse && Hw.Bolt.Position >= 1)
                {
                    // Each retraction from locked follows its own durable record: the request, or the retry of it.
                    int records = DurableRecords();
                    if (records <= _unlockRequestsAtExtension)
                    {
                        UnloggedRetractStarts++;
                        string last = "";
                        for (int i = Log.Count > 8 ? Log.Count - 8 : 0; i < Log.Count; i++) last += ((int)Log.TypeAt(i)).ToString() + " ";
                        string state = Controller == null ? "" : ((int)Controller.State).ToString();
                        Trace = $"state {state}, records {records}, baseline {_unlockRequestsAtExtension}, last events: {last}";
                    }

                    _unlockRequestsAtExtension = records;
                }
            };
            Boot();
        }

        public LockState State => Controller.State;

        public void Boot()
        {
            Controller = new LockController(Config, Hw.Ports, Log);
            Deadline = Controller.Start(Now);
        }

        public void PowerCut()
        {
            Hw.Bolt.PowerCut();
            Boot();
        }

        public bool Unlock(UnlockReason reason = UnlockReason.Credential)
        {
            bool ok = Controller.RequestUnlock(reason, Now);
            Deadline = Controller.Tick(Now);
            return ok;
        }

        public void Lock()
        {
            Deadline = Controller.RequestLock(Now);
        }

        public void SetDoor(bool closed)
        {
            Hw.DoorClosed.IsActive = closed;
            Deadline = Controller.OnInputChanged(Now);
        }

        public void SetButton(bool pressed)
        {
            Hw.Button.IsActive = pressed;
            Deadline = Controller.OnInputChanged(Now);
        }

        public void Press(long holdMs)
        {
            SetButton(true);
            Run(holdMs);
            SetButton(false);
        }

        /// <summary>Moves time forward by <paramref name="ms"/>.</summary>
        public void Run(long ms)
        {
            Deadline = VirtualTime.Run(Hw.Bolt, ref Now, Now + ms, Deadline, Tick, Controller.OnInputChanged);
        }

        // Each step also counts the bolt leaving its extended switch.
        private long Tick(long now)
        {
            if (_extended && !Hw.Bolt.Extended.IsActive && Hw.Bolt.Position < 1) Departures++;
            _extended = Hw.Bolt.Position >= 1;
            return Controller.Tick(now);
        }

        private bool _extended;

        /// <summary>Sets the clock, possibly backwards, as a clock set would.</summary>
        public void SetClock(long nowMs)
        {
            Now = nowMs;
            Deadline = Controller.Tick(Now);
        }

        private int DurableRecords() => Log.CountOf(EventType.UnlockRequested) + Log.CountOf(EventType.BoltRetry);


    }
}
