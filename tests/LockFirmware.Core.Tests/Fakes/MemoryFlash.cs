using LockFirmware.Hal.Flash;

namespace LockFirmware.Core.Tests.Fakes
{
    /// <summary>A NOR flash in RAM for the tests that also run on nanoFramework: programming only clears bits, erase sets a sector to 0xFF.</summary>
    public sealed class MemoryFlash : IFlashRegion
    {
        private readonly byte[] _data;

        public MemoryFlash(int sectorSize, int sectorCount)
        {
            SectorSize = sectorSize;
            SectorCount = sectorCount;
            _data = new byte[sectorSize * sectorCount];
            for (int i = 0; i < _data.Length; i++)
            {
                _data[i] = 0xFF;
            }
        }

        public int SectorSize { get; private set; }

        public int SectorCount { get; private set; }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            System.Array.Copy(_data, address, buffer, offset, count);
        }

        public void Program(int address, byte[] data, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _data[address + i] &= data[offset + i];
            }
        }

        public void EraseSector(int sector)
        {
            for (int i = 0; i < SectorSize; i++)
            {
                _data[sector * SectorSize + i] = 0xFF;
            }
        }
    }
}
