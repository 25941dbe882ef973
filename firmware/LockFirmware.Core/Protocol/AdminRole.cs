namespace LockFirmware.Core.Protocol
{
    /// <summary>Who holds an admin session. The setup key is per device; installer and owner keys are set during provisioning.</summary>
    public enum AdminRole : byte
    {
        Setup = 0,
        Installer = 1,
        Owner = 2,
    }
}
