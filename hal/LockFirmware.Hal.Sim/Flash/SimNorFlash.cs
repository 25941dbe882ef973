using System;
using LockFirmware.Hal.Flash;

namespace LockFirmware.Hal.Sim.Flash
{
    /// <summary>
    /// A NOR flash as strict as the chip: 0xFF when erased, programs only clear bits (setting one throws
    /// <see cref="FlashMisuseException"/>), erases whole sectors. Counts reads, programs and erases per sector.
    /// Power can be cut after a chosen number of programmed bytes (the byte in flight gets some of its bits)
    /// or during a chosen erase (the sector is left half erased: neither old data nor 0xFF); from then on every
    /// call throws <see cref="PowerCutException"/> until <see cref="PowerOn"/>. Saves to and loads from an image file
    /// on the host (SimNorFlash.Image.cs).
    /// </summary>
    public sealed partial class SimNorFlash : IFlashRegion
    {
        private readonly byte[] _data;
        private readonly Random _noise;
        private long _programBudget = -1;
        private long _eraseBudget = -1;
        private bool _off;

        public SimNorFlash(int sectorSize, int sectorCount, int seed = 1)
        {
            if (sectorSize <= 0 || sectorCount <= 0)
            {
                throw new ArgumentException("sector size and count must be positive");
            }

            SectorSize = sectorSize;
            SectorCount = sectorCount;
            _data = new byte[sectorSize * sectorCount];
            Fill(0, _data.Length);
            _noise = new Random(seed);
            Reads = new long[sectorCount];
            Programs = new long[sectorCount];
            Erases = new long[sectorCount];
        }

        public int SectorSize { get; }
        public int SectorCount { get; }
        public int Size => _data.Length;

        public long[] Reads { get; }
        public long[] Programs { get; }
        public long[] Erases { get; }

        /// <summary>Bytes programmed and erases done since creation (the cut points a workload offers).</summary>
        public long BytesProgrammed { get; private set; }
        public long EraseCount { get; private set; }

        /// <summary>Cuts power after <paramref name="bytes"/> more programmed bytes (0: at the next byte).</summary>
        public void CutAfterProgrammedBytes(long bytes) => _programBudget = bytes;

        /// <summary>Cuts power in the middle of the erase after <paramref name="erases"/> more complete ones.</summary>
        public void CutDuringErase(long erases) => _eraseBudget = erases;

        public bool IsOff => _off;

        /// <summary>Power returns: the chip answers again, with whatever the cut left in it.</summary>
        public void PowerOn()
        {
            _off = false;
            _programBudget = -1;
            _eraseBudget = -1;
        }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            Check(address, count);
            Reads[address / SectorSize]++;
            Array.Copy(_data, address, buffer, offset, count);
        }

        public void Program(int address, byte[] data, int offset, int count)
        {
            Check(address, count);
            for (int i = 0; i < count; i++)
            {
                byte old = _data[address + i], value = data[offset + i];
                if ((value & ~old & 0xFF) != 0)
                {
                    throw new FlashMisuseException($"program at 0x{address + i:X} would set bits: 0x{old:X2} -> 0x{value:X2}");
                }
            }

            Programs[address / SectorSize]++;
            for (int i = 0; i < count; i++)
            {
                if (_programBudget == 0)
                {
                    // The byte in flight keeps some of the bits it was losing.
                    byte old = _data[address + i], value = data[offset + i];
                    _data[address + i] = (byte)(old & (value | _noise.Next(256)));
                    _off = true;
                    throw new PowerCutException();
                }

                if (_programBudget > 0) _programBudget--;
                _data[address + i] &= data[offset + i];
                BytesProgrammed++;
            }
        }

        public void EraseSector(int sector)
        {
            if (_off) throw new PowerCutException();
            if (sector < 0 || sector >= SectorCount) throw new FlashMisuseException($"erase of sector {sector} outside 0..{SectorCount - 1}");
            if (_eraseBudget == 0)
            {
                // Half erased: some bytes back to 0xFF, some still old, some with a few bits set.
                int start = sector * SectorSize;
                for (int i = 0; i < SectorSize; i++)
                {
                    int roll = _noise.Next(3);
                    if (roll == 0) _data[start + i] = 0xFF;
                    else if (roll == 1) _data[start + i] |= (byte)_noise.Next(256);
                }

                _off = true;
                throw new PowerCutException();
            }

            if (_eraseBudget > 0) _eraseBudget--;
            Fill(sector * SectorSize, SectorSize);
            Erases[sector]++;
            EraseCount++;
        }

        /// <summary>Flips bits at an address, as radiation or a probe would: for damage tests.</summary>
        public void Corrupt(int address, byte xorMask) => _data[address] ^= xorMask;

        public byte[] Snapshot() => (byte[])_data.Clone();

        private void Fill(int start, int count)
        {
            for (int i = start; i < start + count; i++) _data[i] = 0xFF;
        }

        private void Check(int address, int count)
        {
            if (_off) throw new PowerCutException();
            if (address < 0 || count < 0 || address + count > _data.Length)
            {
                throw new FlashMisuseException($"access 0x{address:X}+{count} outside the {_data.Length}-byte region");
            }
        }
    }
}
