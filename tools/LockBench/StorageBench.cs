using System;

namespace LockFirmware.LockBench
{
    /// <summary>Not built yet: arrives with its issue.</summary>
    public static class StorageBench
    {
        public static int Run()
        {
            Console.WriteLine("StorageBench: not implemented yet");
            return 1;
        }
    }
}
