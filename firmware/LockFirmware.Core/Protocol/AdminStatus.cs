namespace LockFirmware.Core.Protocol
{
    /// <summary>Second byte of every command response, and the code of an ERROR message.</summary>
    public enum AdminStatus : byte
    {
        Ok = 0,
        Denied = 1,
        BadArguments = 2,
        Failed = 3,
        UnknownCommand = 4,
        NoSession = 5,
        RoleNotAvailable = 6,
        HandshakeFailed = 7,
        Throttled = 8,
        SessionEnded = 9,
    }
}
