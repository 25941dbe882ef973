using LockFirmware.Hal.Lock;

namespace LockFirmware.Hal.Sim.Lock
{
    /// <summary>A simulated door with a bolt, door sensor, inside button, LED and buzzer, wired as <see cref="LockHardware"/>.</summary>
    public sealed class SimLockHardware
    {
        public SimLockHardware(int travelMs = 800, double boltPosition = 1.0)
        {
            Bolt = new SimBolt(travelMs, boltPosition);
            Ports = new LockHardware
            {
                Motor = Bolt,
                BoltExtended = Bolt.Extended,
                BoltRetracted = Bolt.Retracted,
                DoorClosed = DoorClosed,
                InsideButton = Button,
                Led = Led,
                Buzzer = Buzzer,
            };
        }

        public SimBolt Bolt { get; }
        public SimInput DoorClosed { get; } = new SimInput(true);
        public SimInput Button { get; } = new SimInput(false);
        public SimIndicator Led { get; } = new SimIndicator();
        public SimIndicator Buzzer { get; } = new SimIndicator();
        public LockHardware Ports { get; }
    }
}
