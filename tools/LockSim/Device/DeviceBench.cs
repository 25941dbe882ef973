using System;
using System.Diagnostics;
using System.Threading;
using LockFirmware.Hal.Lock;
using LockFirmware.Hal.Sim.Lock;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// The lock's hardware around the virtual ESP32, on its bench link (docs/virtual-esp32.md): the H-bridge outputs
    /// drive Hal.Sim's bolt (travel time, limit switches, jams) in real time, and the switches, the door reed and
    /// the inside button go back as input levels (switches to ground: closed drives 0, open lets the pull-up
    /// decide). LED and buzzer are read from their outputs. One instance per connection to the host.
    /// </summary>
    public sealed class DeviceBench : IDisposable
    {
        private readonly BoardPins _pins;
        private readonly BenchLink _link;
        private readonly Thread _physics;
        private readonly object _gate = new object();
        private volatile bool _stopped;
        private bool _in1, _in2;
        private bool _doorClosed = true, _button;
        private long _deviceTimeMs, _heapFree, _heapTotal;
        private readonly AutoResetEvent _timeAnswered = new AutoResetEvent(false);
        private readonly AutoResetEvent _heapAnswered = new AutoResetEvent(false);

        /// <summary>Attaches to the host's bench port with the hardware as it stands: the bolt at
        /// <paramref name="boltPosition"/> (1 extended), the door closed or open, the bolt stuck or free.</summary>
        public DeviceBench(BoardPins pins, int port, double boltPosition = 1.0, bool doorClosed = true, bool jammed = false)
        {
            _pins = pins;
            Hardware = new SimLockHardware(800, boltPosition);
            _doorClosed = doorClosed;
            Hardware.DoorClosed.IsActive = doorClosed;
            Hardware.Bolt.Jammed = jammed;
            // Attached while the host starts, so the inputs are there before the app reads its pins (the host keeps
            // levels driven before the app opens a pin); after a reset the hardware's levels are sent again.
            _link = new BenchLink(port, "bench-reader", OnLine, SendInputs);
            _physics = new Thread(RunPhysics) { IsBackground = true, Name = "bench-physics" };
            SendInputs();
            _physics.Start();
        }

        /// <summary>The simulated bolt, door, button, LED and buzzer (Hal.Sim), as the device sees them.</summary>
        public SimLockHardware Hardware { get; }

        public int MotorStarts { get { lock (_gate) return Hardware.Bolt.Starts; } }

        /// <summary>Wall time of the last Forward/Reverse start the host reported (latency figures).</summary>
        public long LastMotorStartTicks { get; private set; }

        /// <summary>Each sleep the app started, as the host recorded it (wake sources included).</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string> Sleeps { get; } = new System.Collections.Concurrent.ConcurrentQueue<string>();

        public string Bolt
        {
            get
            {
                lock (_gate)
                {
                    var b = Hardware.Bolt;
                    return b.Extended.IsActive ? "extended" : b.Retracted.IsActive ? "retracted" : "between";
                }
            }
        }

        public MotorDrive Drive { get { lock (_gate) return Hardware.Bolt.Drive; } }

        public void SetDoor(bool closed)
        {
            lock (_gate) { _doorClosed = closed; Hardware.DoorClosed.IsActive = closed; }
            if (_pins.DoorSensor >= 0) Send($"in {_pins.DoorSensor} {(closed ? "0" : "z")}");
        }

        public void SetButton(bool pressed)
        {
            lock (_gate) { _button = pressed; Hardware.Button.IsActive = pressed; }
            Send($"in {_pins.InsideButton} {(pressed ? "0" : "z")}");
        }

        /// <summary>Someone touches the outside pad (the courier at the door): wakes a lock asleep with it armed.</summary>
        public void TouchOutside()
        {
            if (_pins.OutsideTouchPad >= 0) Send($"touch {_pins.OutsideTouchPad}");
        }

        public void SetJam(bool jammed)
        {
            lock (_gate) Hardware.Bolt.Jammed = jammed;
        }

        /// <summary>The device's UTC clock (ms since 1970), asked over the link.</summary>
        public long DeviceTimeMs(TimeSpan timeout)
        {
            Send("time?");
            if (!_timeAnswered.WaitOne(timeout)) throw new TimeoutException("the virtual device did not answer 'time?'");
            return Interlocked.Read(ref _deviceTimeMs);
        }

        /// <summary>Managed heap bytes free after a full collection, and the heap's size (a GC runs on the device).</summary>
        public (long Free, long Total) Heap(TimeSpan timeout)
        {
            Send("heap?");
            if (!_heapAnswered.WaitOne(timeout)) throw new TimeoutException("the virtual device did not answer 'heap?'");
            return (Interlocked.Read(ref _heapFree), Interlocked.Read(ref _heapTotal));
        }

        /// <summary>
        /// Lets <paramref name="ms"/> of device time pass. While the motor runs, time passes in real time (the bolt
        /// moves in real time); when it is still, the device clock jumps ahead, in small steps first (so deadlines
        /// shortly ahead, such as a relock, fire close to their time) and in larger ones later.
        /// </summary>
        public void Advance(long ms)
        {
            long done = 0;
            while (done < ms)
            {
                if (Drive == MotorDrive.Forward || Drive == MotorDrive.Reverse)
                {
                    Thread.Sleep(10);
                    done += 10;
                    continue;
                }

                long step = done < 10_000 ? 250 : done < 600_000 ? 30_000 : 1_800_000;
                step = Math.Min(step, ms - done);
                Send($"advance {step}");
                done += step;
                Thread.Sleep(step <= 250 ? (int)Math.Min(step, 60) : 40); // let the app run at the new time
            }
        }

        /// <summary>
        /// Lets device time pass until the device's clock reads <paramref name="utcMs"/>. The clock is asked, not
        /// counted (device time also passes in real time, while the tools talk to it). While the motor is driven, time
        /// passes in real time; otherwise the clock jumps: by 250 ms for 10 s after the start or the motor's last move
        /// (what follows shortly, a relock, a retry after a brake, fires close to its time), then by as much as has
        /// been quiet, so a year takes a few dozen jumps.
        /// </summary>
        public void AdvanceTo(long utcMs, TimeSpan timeout)
        {
            long quietSince = DeviceTimeMs(timeout);
            for (long now = quietSince; now < utcMs; now = DeviceTimeMs(timeout))
            {
                if (Drive != MotorDrive.Coast)
                {
                    Thread.Sleep(10);
                    quietSince = now;
                    continue;
                }

                long quiet = now - quietSince;
                long step = Math.Min(quiet < 10_000 ? 250 : quiet, utcMs - now);
                Send($"advance {step}");
                Thread.Sleep(step <= 250 ? 30 : 40); // let the app run at the new time
            }
        }

        public void Dispose()
        {
            _stopped = true;
            _link.Dispose();
            _physics.Join(1000);
        }

        private void Send(string line) => _link.Send(line);

        private void SendInputs()
        {
            bool extended, retracted, door, button;
            lock (_gate)
            {
                extended = Hardware.Bolt.Extended.IsActive;
                retracted = Hardware.Bolt.Retracted.IsActive;
                door = _doorClosed;
                button = _button;
            }

            Send($"in {_pins.BoltExtended} {(extended ? "0" : "z")}");
            Send($"in {_pins.BoltRetracted} {(retracted ? "0" : "z")}");
            if (_pins.DoorSensor >= 0) Send($"in {_pins.DoorSensor} {(door ? "0" : "z")}");
            Send($"in {_pins.InsideButton} {(button ? "0" : "z")}");
        }

        private void OnLine(string line)
        {
            string[] w = line.Split(' ');
            if (w[0] == "out" && w.Length == 3 && int.TryParse(w[1], out int pin))
            {
                bool high = w[2] == "1";
                lock (_gate)
                {
                    if (pin == _pins.MotorIn1) _in1 = high;
                    else if (pin == _pins.MotorIn2) _in2 = high;
                    else if (pin == _pins.Led) Hardware.Led.Set(high);
                    else if (pin == _pins.Buzzer) Hardware.Buzzer.Set(high);

                    if (pin == _pins.MotorIn1 || pin == _pins.MotorIn2)
                    {
                        // DRV8833: IN1/IN2 = 0/0 coast, 1/0 forward, 0/1 reverse, 1/1 brake (GpioHBridge).
                        MotorDrive drive = _in1 && _in2 ? MotorDrive.Brake : _in1 ? MotorDrive.Forward : _in2 ? MotorDrive.Reverse : MotorDrive.Coast;
                        var before = Hardware.Bolt.Drive;
                        ((IHBridge)Hardware.Bolt).Drive(drive);
                        if (drive != before && (drive == MotorDrive.Forward || drive == MotorDrive.Reverse)) LastMotorStartTicks = Stopwatch.GetTimestamp();
                    }
                }
            }
            else if (w[0] == "time" && w.Length == 2 && long.TryParse(w[1], out long ms))
            {
                Interlocked.Exchange(ref _deviceTimeMs, ms);
                _timeAnswered.Set();
            }
            else if (w[0] == "heap" && w.Length == 3 && long.TryParse(w[1].Substring(5), out long free) && long.TryParse(w[2].Substring(6), out long total))
            {
                Interlocked.Exchange(ref _heapFree, free);
                Interlocked.Exchange(ref _heapTotal, total);
                _heapAnswered.Set();
            }
            else if (w[0] == "sleep")
            {
                Sleeps.Enqueue(line);
            }
        }

        // The bolt in real time: every few ms it moves as driven; a limit switch that changes goes to the device.
        private void RunPhysics()
        {
            long last = Stopwatch.GetTimestamp();
            while (!_stopped)
            {
                Thread.Sleep(2);
                long now = Stopwatch.GetTimestamp();
                long ms = (now - last) * 1000 / Stopwatch.Frequency;
                if (ms <= 0) continue;
                last += ms * Stopwatch.Frequency / 1000;
                bool changed;
                lock (_gate)
                {
                    bool extended = Hardware.Bolt.Extended.IsActive, retracted = Hardware.Bolt.Retracted.IsActive;
                    Hardware.Bolt.Advance(ms);
                    changed = extended != Hardware.Bolt.Extended.IsActive || retracted != Hardware.Bolt.Retracted.IsActive;
                }

                if (changed) SendInputs();
            }
        }
    }
}
