using System;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Esp32;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// The device's storage (FileFlashRegion on drive I:, as LockFirmware.Device has it) through the simulated year,
    /// <see cref="DaysPerBoot"/> days per boot: each boot mounts the stores, finds the days already done from the
    /// log, and goes on. Prints "bench: mounted", "bench: writes N" (this boot's settings writes), "bench: days N"
    /// (done in all), "bench: end"; the host counts the flash work (VESP32_FLASH_STATS).
    /// The year runs in one boot: the posix nanoCLR's crash some 30 days into a long boot (FileStreams piling up for
    /// the finalizer thread, then a heap compaction that moved references 4 GiB off) is fixed (docs/virtual-esp32.md).
    /// </summary>
    public static class Program
    {
        public const int DaysPerBoot = StorageWorkload.Days;

        public static void Main()
        {
            var region = new FileFlashRegion("I:\\lockfw-", FlashLayout.SectorSize, FlashLayout.SectorCount);
            var log = new EventLog(FlashLayout.Log(region));
            var settings = new SettingsStore(FlashLayout.Settings(region));
            log.Mount();
            settings.Mount();
            Console.WriteLine("bench: mounted");

            var workload = new StorageWorkload(log, settings);
            int day = (int)((log.NextSequence - 1) / StorageWorkload.EventsPerDay);
            int last = day + DaysPerBoot < StorageWorkload.Days ? day + DaysPerBoot : StorageWorkload.Days;
            for (; day < last; day++)
            {
                workload.Day(day);
            }

            Console.WriteLine("bench: writes " + workload.Writes.ToString());
            Console.WriteLine("bench: days " + day.ToString());
            Console.WriteLine("bench: end");
        }
    }
}
