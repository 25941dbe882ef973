namespace LockFirmware.Core.Storage
{
    /// <summary>Keys of the settings store (0..63). Stored on flash: never renumber.</summary>
    public static class SettingKeys
    {
        public const int LockSecret = 1;
        public const int SetupKey = 2;
        public const int LockConfig = 3;
        public const int AccessPolicy = 4;
        public const int InstallerKey = 5;
        public const int OwnerKey = 6;

        /// <summary>Removed keypads: 8 x (fingerprint of id and key, 8 bytes; last counter, 4 bytes), oldest first.</summary>
        public const int RetiredKeypads = 7;

        /// <summary>Trusted-time floor: the start of the latest UTC hour the lock's set clock has read (8 bytes, ms
        /// since 1970, little-endian), or the owner's last clock setting. A lost clock may not be set below it
        /// except by the owner.</summary>
        public const int TrustedTime = 8;

        /// <summary>The access module's records: this base plus the AccessRecord value (1..5).</summary>
        public const int AccessRecordBase = 16;

        /// <summary>Registered keypads: this base plus the keypad slot (0..7).</summary>
        public const int KeypadBase = 32;
    }
}
