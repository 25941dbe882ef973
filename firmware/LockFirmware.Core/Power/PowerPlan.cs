namespace LockFirmware.Core.Power
{
    /// <summary>
    /// The sleep policy's answer for this step. One instance, refilled by every <see cref="SleepPolicy.Decide"/>:
    /// deciding allocates nothing.
    /// </summary>
    public sealed class PowerPlan
    {
        public PowerMode Mode { get; internal set; }

        /// <summary>What the board draws current for in this plan (the energy meter's row).</summary>
        public PowerState State { get; internal set; }

        /// <summary>BLE advertising (or connected) wanted.</summary>
        public bool Radio { get; internal set; }

        /// <summary>Longest time to stay in this mode before calling the policy again (the timer wake when sleeping).</summary>
        public long ForMs { get; internal set; }

        /// <summary>
        /// The door input wakes the lock when it goes to "open" (true: the door is closed now) or to "closed" (false).
        /// The inside button and the outside wake input always wake the lock.
        /// </summary>
        public bool DoorWakeWhenOpened { get; internal set; }
    }
}
