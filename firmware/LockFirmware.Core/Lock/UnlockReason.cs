namespace LockFirmware.Core.Lock
{
    /// <summary>The only reasons the bolt may retract. Logged as the data of UnlockRequested.</summary>
    public enum UnlockReason : byte
    {
        Credential = 1,
        OwnerCommand = 2,
        InsideButton = 3,
    }
}
