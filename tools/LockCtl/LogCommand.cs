namespace LockFirmware.LockCtl
{
    /// <summary>Not built yet: arrives with its issue.</summary>
    public static class LogCommand
    {
        public static int Run(string[] args)
        {
            throw new CliException("'log' is not implemented yet");
        }
    }
}
