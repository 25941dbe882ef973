using System;

namespace LockFirmware.LockCtl
{
    /// <summary>A user error: printed as one line, exit code 2, never a stack trace.</summary>
    public sealed class CliException : Exception
    {
        public CliException(string message) : base(message)
        {
        }
    }
}
