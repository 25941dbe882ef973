using System;
using System.Linq;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Flash;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// Flash figures on the lock's real layout (FlashLayout: 4 KiB sectors, settings 4 sectors, log 16):
    /// records per 64 KiB, overhead per record, and a simulated year of use with erases per sector and the
    /// lifetime at 100,000 erase cycles (of the region's own sectors; the ESP32's littlefs blocks: Esp32StorageBench).
    /// </summary>
    public static class StorageBench
    {
        public static int Run()
        {
            var flash = new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount);
            var log = new EventLog(FlashLayout.Log(flash));
            log.Mount();
            var settings = new SettingsStore(FlashLayout.Settings(flash));
            settings.Mount();

            Console.WriteLine("storage: flash layout 80 KiB = settings 4 x 4 KiB + event log 16 x 4 KiB");
            int perSector = log.SlotsPerSector;
            double overhead = EventLog.RecordSize - 9 + (double)EventLog.HeaderSize / perSector;
            Console.WriteLine($"  event log: {EventLog.RecordSize}-byte records, {perSector} per sector, {log.Capacity} always retained in 64 KiB ({perSector * FlashLayout.LogSectors} when full)");
            Console.WriteLine($"  overhead per record: {overhead:0.00} bytes (CRC 3 bytes + sector header share; sequence number implicit; payload 9 bytes)");

            var workload = new StorageWorkload(log, settings);
            for (int day = 0; day < StorageWorkload.Days; day++) workload.Day(day);
            int appends = workload.Appends, writes = workload.Writes;

            long[] logErases = flash.Erases.Skip(FlashLayout.LogFirstSector).Take(FlashLayout.LogSectors).ToArray();
            long[] setErases = flash.Erases.Take(FlashLayout.SettingsSectors).ToArray();
            long worst = Math.Max(logErases.Max(), setErases.Max());
            Console.WriteLine($"  simulated year: {appends} events, {writes} settings writes ({StorageWorkload.DeliveriesPerDay} deliveries, {StorageWorkload.WrongEntriesPerDay} wrong entries, 1 activation a day, config weekly)");
            Console.WriteLine($"  erases per sector in that year: log {string.Join(",", logErases)}; settings {string.Join(",", setErases)}");
            Console.WriteLine($"  lifetime at 100,000 erase cycles: {100_000.0 / worst:0} years (worst sector: {worst} erases a year)");
            Console.WriteLine("  on the ESP32 (one littlefs file per sector): measured through littlefs by `lockbench esp32-storage`");
            return 0;
        }
    }
}
