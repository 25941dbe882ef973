namespace LockFirmware.Core.Power
{
    /// <summary>What the device loop does next, as the sleep policy decides it.</summary>
    public enum PowerMode : byte
    {
        /// <summary>Stay running: wait on the loop's event for at most the plan's time (the firmware may auto-sleep).</summary>
        Awake = 0,

        /// <summary>Light sleep until the plan's time or a wake input; RAM and the CLR survive.</summary>
        LightSleep = 1,

        /// <summary>Deep sleep until the plan's time or a wake input; waking restarts the CLR.</summary>
        DeepSleep = 2,
    }
}
