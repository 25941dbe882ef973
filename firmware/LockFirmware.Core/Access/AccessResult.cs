namespace LockFirmware.Core.Access
{
    /// <summary>The verdict on one keypad entry. Each rejection has its own value and its own log event.</summary>
    public enum AccessResult : byte
    {
        /// <summary>Open the door.</summary>
        Accepted = 0,

        /// <summary>A revoke-all code: every code that started before it is now refused. Does not open.</summary>
        RevokeApplied = 1,

        NotDigits = 10,
        TooShort = 11,
        TooLong = 12,

        /// <summary>No candidate in the entry is a code or PIN of this lock (wrong digits, wrong lock, mutated code).</summary>
        WrongCode = 13,

        NotYetValid = 14,
        Expired = 15,
        Replayed = 16,
        Revoked = 17,

        /// <summary>A window or weekly code first tried after its activation period.</summary>
        ActivationExpired = 18,

        /// <summary>A weekly code outside its days or hours.</summary>
        OutsideSchedule = 19,

        /// <summary>The lock's clock was lost (power loss without time): time-bound codes cannot be checked. PINs still work.</summary>
        ClockUnknown = 20,

        /// <summary>Too many wrong entries: the keypad is locked until the throttle refills or the owner clears it.</summary>
        LockedOut = 21,

        /// <summary>The lock has no secret yet.</summary>
        Unprovisioned = 22,

        /// <summary>The use could not be made durable (flash failure): refused, never opened without a record.</summary>
        StoreFailed = 23,

        /// <summary>The replay or activation table is full of live entries: refused rather than forgetting one.</summary>
        TableFull = 24,
    }
}
