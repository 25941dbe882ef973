namespace LockFirmware.Core.Storage
{
    /// <summary>
    /// Every event the lock records, one byte on flash. Values are part of the flash format
    /// (docs/flash-format.md): never renumber, only add. Ranges: 0x01-0x1F system, 0x20-0x5F access,
    /// 0x60-0x9F bolt and door, 0xA0-0xDF radio and administration.
    /// </summary>
    public enum EventType : byte
    {
        None = 0x00,

        // System
        Boot = 0x01,
        PowerLossRecovered = 0x02,
        ClockSet = 0x03,
        ClockUnknown = 0x04,
        ClockWentBackwards = 0x05,
        LowBattery = 0x06,
        StorageCorruptionSkipped = 0x07,
        FactoryReset = 0x08,
        Provisioned = 0x09,
        ConfigChanged = 0x0A,

        /// <summary>A message or event threw inside the lock; it was dropped and the lock carried on (data: channel).</summary>
        SoftwareFault = 0x0B,

        // Access codes (data: see docs/access-codes.md)
        CodeAccepted = 0x20,
        CodeRejectedFormat = 0x21,
        CodeRejectedTag = 0x22,
        CodeRejectedNotYetValid = 0x23,
        CodeRejectedExpired = 0x24,
        CodeRejectedReplayed = 0x25,
        CodeRejectedRevoked = 0x26,
        CodeRejectedClockUnknown = 0x27,
        CodeRejectedLockedOut = 0x28,
        CodeRejectedNotActivated = 0x29,
        CodeRejectedOutsideSchedule = 0x2A,
        LockoutStarted = 0x2B,
        LockoutEnded = 0x2C,
        RevokeAllApplied = 0x2D,
        PinAccepted = 0x2E,
        PinRejected = 0x2F,
        CodeRejectedUnprovisioned = 0x30,
        CodeRejectedStoreFailed = 0x31,
        CodeRejectedTableFull = 0x32,

        // Bolt and door (data: see docs/lock-states.md)
        UnlockRequested = 0x60,
        BoltRetracted = 0x61,
        BoltExtended = 0x62,
        BoltJammed = 0x63,
        BoltRetry = 0x64,
        BoltPositionUnknown = 0x65,
        DoorOpened = 0x66,
        DoorClosed = 0x67,
        AutoRelock = 0x68,
        LockRequested = 0x69,
        InsideButton = 0x6A,
        SetupWindowOpened = 0x6B,
        SetupWindowClosed = 0x6C,
        SwitchFault = 0x6D,
        DoorOpenWhileLocking = 0x6E,

        // Radio and administration
        KeypadEntryRejected = 0xA0,
        AdminSessionOpened = 0xA1,
        AdminSessionFailed = 0xA2,
        AdminSessionEnded = 0xA3,
        AdminCommand = 0xA4,
        FrameRejected = 0xA5,

        /// <summary>Rejected radio traffic left out of the log after a burst (data: how many); see RejectionLog.</summary>
        RejectionsSuppressed = 0xA6,

        /// <summary>An installer's or setup session's admin records left out after a burst (data: how many); see RejectionLog.</summary>
        AdminRecordsSuppressed = 0xA7,

        /// <summary>A keypad paired at the door (data: its keypad id).</summary>
        KeypadPaired = 0xA8,
    }
}
