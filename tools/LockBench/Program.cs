using System;

namespace LockFirmware.LockBench
{
    /// <summary>One area per verb; each prints its figures.</summary>
    public static class Program
    {

        public static int Main(string[] args)
        {
            string area = args.Length > 0 ? args[0] : "all";
            switch (area)
            {
                case "access": return AccessBench.Run();
                case "storage": return StorageBench.Run();
                case "lock": return LockBenchmark.Run();
                case "nano": return NanoBench.Run();
                case "device": return DeviceFigures.Run();
                case "esp32-storage": return Esp32StorageBench.Run();
                case "all": return AccessBench.Run() | StorageBench.Run() | LockBenchmark.Run();
                default:
                    Console.Error.WriteLine("usage: lockbench [access|storage|esp32-storage|lock|nano|device|all]");
                    return 2;
            }
        }
    }
}
