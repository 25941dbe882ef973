using System;

namespace LockFirmware.LockBench
{
    /// <summary>Not built yet: arrives with its issue.</summary>
    public static class AccessBench
    {
        public static int Run()
        {
            Console.WriteLine("AccessBench: not implemented yet");
            return 1;
        }
    }
}
