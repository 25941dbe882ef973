namespace LockFirmware.Hal.Lock
{
    /// <summary>The lock's mechanism as one set of ports: what a board wires and what the simulator provides.</summary>
    public sealed class LockHardware
    {
        public IHBridge Motor;

        /// <summary>Active when the bolt is fully extended (locked).</summary>
        public IDigitalInput BoltExtended;

        /// <summary>Active when the bolt is fully retracted (unlocked).</summary>
        public IDigitalInput BoltRetracted;

        /// <summary>Active when the door is closed (reed switch and magnet). Null when the door has no sensor.</summary>
        public IDigitalInput DoorClosed;

        /// <summary>Active while the inside button is pressed.</summary>
        public IDigitalInput InsideButton;

        public IIndicator Led;
        public IIndicator Buzzer;
    }
}
