using System;
using System.Linq;
using LockFirmware.Core.Access;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Flash;

namespace LockFirmware.LockBench
{
    /// <summary>
    /// Flash figures on the lock's real layout (FlashLayout: 4 KiB sectors, settings 4 sectors, log 16):
    /// records per 64 KiB, overhead per record, and a simulated year of use with erases per sector and the
    /// lifetime at 100,000 erase cycles.
    /// </summary>
    public static class StorageBench
    {
        // The ESP32 layout (hal/LockFirmware.Hal.Esp32/FileFlashRegion.cs, docs/flash-format.md "On the ESP32"): one
        // littlefs file per sector on the 256 KiB "config" partition of nanoFramework's 4 MB table (64 blocks of
        // 4 KiB). littlefs is copy-on-write: a Program closes its file, which writes the file's one block anew
        // and commits the new block pointer to the directory's metadata log; an erase deletes the file, a metadata
        // commit only. A commit is padded to the program unit (esp_littlefs write size 128 B); a metadata block
        // is compacted (erased) when its log is full.
        private const int LfsBlock = 4096;
        private const int LfsCommit = 2 * 128;
        private const int LfsBlocks = 64;
        private const int LfsMetadataBlocks = 2;

        private static void OnTheEsp32(SimNorFlash flash, int events, int settingsWrites)
        {
            long programs = flash.Programs.Sum();
            long logPrograms = flash.Programs.Skip(FlashLayout.LogFirstSector).Sum();
            long erases = flash.EraseCount;
            long commits = programs + erases;
            long dataBytes = programs * LfsBlock;
            long metadataBytes = commits * LfsCommit;
            long blockErases = programs + (metadataBytes + LfsBlock - 1) / LfsBlock;
            // Blocks that take part in copy-on-write rotation: all but the metadata pair (littlefs moves a
            // metadata pair too after block_cycles erases, so this is the pessimistic count).
            int rotating = LfsBlocks - LfsMetadataBlocks;
            double perBlock = (double)blockErases / rotating;
            Console.WriteLine("storage on the ESP32 (one littlefs file per sector; model in docs/flash-format.md):");
            Console.WriteLine($"  region operations in the year: {programs} programs ({logPrograms} by the log), {erases} erases");
            Console.WriteLine($"  per logged event: {(double)logPrograms / events:0.000} programs of the region = {(double)logPrograms * (LfsBlock + LfsCommit) / events:0} flash bytes written (one 4 KiB block + one {LfsCommit} B commit per program)");
            Console.WriteLine($"  flash written in the year: {(dataBytes + metadataBytes) / 1048576.0:0.0} MiB; block erases {blockErases} ({(double)blockErases / 365:0} a day)");
            Console.WriteLine($"  spread by littlefs over {rotating} blocks: {perBlock:0} erases per block a year; lifetime at 100,000 cycles {100_000.0 / perBlock:0} years");
        }

        // A busy lock's year: 200 events a day; 10 deliveries (each one-time use rewrites the used-code table,
        // about 3 live entries); 3 wrong entries (throttle record); a window code activated every day; a
        // configuration change a week.
        private const int EventsPerDay = 200;
        private const int DeliveriesPerDay = 10;
        private const int WrongEntriesPerDay = 3;

        public static int Run()
        {
            var flash = new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount);
            var log = new EventLog(FlashLayout.Log(flash));
            log.Mount();
            var settings = new SettingsStore(FlashLayout.Settings(flash));
            settings.Mount();
            var store = new SettingsAccessStore(settings);

            Console.WriteLine("storage: flash layout 80 KiB = settings 4 x 4 KiB + event log 16 x 4 KiB");
            int perSector = log.SlotsPerSector;
            double overhead = EventLog.RecordSize - 9 + (double)EventLog.HeaderSize / perSector;
            Console.WriteLine($"  event log: {EventLog.RecordSize}-byte records, {perSector} per sector, {log.Capacity} always retained in 64 KiB ({perSector * FlashLayout.LogSectors} when full)");
            Console.WriteLine($"  overhead per record: {overhead:0.00} bytes (CRC 3 bytes + sector header share; sequence number implicit; payload 9 bytes)");

            long t = 1795615200000L;
            byte[] used = new byte[1 + 12 * 3];
            byte[] throttle = new byte[12];
            byte[] activation = new byte[1 + 12 * 2];
            byte[] config = new byte[64];
            int appends = 0, writes = 0;
            for (int day = 0; day < 365; day++)
            {
                for (int e = 0; e < EventsPerDay; e++) { log.Append(EventType.DoorOpened, t, (uint)e); appends++; }
                for (int d = 0; d < DeliveriesPerDay; d++) { used[0] = (byte)(d % 4); store.Save(AccessRecord.UsedCodes, used, used.Length); writes++; }
                for (int w = 0; w < WrongEntriesPerDay; w++) { throttle[0] = (byte)w; store.Save(AccessRecord.Throttle, throttle, throttle.Length); writes++; }
                store.Save(AccessRecord.ActivatedCodes, activation, activation.Length); writes++;
                if (day % 7 == 0) { settings.Write(SettingKeys.LockConfig, config, 0, config.Length); writes++; }
                t += 86_400_000L;
            }

            long[] logErases = flash.Erases.Skip(FlashLayout.LogFirstSector).Take(FlashLayout.LogSectors).ToArray();
            long[] setErases = flash.Erases.Take(FlashLayout.SettingsSectors).ToArray();
            long worst = Math.Max(logErases.Max(), setErases.Max());
            Console.WriteLine($"  simulated year: {appends} events, {writes} settings writes ({DeliveriesPerDay} deliveries, {WrongEntriesPerDay} wrong entries, 1 activation a day, config weekly)");
            Console.WriteLine($"  erases per sector in that year: log {string.Join(",", logErases)}; settings {string.Join(",", setErases)}");
            Console.WriteLine($"  lifetime at 100,000 erase cycles: {100_000.0 / worst:0} years (worst sector: {worst} erases a year)");
            OnTheEsp32(flash, appends, writes);
            return 0;
        }
    }
}
