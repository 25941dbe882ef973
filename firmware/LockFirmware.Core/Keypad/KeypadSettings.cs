namespace LockFirmware.Core.Keypad
{
    /// <summary>Keys of the keypad's settings store (its own flash region). Stored on flash: never renumber.</summary>
    public static class KeypadSettings
    {
        /// <summary>The counter reservation (uint32 LE).</summary>
        public const int CounterReservation = 1;

        /// <summary>The pairing: lock address (8, LE), keypad id (1), keypad key (16).</summary>
        public const int Pairing = 2;

        /// <summary>The keypad's flash: two sectors of 4 KB for its settings store.</summary>
        public const int SectorSize = 4096;
        public const int SectorCount = 2;
    }
}
