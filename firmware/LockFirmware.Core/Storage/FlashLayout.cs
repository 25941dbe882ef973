using LockFirmware.Hal.Flash;

namespace LockFirmware.Core.Storage
{
    /// <summary>
    /// How the lock's flash region is split (docs/flash-format.md): 4 KiB sectors, the settings store in
    /// sectors 0-3 (16 KiB), the event log in sectors 4-19 (64 KiB). 80 KiB in all.
    /// </summary>
    public static class FlashLayout
    {
        public const int SectorSize = 4096;
        public const int SettingsFirstSector = 0;
        public const int SettingsSectors = 4;
        public const int LogFirstSector = 4;
        public const int LogSectors = 16;
        public const int SectorCount = LogFirstSector + LogSectors;
        public const int RegionSize = SectorCount * SectorSize;

        public static FlashPartition Settings(IFlashRegion region)
        {
            return new FlashPartition(region, SettingsFirstSector, SettingsSectors);
        }

        public static FlashPartition Log(IFlashRegion region)
        {
            return new FlashPartition(region, LogFirstSector, LogSectors);
        }
    }
}
