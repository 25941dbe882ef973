namespace LockFirmware.Core.Protocol
{
    /// <summary>Command bytes of the admin channel (docs/ble-protocol.md). A response echoes the command with 0x80 set.</summary>
    public enum AdminCommand : byte
    {
        Info = 0x01,
        Status = 0x02,
        SetTime = 0x03,
        GetConfig = 0x04,
        SetConfig = 0x05,
        ProvisionSecret = 0x06,
        SetRoleKey = 0x07,
        AddKeypad = 0x08,
        RemoveKeypad = 0x09,
        AddPin = 0x0A,
        RemovePin = 0x0B,
        RevokeAll = 0x0C,
        ReadLog = 0x0D,
        Lock = 0x0E,
        Unlock = 0x0F,
        FactoryReset = 0x10,
        ClearLockout = 0x11,
        PairKeypad = 0x12,
    }
}
