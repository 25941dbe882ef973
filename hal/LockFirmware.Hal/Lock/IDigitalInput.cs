namespace LockFirmware.Hal.Lock
{
    /// <summary>
    /// One switch or sensor, as its meaning: a bolt limit switch (bolt at the end), the door sensor (door
    /// closed), the inside button (pressed). Adapters own polarity and pull-ups; Core owns debouncing.
    /// </summary>
    public interface IDigitalInput
    {
        bool IsActive { get; }
    }
}
