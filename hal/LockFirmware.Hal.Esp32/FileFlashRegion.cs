using System;
using System.IO;
using LockFirmware.Hal.Flash;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// The flash region on the ESP32's internal littlefs volume (drive I:), one file per sector
    /// (<c>&lt;prefix&gt;00.sec</c>, <c>&lt;prefix&gt;01.sec</c>, ...), with the NOR contract the stores are written for:
    /// an erased sector reads 0xFF, a program can only clear bits (stored = old AND new), an erase resets one sector.
    ///
    /// Why one file per sector, opened and closed for every operation (docs/flash-format.md, "On the ESP32"):
    /// esp_littlefs commits a file only when it is closed or synced, and FileStream.Flush is only an fflush, so a
    /// file kept open loses every write at a reset; closing after each Program makes it durable when the call
    /// returns, and littlefs makes it atomic (the old or the new sector, never a mix). littlefs also rewrites a
    /// file from the written position to the end of its block, so a file of one 4 KiB sector keeps each Program
    /// at one block of flash work, where one 80 KiB file would cost up to 20. An erase deletes the file: a missing
    /// sector file is an erased sector, and deleting is a metadata commit, not 4 KiB of 0xFF.
    /// The last sector read stays in RAM (4 KiB): nanoFramework's littlefs driver opens every file "r+", and
    /// esp_littlefs stamps the modification time of every file opened that way, so each open is a flash commit
    /// even to read. With the copy, a scan of the log opens each sector once, not once per record, and a Program
    /// opens its sector once (to write).
    /// </summary>
    public sealed class FileFlashRegion : IFlashRegion
    {
        private readonly string[] _paths;
        private readonly byte[] _sector;
        private int _cached = -1;
        private int _cachedLength;

        /// <param name="prefix">Path and name start of the sector files, e.g. "I:\\lockfw-".</param>
        public FileFlashRegion(string prefix, int sectorSize, int sectorCount)
        {
            // The names once: every program and read would otherwise build a string.
            _paths = new string[sectorCount];
            for (int i = 0; i < sectorCount; i++)
            {
                _paths[i] = prefix + (i < 10 ? "0" : string.Empty) + i.ToString() + ".sec";
            }

            SectorSize = sectorSize;
            SectorCount = sectorCount;
            _sector = new byte[sectorSize];
        }

        public int SectorSize { get; private set; }
        public int SectorCount { get; private set; }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            Check(address, count);
            while (count > 0)
            {
                int sector = address / SectorSize;
                int at = address % SectorSize;
                int chunk = count < SectorSize - at ? count : SectorSize - at;
                ReadSector(sector);
                Array.Copy(_sector, at, buffer, offset, chunk);
                address += chunk;
                offset += chunk;
                count -= chunk;
            }
        }

        public void Program(int address, byte[] data, int offset, int count)
        {
            Check(address, count);
            while (count > 0)
            {
                int sector = address / SectorSize;
                int at = address % SectorSize;
                int chunk = count < SectorSize - at ? count : SectorSize - at;
                ProgramSector(sector, at, data, offset, chunk);
                address += chunk;
                offset += chunk;
                count -= chunk;
            }
        }

        public void EraseSector(int sector)
        {
            if (sector < 0 || sector >= SectorCount)
            {
                throw new ArgumentOutOfRangeException("sector");
            }

            if (_cached == sector)
            {
                _cached = -1;
            }

            File.Delete(SectorPath(sector));
        }

        /// <summary>Reads a whole sector into the buffer (unless it is there already); what the file does not hold
        /// reads as erased (0xFF). Returns how many bytes the file holds.</summary>
        private int ReadSector(int sector)
        {
            if (_cached == sector)
            {
                return _cachedLength;
            }

            _cached = -1;
            Fill(0, SectorSize);
            string path = SectorPath(sector);
            int done = 0;
            if (File.Exists(path))
            {
                var file = new FileStream(path, FileMode.Open, FileAccess.Read);
                try
                {
                    int length = file.Length < SectorSize ? (int)file.Length : SectorSize;
                    while (done < length)
                    {
                        int n = file.Read(_sector, done, length - done);
                        if (n <= 0)
                        {
                            break;
                        }

                        done += n;
                    }
                }
                finally
                {
                    Close(file);
                }

                // A short read leaves 0xFF behind it, as an erased tail.
                Fill(done, SectorSize - done);
            }

            _cached = sector;
            _cachedLength = done;
            return done;
        }

        /// <summary>Programs bytes of one sector and closes the file, which commits it (atomically) on littlefs.</summary>
        private void ProgramSector(int sector, int at, byte[] data, int offset, int count)
        {
            int stored = ReadSector(sector);
            for (int i = 0; i < count; i++)
            {
                _sector[at + i] &= data[offset + i];
            }

            // Until the close returns, RAM holds bytes the flash may not: forget the copy if anything throws.
            _cached = -1;
            var file = new FileStream(SectorPath(sector), stored == SectorSize ? FileMode.Open : FileMode.Create, FileAccess.ReadWrite);
            try
            {
                if (stored == SectorSize)
                {
                    // Only the changed bytes: littlefs rewrites the rest of the block itself.
                    file.Seek(at, SeekOrigin.Begin);
                    file.Write(_sector, at, count);
                }
                else
                {
                    // A new (or short) sector file is written whole, so no gap reads as zeros.
                    file.Write(_sector, 0, SectorSize);
                }
            }
            finally
            {
                Close(file);
            }

            _cached = sector;
            _cachedLength = SectorSize;
        }

        /// <summary>
        /// Closes (commits) a file and takes it off the finalizer queue. FileStream 1.1.93 overrides Close() without
        /// GC.SuppressFinalize, so a disposed FileStream still waits for the CLR's finalizer thread, which runs one
        /// finalizer at a time below normal priority: while the app is busy (a log scan, a year of the benchmark in
        /// one boot) closed streams pile up on the heap (26,000 of them, 7 MB, before the posix nanoCLR crashed in
        /// a heap compaction: docs/virtual-esp32.md). Suppressed, each is freed by the next GC.
        /// </summary>
        private static void Close(FileStream file)
        {
            file.Dispose();
            GC.SuppressFinalize(file);
        }

        private void Fill(int from, int count)
        {
            for (int i = from; i < from + count; i++)
            {
                _sector[i] = 0xFF;
            }
        }

        private string SectorPath(int sector)
        {
            return _paths[sector];
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
