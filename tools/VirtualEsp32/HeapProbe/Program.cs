using System;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Esp32;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace LockFirmware.VirtualEsp32.HeapProbe
{
    /// <summary>
    /// Two properties of the heap a long boot of the lock depends on, one "heap:" line each, then "heap: end".
    /// 1. A compaction moves live objects and keeps every reference to them right: holders (a string, an array and a
    ///    reference to the previous holder each) are allocated between garbage arrays, the garbage is collected and the
    ///    heap compacted (GC.Run(true), as the CLR does when an allocation fails for fragmentation), then every holder
    ///    is checked. Before nanoCLR/Lp64Fixes.cmake, every moved reference pointed 4 GiB too high: SIGSEGV.
    /// 2. FileFlashRegion leaves nothing behind: free heap after a full GC, before and after many sector programs in
    ///    one boot (each opens and closes a FileStream; a closed one still waiting for the finalizer thread is kept).
    /// </summary>
    public static class Program
    {
        private const int Holders = 3000;
        private const int Programs = 1500;

        public static void Main()
        {
            Console.WriteLine("heap: compaction " + Compaction());
            Console.WriteLine("heap: region " + RegionRetains());
            Console.WriteLine("heap: end");
        }

        private sealed class Holder
        {
            public string Name;
            public byte[] Bytes;
            public Holder Previous;
        }

        private static string Compaction()
        {
            var holders = new Holder[Holders];
            var garbage = new byte[Holders][];
            Holder previous = null;
            for (int i = 0; i < Holders; i++)
            {
                garbage[i] = new byte[256];
                var holder = new Holder { Name = "holder " + i.ToString(), Bytes = new byte[16], Previous = previous };
                for (int j = 0; j < holder.Bytes.Length; j++)
                {
                    holder.Bytes[j] = (byte)(i + j);
                }

                holders[i] = holder;
                previous = holder;
            }

            garbage = null;
            NativeGC.Run(true);

            for (int i = 0; i < Holders; i++)
            {
                Holder holder = holders[i];
                if (holder.Name != "holder " + i.ToString() || holder.Previous != (i == 0 ? null : holders[i - 1]))
                {
                    return "broken at " + i.ToString();
                }

                for (int j = 0; j < holder.Bytes.Length; j++)
                {
                    if (holder.Bytes[j] != (byte)(i + j))
                    {
                        return "broken bytes at " + i.ToString();
                    }
                }
            }

            return "intact " + Holders.ToString();
        }

        // "<free before> <free after> <programs>": bytes free after a full GC around the programs.
        private static string RegionRetains()
        {
            var region = new FileFlashRegion("I:\\heap-", FlashLayout.SectorSize, 2);
            var data = new byte[16];
            region.EraseSector(0);
            region.EraseSector(1);
            uint before = NativeGC.Run(false);
            for (int i = 0; i < Programs; i++)
            {
                // alternating sectors: every program opens its file (the region keeps one sector in RAM)
                int sector = i % 2;
                int at = (i / 2 % (FlashLayout.SectorSize / data.Length)) * data.Length;
                if (at == 0)
                {
                    region.EraseSector(sector);
                }

                data[0] = (byte)i;
                region.Program(sector * FlashLayout.SectorSize + at, data, 0, data.Length);
            }

            uint after = NativeGC.Run(false);
            return before.ToString() + " " + after.ToString() + " " + Programs.ToString();
        }
    }
}
