namespace LockFirmware.Core.Lock
{
    /// <summary>Timings of the lock (milliseconds). Installers set them over BLE; these are the defaults.</summary>
    public sealed class LockConfig
    {
        /// <summary>How long the bolt stays retracted when the door is never opened.</summary>
        public int RelockHoldMs = 15000;

        /// <summary>Delay between the door closing and the bolt throwing (lets the door settle).</summary>
        public int RelockAfterCloseMs = 2000;

        /// <summary>Longest the motor may drive in one attempt before the bolt counts as stuck.</summary>
        public int MotorMaxRunMs = 2500;

        /// <summary>Brief drive the other way after a stuck attempt, to free the bolt before the retry.</summary>
        public int BackoffMs = 300;

        /// <summary>Braking time after every drive, before coasting or changing direction.</summary>
        public int BrakeMs = 100;

        /// <summary>A door or button change must hold this long to count.</summary>
        public int DebounceMs = 30;

        /// <summary>False when the door has no sensor: relock after the hold time only.</summary>
        public bool DoorSensorPresent = true;

        /// <summary>Holding the inside button this long opens the setup window.</summary>
        public int LongPressMs = 5000;

        /// <summary>How long the setup window stays open.</summary>
        public int SetupWindowMs = 120000;
    }
}
