namespace LockFirmware.Core.Access
{
    /// <summary>The records of <see cref="IAccessStore"/>. Values are stored: never renumber.</summary>
    public enum AccessRecord : byte
    {
        Throttle = 1,
        UsedCodes = 2,
        ActivatedCodes = 3,
        Revocation = 4,
        OwnerPins = 5,
    }
}
