using System;

namespace LockFirmware.LockBench
{
    /// <summary>Not built yet: arrives with its issue.</summary>
    public static class LockBenchmark
    {
        public static int Run()
        {
            Console.WriteLine("LockBenchmark: not implemented yet");
            return 1;
        }
    }
}
