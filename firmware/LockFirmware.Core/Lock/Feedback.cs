namespace LockFirmware.Core.Lock
{
    /// <summary>What the LED and buzzer tell the person at the door.</summary>
    public enum Feedback : byte
    {
        None = 0,
        Accepted = 1,
        Rejected = 2,
        Lockout = 3,
        Jammed = 4,
        SetupWindow = 5,
        LowBattery = 6,
    }
}
