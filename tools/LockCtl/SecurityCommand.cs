namespace LockFirmware.LockCtl
{
    /// <summary>Not built yet: arrives with its issue.</summary>
    public static class SecurityCommand
    {
        public static int Run(string[] args)
        {
            throw new CliException("'security' is not implemented yet");
        }
    }
}
