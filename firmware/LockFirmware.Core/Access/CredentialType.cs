namespace LockFirmware.Core.Access
{
    /// <summary>What a code or PIN grants. Values appear in the event log's data word.</summary>
    public enum CredentialType : byte
    {
        None = 0,
        OneTime = 1,
        Window = 2,
        Weekly = 3,
        RevokeAll = 4,
        OwnerPin = 5,
    }
}
