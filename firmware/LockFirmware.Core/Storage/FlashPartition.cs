using LockFirmware.Hal.Flash;

namespace LockFirmware.Core.Storage
{
    /// <summary>A run of whole sectors of a region, seen as a region of its own (the log and the settings share one chip).</summary>
    public sealed class FlashPartition : IFlashRegion
    {
        private readonly IFlashRegion _region;
        private readonly int _firstSector;
        private readonly int _base;

        public FlashPartition(IFlashRegion region, int firstSector, int sectorCount)
        {
            if (firstSector < 0 || sectorCount <= 0 || firstSector + sectorCount > region.SectorCount)
            {
                throw new System.ArgumentOutOfRangeException("sectorCount");
            }

            _region = region;
            _firstSector = firstSector;
            _base = firstSector * region.SectorSize;
            SectorCount = sectorCount;
        }

        public int SectorSize
        {
            get { return _region.SectorSize; }
        }

        public int SectorCount { get; private set; }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            Check(address, count);
            _region.Read(_base + address, buffer, offset, count);
        }

        public void Program(int address, byte[] data, int offset, int count)
        {
            Check(address, count);
            _region.Program(_base + address, data, offset, count);
        }

        public void EraseSector(int sector)
        {
            if (sector < 0 || sector >= SectorCount)
            {
                throw new System.ArgumentOutOfRangeException("sector");
            }

            _region.EraseSector(_firstSector + sector);
        }

        private void Check(int address, int count)
        {
            if (address < 0 || count < 0 || address + count > SectorCount * SectorSize)
            {
                throw new System.ArgumentOutOfRangeException("address");
            }
        }
    }
}
