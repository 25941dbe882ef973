namespace LockFirmware.Hal.Power
{
    /// <summary>Why the lock is running: the adapters map the chip's wake cause (timer, ext0, ext1 pins, touch) to these.</summary>
    public enum WakeSource : byte
    {
        /// <summary>Power-up or reset: batteries put in, or no sleep before.</summary>
        PowerOn = 0,

        /// <summary>The RTC timer: a relock deadline or housekeeping.</summary>
        Timer = 1,

        /// <summary>The inside button.</summary>
        InsideButton = 2,

        /// <summary>The door sensor changed.</summary>
        Door = 3,

        /// <summary>The outside wake input: a touch pad or the keypad's wake line. Someone at the door: radio on.</summary>
        Outside = 4,
    }
}
