namespace LockFirmware.Core.Protocol
{
    /// <summary>What an admin session needs from the lock: role keys, command execution, and notice of events to log.</summary>
    public interface IAdminCommands
    {
        /// <summary>The key of a role if a session in that role may start now, else null (setup needs the setup window).</summary>
        byte[] RoleKey(AdminRole role, long nowMs);

        /// <summary>Runs a decrypted request; writes the response into <paramref name="response"/> (may alias the request) and returns its length.</summary>
        int Execute(AdminRole role, byte[] request, int length, byte[] response, long nowMs);

        void SessionOpened(AdminRole role, long nowMs);

        void HandshakeFailed(AdminRole role, long nowMs);
    }
}
