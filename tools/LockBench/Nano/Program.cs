using System;
using LockFirmware.Hal.Esp32;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// Prints, for LockBench's nano mode to read: "bench: heap boot N", "bench: entries N", "bench: case K TICKS", "bench: heap after1000 N",
    /// "bench: end". Heap figures are free bytes after a compacting GC (nanoFramework.Runtime.Native.GC.Run(false)).
    /// </summary>
    public static class Program
    {
        public const int Entries = 200;

        public static void Main()
        {
            Console.WriteLine("bench: heap boot " + nanoFramework.Runtime.Native.GC.Run(false).ToString());
            var crypto = new Esp32Crypto();
            Console.WriteLine("bench: entries " + Entries.ToString());
            for (int kase = 0; kase < VerifyCases.Count; kase++)
            {
                Console.WriteLine("bench: case " + kase.ToString() + " " + VerifyCases.TicksPerVerification(kase, crypto, Entries).ToString());
            }

            Console.WriteLine("bench: heap before1000 " + nanoFramework.Runtime.Native.GC.Run(false).ToString());
            VerifyCases.Mixed(crypto, 1000);
            Console.WriteLine("bench: heap after1000 " + nanoFramework.Runtime.Native.GC.Run(false).ToString());
            Console.WriteLine("bench: end");
        }
    }
}
