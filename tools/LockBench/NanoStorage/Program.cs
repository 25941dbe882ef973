using System;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Esp32;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// The device's storage (FileFlashRegion on drive I:, as LockFirmware.Device has it) through the simulated year.
    /// Prints "bench: mounted", "bench: day N" now and then, "bench: events N", "bench: writes N", "bench: end";
    /// the host counts the flash work (VESP32_FLASH_STATS).
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            var region = new FileFlashRegion("I:\\lockfw-", FlashLayout.SectorSize, FlashLayout.SectorCount);
            var log = new EventLog(FlashLayout.Log(region));
            var settings = new SettingsStore(FlashLayout.Settings(region));
            log.Mount();
            settings.Mount();
            Console.WriteLine("bench: mounted");

            var workload = new StorageWorkload(log, settings);
            for (int day = 0; day < StorageWorkload.Days; day++)
            {
                workload.Day(day);
                if (day % 30 == 29)
                {
                    Console.WriteLine("bench: day " + (day + 1).ToString());
                }
            }

            Console.WriteLine("bench: events " + workload.Appends.ToString());
            Console.WriteLine("bench: writes " + workload.Writes.ToString());
            Console.WriteLine("bench: end");
        }
    }
}
