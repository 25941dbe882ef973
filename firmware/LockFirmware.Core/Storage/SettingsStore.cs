using System;
using LockFirmware.Core.Common;
using LockFirmware.Hal.Flash;

namespace LockFirmware.Core.Storage
{
    /// <summary>
    /// Small keyed records (configuration, secrets, the access tables) updated atomically on NOR flash
    /// (docs/flash-format.md). Sectors form a ring. The head sector starts with a snapshot of every live record,
    /// closed by a commit record, and then takes updates appended one record each (header, value, CRC-32).
    /// When the head is full the next sector is erased and receives a fresh snapshot that already includes the
    /// write that did not fit, then its commit: until the commit is on flash the old head is the truth, after
    /// it the new one is. A torn record (cut mid-program) fails its CRC and ends the sector's scan, so a read
    /// after any cut returns the old value or the new one, never a mix. Writes and erases rotate over all
    /// sectors. Mount reads the newest committed sector only. Never throws out of its methods.
    /// </summary>
    public sealed class SettingsStore
    {
        public const int HeaderSize = 16;
        public const int RecordHeaderSize = 10;
        public const int MaxKeys = 64;
        private const byte RecordMagic = 0x5A;
        private const byte FlagCommit = 0x80;
        private const byte FlagDeleted = 0x01;
        private const int CommitKey = 0xFFFF;
        private const byte Version = 1;

        private readonly IFlashRegion _flash;
        private readonly int[] _address = new int[MaxKeys];   // value address of each live key, -1: absent
        private readonly int[] _length = new int[MaxKeys];
        private readonly byte[] _header = new byte[HeaderSize];
        private readonly byte[] _rec = new byte[RecordHeaderSize];
        private readonly byte[] _copy;
        private int _head = -1;
        private uint _headSeq;
        private int _writePos;
        private bool _headSealed;                              // torn tail or full: the next write compacts

        public SettingsStore(IFlashRegion flash)
        {
            if (flash.SectorCount < 2)
            {
                throw new ArgumentException("the settings store needs at least two sectors");
            }

            _flash = flash;
            _copy = new byte[MaxValueLength];
            for (int i = 0; i < MaxKeys; i++)
            {
                _address[i] = -1;
            }
        }

        /// <summary>Largest value: a quarter of a sector, so a snapshot of several always fits.</summary>
        public int MaxValueLength
        {
            get { return _flash.SectorSize / 4; }
        }

        /// <summary>Records that failed their CRC at mount (a torn write, or damage).</summary>
        public int Skipped { get; private set; }

        /// <summary>Compactions so far (each costs one erase).</summary>
        public int Compactions { get; private set; }

        /// <summary>Finds the newest committed sector and indexes its records.</summary>
        public void Mount()
        {
            Skipped = 0;
            _head = -1;
            for (int i = 0; i < MaxKeys; i++)
            {
                _address[i] = -1;
            }

            // Newest committed sector wins; an uncommitted newer one is a cut compaction and is ignored.
            long tried = long.MaxValue;
            while (true)
            {
                int candidate = -1;
                long best = -1;
                for (int s = 0; s < _flash.SectorCount; s++)
                {
                    long seq = HeaderSeq(s);
                    if (seq > best && seq < tried)
                    {
                        best = seq;
                        candidate = s;
                    }
                }

                if (candidate < 0)
                {
                    return; // empty store
                }

                bool committed;
                try
                {
                    committed = Scan(candidate);
                }
                catch (Exception)
                {
                    committed = false;
                }

                if (committed)
                {
                    _head = candidate;
                    _headSeq = (uint)best;
                    return;
                }

                tried = best;
            }
        }

        /// <summary>Copies a value into <paramref name="buffer"/>; returns its length, or -1 when absent (or unreadable).</summary>
        public int Read(int key, byte[] buffer, int offset)
        {
            if (key < 0 || key >= MaxKeys || _address[key] < 0 || buffer == null || offset < 0 || offset + _length[key] > buffer.Length)
            {
                return -1;
            }

            try
            {
                _flash.Read(_address[key], buffer, offset, _length[key]);
                return _length[key];
            }
            catch (Exception)
            {
                return -1;
            }
        }

        public bool Contains(int key)
        {
            return key >= 0 && key < MaxKeys && _address[key] >= 0;
        }

        /// <summary>Replaces the value of <paramref name="key"/>; true once durable.</summary>
        public bool Write(int key, byte[] value, int offset, int count)
        {
            if (key < 0 || key >= MaxKeys || value == null || count < 0 || count > MaxValueLength || offset < 0 || offset + count > value.Length)
            {
                return false;
            }

            return Put(key, value, offset, count, 0);
        }

        /// <summary>Removes a key; true once durable.</summary>
        public bool Delete(int key)
        {
            if (key < 0 || key >= MaxKeys)
            {
                return false;
            }

            return _address[key] < 0 || Put(key, _copy, 0, 0, FlagDeleted);
        }

        /// <summary>
        /// Forgets every key but <paramref name="keepKey"/> in one step and sets <paramref name="markerKey"/> to
        /// <paramref name="marker"/>: a fresh snapshot holding only those two is committed in the next sector (a cut
        /// before the commit leaves every old value, after it only these two), then the other sectors are erased so
        /// the old values are gone from the chip too. True once committed.
        /// </summary>
        public bool ResetKeeping(int keepKey, int markerKey, byte[] marker)
        {
            if (keepKey < 0 || keepKey >= MaxKeys || markerKey < 0 || markerKey >= MaxKeys || markerKey == keepKey || marker == null || marker.Length > MaxValueLength)
            {
                return false;
            }

            try
            {
                for (int k = 0; k < MaxKeys; k++)
                {
                    if (k != keepKey) _address[k] = -1; // in RAM only: flash changes at the commit below
                }

                if (!Compact(markerKey, marker, 0, marker.Length, 0))
                {
                    Mount();
                    return false;
                }

                for (int s = 0; s < _flash.SectorCount; s++)
                {
                    if (s != _head) _flash.EraseSector(s);
                }

                return true;
            }
            catch (Exception)
            {
                _headSealed = true;
                return false;
            }
        }

        private bool Put(int key, byte[] value, int offset, int count, byte flags)
        {
            try
            {
                int size = RecordHeaderSize + count;
                if (_head >= 0 && !_headSealed && _writePos + size <= _flash.SectorSize)
                {
                    int at = _writePos;
                    _writePos += size; // a cut leaves a torn record here: never program over it
                    ProgramRecord(at, key, flags, value, offset, count);
                    Index(key, flags, at, count);
                    return true;
                }

                return Compact(key, value, offset, count, flags);
            }
            catch (Exception)
            {
                _headSealed = true;
                return false;
            }
        }

        // A fresh snapshot in the next sector: every live record, with the pending write in place, then commit.
        private bool Compact(int key, byte[] value, int offset, int count, byte flags)
        {
            int target = _head < 0 ? 0 : (_head + 1) % _flash.SectorCount;
            int needed = HeaderSize + RecordHeaderSize;
            for (int k = 0; k < MaxKeys; k++)
            {
                if (k != key && _address[k] >= 0) needed += RecordHeaderSize + _length[k];
            }

            if (flags == 0) needed += RecordHeaderSize + count;
            if (needed > _flash.SectorSize)
            {
                return false; // would not fit: refuse rather than drop anything
            }

            int baseAddress = target * _flash.SectorSize;
            _flash.EraseSector(target);
            Compactions++;
            _header[0] = (byte)'L';
            _header[1] = (byte)'F';
            _header[2] = (byte)'S';
            _header[3] = (byte)'T';
            _header[4] = Version;
            _header[5] = 0xFF;
            _header[6] = 0xFF;
            _header[7] = 0xFF;
            uint seq = _head < 0 ? 1 : _headSeq + 1;
            LittleEndian.PutUInt(_header, 8, seq);
            LittleEndian.PutUInt(_header, 12, Crc32.Compute(_header, 0, 12));
            _flash.Program(baseAddress, _header, 0, HeaderSize);

            // Copy the live records (new addresses kept aside until the commit is on flash).
            int pos = baseAddress + HeaderSize;
            int[] moved = _moved;
            for (int k = 0; k < MaxKeys; k++)
            {
                moved[k] = -1;
                if (k == key || _address[k] < 0) continue;
                _flash.Read(_address[k], _copy, 0, _length[k]);
                ProgramRecord(pos, k, 0, _copy, 0, _length[k]);
                moved[k] = pos + RecordHeaderSize;
                pos += RecordHeaderSize + _length[k];
            }

            int newAt = -1;
            if (flags == 0)
            {
                ProgramRecord(pos, key, 0, value, offset, count);
                newAt = pos + RecordHeaderSize;
                pos += RecordHeaderSize + count;
            }

            ProgramRecord(pos, CommitKey, FlagCommit, _copy, 0, 0);
            pos += RecordHeaderSize;

            // Committed: the new sector is the truth.
            for (int k = 0; k < MaxKeys; k++)
            {
                _address[k] = moved[k];
            }

            _address[key] = newAt;
            _length[key] = flags == 0 ? count : 0;
            _head = target;
            _headSeq = seq;
            _writePos = pos;
            _headSealed = false;
            return true;
        }

        private readonly int[] _moved = new int[MaxKeys];

        private void ProgramRecord(int at, int key, byte flags, byte[] value, int offset, int count)
        {
            _rec[0] = RecordMagic;
            _rec[1] = flags;
            LittleEndian.PutUShort(_rec, 2, key);
            LittleEndian.PutUShort(_rec, 4, count);
            uint crc = Crc32.Update(Crc32.Start, _rec, 0, 6);
            crc = Crc32.Finish(Crc32.Update(crc, value, offset, count));
            LittleEndian.PutUInt(_rec, 6, crc);
            _flash.Program(at, _rec, 0, RecordHeaderSize);
            if (count > 0)
            {
                _flash.Program(at + RecordHeaderSize, value, offset, count);
            }
        }

        private void Index(int key, byte flags, int at, int count)
        {
            if ((flags & FlagDeleted) != 0)
            {
                _address[key] = -1;
                _length[key] = 0;
            }
            else
            {
                _address[key] = at + RecordHeaderSize;
                _length[key] = count;
            }
        }

        // Header sequence of a sector, or -1 when it has no valid header.
        private long HeaderSeq(int sector)
        {
            try
            {
                _flash.Read(sector * _flash.SectorSize, _header, 0, HeaderSize);
            }
            catch (Exception)
            {
                return -1;
            }

            bool valid = _header[0] == 'L' && _header[1] == 'F' && _header[2] == 'S' && _header[3] == 'T' && _header[4] == Version
                && LittleEndian.GetUInt(_header, 12) == Crc32.Compute(_header, 0, 12);
            return valid ? LittleEndian.GetUInt(_header, 8) : -1;
        }

        // Indexes a sector's records; false when it holds no commit (a cut compaction).
        private bool Scan(int sector)
        {
            int start = sector * _flash.SectorSize;
            int end = start + _flash.SectorSize;
            int pos = start + HeaderSize;
            bool committed = false;
            _headSealed = false;
            for (int i = 0; i < MaxKeys; i++)
            {
                _moved[i] = -1;
                _scanLength[i] = 0;
            }

            while (pos + RecordHeaderSize <= end)
            {
                _flash.Read(pos, _rec, 0, RecordHeaderSize);
                if (Erased.All(_rec, 0, RecordHeaderSize))
                {
                    break;
                }

                int key = LittleEndian.GetUShort(_rec, 2);
                int count = LittleEndian.GetUShort(_rec, 4);
                bool plausible = _rec[0] == RecordMagic && count <= MaxValueLength && pos + RecordHeaderSize + count <= end
                    && ((_rec[1] == FlagCommit && key == CommitKey && count == 0) || ((_rec[1] == 0 || _rec[1] == FlagDeleted) && key < MaxKeys));
                if (!plausible || !CrcMatches(pos, count))
                {
                    Skipped++;
                    _headSealed = true; // never append after damage
                    break;
                }

                if (_rec[1] == FlagCommit)
                {
                    committed = true;
                }
                else if (_rec[1] == FlagDeleted)
                {
                    _moved[key] = -1;
                }
                else
                {
                    _moved[key] = pos + RecordHeaderSize;
                    _scanLength[key] = count;
                }

                pos += RecordHeaderSize + count;
            }

            if (!committed)
            {
                return false;
            }

            for (int k = 0; k < MaxKeys; k++)
            {
                _address[k] = _moved[k];
                _length[k] = _scanLength[k];
            }

            _writePos = pos;
            return true;
        }

        private readonly int[] _scanLength = new int[MaxKeys];

        private bool CrcMatches(int pos, int count)
        {
            uint stored = LittleEndian.GetUInt(_rec, 6);
            uint crc = Crc32.Update(Crc32.Start, _rec, 0, 6);
            int done = 0;
            while (done < count)
            {
                int take = count - done < _copy.Length ? count - done : _copy.Length;
                _flash.Read(pos + RecordHeaderSize + done, _copy, 0, take);
                crc = Crc32.Update(crc, _copy, 0, take);
                done += take;
            }

            return Crc32.Finish(crc) == stored;
        }
    }
}
