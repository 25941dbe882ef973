using LockFirmware.Hal.Lock;

namespace LockFirmware.Hal.Sim.Lock
{
    /// <summary>A motor start seen by <see cref="SimBolt.OnStart"/> (a delegate type: nanoFramework has no Action&lt;T&gt;).</summary>
    public delegate void DriveStarted(MotorDrive drive);

    /// <summary>
    /// A bolt on a DC motor: it moves while driven, takes <see cref="TravelMs"/> end to end, closes a limit
    /// switch at each end, and can be jammed (it stops moving while the motor strains). Time passes only
    /// through <see cref="Advance"/>. Records how the motor was driven so tests can check the controller.
    /// </summary>
    public sealed class SimBolt : IHBridge
    {
        public SimBolt(int travelMs = 800, double startPosition = 1.0)
        {
            TravelMs = travelMs;
            Position = startPosition;
            Update();
        }

        public int TravelMs { get; }

        /// <summary>0 = fully retracted, 1 = fully extended.</summary>
        public double Position { get; private set; }

        public bool Jammed { get; set; }

        /// <summary>Fault injection: both limit switches read active (a shorted harness).</summary>
        public bool BothSwitchesStuck
        {
            get => _bothStuck;
            set { _bothStuck = value; Update(); }
        }

        private bool _bothStuck;

        public MotorDrive Drive { get; private set; } = MotorDrive.Coast;

        public SimInput Extended { get; } = new SimInput();
        public SimInput Retracted { get; } = new SimInput();

        /// <summary>Milliseconds the current drive (Forward or Reverse) has lasted.</summary>
        public long RunMs { get; private set; }

        public long LongestRunMs { get; private set; }

        /// <summary>Direction reversals that did not pass through Brake or Coast.</summary>
        public int DirectReversals { get; private set; }

        public int Starts { get; private set; }

        /// <summary>Called on every Forward or Reverse start (before the bolt moves).</summary>
        public DriveStarted OnStart;

        void IHBridge.Drive(MotorDrive drive)
        {
            bool running = Drive == MotorDrive.Forward || Drive == MotorDrive.Reverse;
            bool starting = (drive == MotorDrive.Forward || drive == MotorDrive.Reverse) && drive != Drive;
            if (running && starting)
            {
                DirectReversals++;
            }

            if (starting)
            {
                Starts++;
                RunMs = 0;
                OnStart?.Invoke(drive);
            }

            Drive = drive;
        }

        /// <summary>Milliseconds until the bolt reaches the switch it is driven towards; -1 when it will not.</summary>
        public long MsToEnd
        {
            get
            {
                if (Jammed) return -1;
                if (Drive == MotorDrive.Forward) return Position >= 1 ? -1 : Ceiling((1 - Position) * TravelMs);
                if (Drive == MotorDrive.Reverse) return Position <= 0 ? -1 : Ceiling(Position * TravelMs);
                return -1;
            }
        }

        /// <summary>A power cut: the bridge loses its inputs and the motor coasts.</summary>
        public void PowerCut()
        {
            Drive = MotorDrive.Coast;
            RunMs = 0;
        }

        public void Advance(long ms)
        {
            if (Drive != MotorDrive.Forward && Drive != MotorDrive.Reverse)
            {
                return;
            }

            RunMs += ms;
            if (RunMs > LongestRunMs) LongestRunMs = RunMs;
            if (!Jammed)
            {
                double step = (double)ms / TravelMs * (Drive == MotorDrive.Forward ? 1 : -1);
                Position = Clamp(Position + step);
                if (Position < 1e-9) Position = 0;
                else if (Position > 1 - 1e-9) Position = 1;
            }

            Update();
        }

        /// <summary>Moves the bolt by hand (someone turning the thumb-turn), for tests.</summary>
        public void SetPosition(double position)
        {
            Position = Clamp(position);
            Update();
        }

        // No System.Math on nanoFramework: the two roundings the bolt needs, for the values it has (0..TravelMs).
        private static long Ceiling(double value)
        {
            long whole = (long)value;
            return whole < value ? whole + 1 : whole;
        }

        private static double Clamp(double value) => value < 0 ? 0 : value > 1 ? 1 : value;

        private void Update()
        {
            Extended.IsActive = _bothStuck || Position >= 1.0;
            Retracted.IsActive = _bothStuck || Position <= 0.0;
        }
    }
}
