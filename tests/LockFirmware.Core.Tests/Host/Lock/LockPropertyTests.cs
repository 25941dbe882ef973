using System;
using CsCheck;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Storage;
using LockFirmware.Core.Tests.Lock;
using LockFirmware.Hal.Lock;

namespace LockFirmware.Core.Tests.Host.Lock
{
    /// <summary>
    /// Random sequences of inputs, times and faults against the controller on the simulated bolt, checking
    /// the safety invariants after every step. CI: 10,000 sequences; LOCKFW_FULL=1: 100,000.
    /// </summary>
    [TestClass]
    public class LockPropertyTests
    {
        private enum Op { Wait, Credential, Owner, OwnerLock, DoorOpen, DoorClose, ButtonShort, ButtonLong, Jam, Unjam, PowerCut, ClockBack, LogFails, LogWorks, Bounce }

        private static int Sequences => Environment.GetEnvironmentVariable("LOCKFW_FULL") == "1" ? 100_000 : 10_000;

        [TestMethod]
        public void SafetyInvariantsHoldUnderRandomInputs()
        {
            var gen = Gen.Select(Gen.Int[0, 14], Gen.Int[0, 4000]).Array[1, 40];
            long sequences = 0, steps = 0;
            gen.Sample(ops =>
            {
                sequences++;
                steps += Check(ops);
            }, iter: Sequences, threads: 1);

            Console.WriteLine($"lock properties: {sequences} sequences, {steps} steps, all invariants held");
            Assert.IsTrue(sequences >= 10_000);
        }

        private static int Check((int, int)[] ops)
        {
            int steps = 0;
            {
                var r = new LockRig();
                int granted = 0;                  // unlocks granted by a credential or the owner
                foreach (var (code, arg) in ops)
                {
                    steps++;
                    Op op = (Op)code;

                    switch (op)
                    {
                        case Op.Wait: r.Run(arg * 5); break;
                        case Op.Credential: if (r.Unlock(UnlockReason.Credential)) granted++; break;
                        case Op.Owner: if (r.Unlock(UnlockReason.OwnerCommand)) granted++; break;
                        case Op.OwnerLock: r.Lock(); break;
                        case Op.DoorOpen: r.SetDoor(false); break;
                        case Op.DoorClose: r.SetDoor(true); break;
                        case Op.ButtonShort: r.Press(100 + arg % 500); break;
                        case Op.ButtonLong: r.Press(r.Config.LongPressMs + arg); break;
                        case Op.Jam: r.Hw.Bolt.Jammed = true; break;
                        case Op.Unjam: r.Hw.Bolt.Jammed = false; break;
                        case Op.PowerCut: r.Run(arg % 50); r.PowerCut(); break;
                        case Op.ClockBack: r.SetClock(r.Now - arg * 1000L); break;
                        case Op.LogFails: r.Log.Fail = true; break;
                        case Op.LogWorks: r.Log.Fail = false; break;
                        case Op.Bounce: r.SetDoor(!r.Hw.DoorClosed.IsActive); r.Run(arg % 20); r.SetDoor(!r.Hw.DoorClosed.IsActive); break;
                    }

                    r.Run(1 + arg % 300);

                    // Invariants after every step.
                    if (r.Hw.Bolt.DirectReversals != 0) throw new Exception("motor reversed without braking");
                    if (r.Hw.Bolt.LongestRunMs > r.Config.MotorMaxRunMs) throw new Exception($"motor ran {r.Hw.Bolt.LongestRunMs} ms");
                    if (r.UnloggedRetractStarts != 0) throw new Exception("retraction started without a durable UnlockRequested: " + r.Trace);
                    // The bolt leaves "locked" only as often as unlocks were granted: by a credential or the owner
                    // (counted here) or by the inside button (logged as UnlockRequested/3), plus the retries of a
                    // granted unlock (logged as BoltRetry/2: the back-off may push the bolt home before the retry).
                    int button = 0;
                    for (int i = 0; i < r.Log.Count; i++)
                    {
                        if (r.Log.TypeAt(i) == EventType.UnlockRequested && r.Log.DataAt(i) == (uint)UnlockReason.InsideButton) button++;
                        if (r.Log.TypeAt(i) == EventType.BoltRetry && r.Log.DataAt(i) == 2) button++;
                    }

                    if (r.Departures > granted + button)
                    {
                        var events = new System.Text.StringBuilder();
                        for (int i = 0; i < r.Log.Count; i++) events.Append(r.Log.TypeAt(i)).Append('/').Append(r.Log.DataAt(i)).Append(' ');
                        throw new Exception($"bolt left locked {r.Departures} times for {granted + button} granted unlocks; ops {string.Join(" ", ops)}; log {events}");
                    }
                    bool driving = r.Hw.Bolt.Drive == MotorDrive.Forward || r.Hw.Bolt.Drive == MotorDrive.Reverse;
                    bool moving = r.State == LockState.Locking || r.State == LockState.Unlocking;
                    if (driving && !moving) throw new Exception($"motor driven in state {r.State}");
                }

                // Recovery: power cut at the end, then a quiet minute with the door shut and the bolt free.
                r.Hw.Bolt.Jammed = false;
                r.Log.Fail = false;
                r.Hw.Button.IsActive = false;
                r.Hw.DoorClosed.IsActive = true;
                r.PowerCut();
                r.Run(60_000);
                if (r.State != LockState.Locked || r.Hw.Bolt.Position < 1 || r.Hw.Bolt.Drive != MotorDrive.Coast)
                {
                    throw new Exception($"no safe state after power cut: {r.State}, bolt at {r.Hw.Bolt.Position}, motor {r.Hw.Bolt.Drive}");
                }
            }

            return steps;
        }
    }
}
