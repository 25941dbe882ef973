using System;
using System.IO;
using LockFirmware.Hal.Flash;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// The flash region as a fixed-size file on the internal flash file system (drive I:), with the NOR
    /// contract the stores are written for: an erased region reads 0xFF, a program can only clear bits
    /// (stored = old AND new), an erase resets one whole sector. The file is created full of 0xFF at first boot
    /// and never changes size.
    /// </summary>
    public sealed class FileFlashRegion : IFlashRegion
    {
        private readonly FileStream _file;
        private readonly byte[] _scratch;

        public FileFlashRegion(string path, int sectorSize, int sectorCount)
        {
            SectorSize = sectorSize;
            SectorCount = sectorCount;
            _scratch = new byte[sectorSize];
            long size = (long)sectorSize * sectorCount;
            bool fresh = !File.Exists(path);
            _file = new FileStream(path, fresh ? FileMode.Create : FileMode.Open, FileAccess.ReadWrite);
            if (fresh || _file.Length != size)
            {
                // A missing or wrong-sized file is an erased region (the stores then start empty).
                _file.SetLength(size);
                for (int s = 0; s < sectorCount; s++)
                {
                    EraseSector(s);
                }
            }
        }

        public int SectorSize { get; private set; }
        public int SectorCount { get; private set; }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            Check(address, count);
            _file.Seek(address, SeekOrigin.Begin);
            int done = 0;
            while (done < count)
            {
                int n = _file.Read(buffer, offset + done, count - done);
                if (n <= 0)
                {
                    throw new IOException("flash file shorter than the region");
                }

                done += n;
            }
        }

        public void Program(int address, byte[] data, int offset, int count)
        {
            Check(address, count);
            int done = 0;
            while (done < count)
            {
                int chunk = count - done < _scratch.Length ? count - done : _scratch.Length;
                Read(address + done, _scratch, 0, chunk);
                for (int i = 0; i < chunk; i++)
                {
                    _scratch[i] &= data[offset + done + i];
                }

                _file.Seek(address + done, SeekOrigin.Begin);
                _file.Write(_scratch, 0, chunk);
                done += chunk;
            }

            _file.Flush();
        }

        public void EraseSector(int sector)
        {
            if (sector < 0 || sector >= SectorCount)
            {
                throw new ArgumentOutOfRangeException("sector");
            }

            for (int i = 0; i < _scratch.Length; i++)
            {
                _scratch[i] = 0xFF;
            }

            _file.Seek((long)sector * SectorSize, SeekOrigin.Begin);
            _file.Write(_scratch, 0, SectorSize);
            _file.Flush();
        }

        private void Check(int address, int count)
        {
            if (address < 0 || count < 0 || (long)address + count > (long)SectorSize * SectorCount)
            {
                throw new ArgumentOutOfRangeException("address");
            }
        }
    }
}
