namespace LockFirmware.Core.Lock
{
    /// <summary>Where the bolt is, or what it is doing. Orthogonal conditions are separate properties.</summary>
    public enum LockState : byte
    {
        /// <summary>Before power-up recovery, or the bolt between its switches with no motion planned.</summary>
        Unknown = 0,
        Locked = 1,
        Unlocking = 2,
        Unlocked = 3,
        Locking = 4,

        /// <summary>The bolt did not reach its switch twice, or the switches disagree. The motor is off; an alarm sounded.</summary>
        Jammed = 5,
    }
}
