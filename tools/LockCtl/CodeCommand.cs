namespace LockFirmware.LockCtl
{
    /// <summary>Not built yet: arrives with its issue.</summary>
    public static class CodeCommand
    {
        public static int Run(string[] args)
        {
            throw new CliException("'code' is not implemented yet");
        }
    }
}
