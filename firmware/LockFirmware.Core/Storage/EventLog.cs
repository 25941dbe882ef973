using System;
using LockFirmware.Core.Common;
using LockFirmware.Hal.Flash;

namespace LockFirmware.Core.Storage
{
    /// <summary>
    /// The event log: an append-only ring of 12-byte records over whole sectors (docs/flash-format.md).
    /// Each sector starts with a 16-byte header carrying the sequence number of its first slot; a record's
    /// sequence number is that base plus its slot, so records need not store it (the CRC covers it).
    /// Appending costs one program of 12 bytes; entering a new sector one erase and one header program; when
    /// the ring is full the oldest sector is erased. Mounting reads the sector headers and binary-searches the
    /// newest sector for its first empty slot: no record-by-record scan. Never throws out of its methods.
    /// </summary>
    public sealed class EventLog : IEventLog
    {
        public const int HeaderSize = 16;
        public const int RecordSize = 12;
        private const byte Version = 1;

        private readonly IFlashRegion _flash;
        private readonly int _slots;
        private readonly long[] _base;       // base sequence per sector, -1: no valid header
        private readonly byte[] _record = new byte[RecordSize];
        private readonly byte[] _header = new byte[HeaderSize];
        private int _head = -1;
        private int _used;
        private uint _nextSeq = 1;

        public EventLog(IFlashRegion flash)
        {
            _flash = flash;
            _slots = (flash.SectorSize - HeaderSize) / RecordSize;
            _base = new long[flash.SectorCount];
        }

        /// <summary>Records that fit in one sector.</summary>
        public int SlotsPerSector
        {
            get { return _slots; }
        }

        /// <summary>Events the ring always retains: all sectors but the one erased to make room.</summary>
        public int Capacity
        {
            get { return _slots * (_flash.SectorCount - 1); }
        }

        /// <summary>Sequence number the next append gets.</summary>
        public uint NextSequence
        {
            get { return _nextSeq; }
        }

        /// <summary>Sector headers found damaged at mount (ignored; erased when the ring reaches them).</summary>
        public int DamagedHeaders { get; private set; }

        /// <summary>Finds the head from the sector headers. Call once at boot.</summary>
        public void Mount()
        {
            _head = -1;
            _used = 0;
            _nextSeq = 1;
            DamagedHeaders = 0;
            long best = -1;
            for (int s = 0; s < _base.Length; s++)
            {
                _base[s] = -1;
                try
                {
                    _flash.Read(s * _flash.SectorSize, _header, 0, HeaderSize);
                }
                catch (Exception)
                {
                    continue;
                }

                if (ValidHeader())
                {
                    _base[s] = LittleEndian.GetUInt(_header, 8);
                    if (_base[s] > best)
                    {
                        best = _base[s];
                        _head = s;
                    }
                }
                else if (!Erased.All(_header, 0, HeaderSize))
                {
                    DamagedHeaders++;
                }
            }

            if (_head < 0)
            {
                return;
            }

            // Binary search for the first erased slot: slots fill in order, a torn one is not erased.
            int lo = 0, hi = _slots;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (SlotErased(_head, mid))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            _used = lo;
            _nextSeq = (uint)(_base[_head] + _used);
        }

        /// <summary>Appends one event; true once it is on flash.</summary>
        public bool Append(EventType type, long nowMs, uint data)
        {
            try
            {
                if (_head < 0 || _used >= _slots)
                {
                    StartSector();
                }

                long seconds = nowMs / LockTime.MsPerSecond;
                uint time = seconds < 0 ? 0 : (seconds > uint.MaxValue ? uint.MaxValue : (uint)seconds);
                _record[0] = (byte)type;
                LittleEndian.PutUInt(_record, 1, data);
                LittleEndian.PutUInt(_record, 5, time);
                uint crc = RecordCrc(_nextSeq, _record);
                _record[9] = (byte)crc;
                _record[10] = (byte)(crc >> 8);
                _record[11] = (byte)(crc >> 16);
                _flash.Program(SlotAddress(_head, _used), _record, 0, RecordSize);
                _used++;
                _nextSeq++;
                return true;
            }
            catch (Exception)
            {
                // The slot may be torn: skip it, so the next append never programs over it.
                _used++;
                _nextSeq++;
                return false;
            }
        }

        /// <summary>A reader positioned at the oldest retained event at or after <paramref name="sequence"/>.</summary>
        public EventLogCursor ReadFrom(uint sequence)
        {
            return new EventLogCursor(this, sequence);
        }

        // ---- used by the cursor ----

        internal int SectorCountInternal
        {
            get { return _base.Length; }
        }

        internal long BaseOf(int sector)
        {
            return _base[sector];
        }

        /// <summary>Reads a slot: 1 valid (filled), 0 erased, -1 damaged.</summary>
        internal int ReadSlot(int sector, int slot, EventRecord into)
        {
            try
            {
                _flash.Read(SlotAddress(sector, slot), _record, 0, RecordSize);
            }
            catch (Exception)
            {
                return -1;
            }

            if (Erased.All(_record, 0, RecordSize))
            {
                return 0;
            }

            uint seq = (uint)(_base[sector] + slot);
            uint crc = RecordCrc(seq, _record);
            if (_record[9] != (byte)crc || _record[10] != (byte)(crc >> 8) || _record[11] != (byte)(crc >> 16))
            {
                return -1;
            }

            into.Sequence = seq;
            into.Type = (EventType)_record[0];
            into.Data = LittleEndian.GetUInt(_record, 1);
            into.TimeSeconds = LittleEndian.GetUInt(_record, 5);
            return 1;
        }

        // ---- internals ----

        private void StartSector()
        {
            int next = _head < 0 ? 0 : (_head + 1) % _base.Length;
            _base[next] = -1; // the events in it are gone from now on, even if the erase is cut
            _flash.EraseSector(next);
            _header[0] = (byte)'L';
            _header[1] = (byte)'F';
            _header[2] = (byte)'E';
            _header[3] = (byte)'L';
            _header[4] = Version;
            _header[5] = (byte)(RecordSize);
            _header[6] = 0xFF;
            _header[7] = 0xFF;
            LittleEndian.PutUInt(_header, 8, _nextSeq);
            LittleEndian.PutUInt(_header, 12, Crc32.Compute(_header, 0, 12));
            _head = next;
            _used = 0;
            _flash.Program(next * _flash.SectorSize, _header, 0, HeaderSize);
            _base[next] = _nextSeq;
        }

        private bool ValidHeader()
        {
            return _header[0] == 'L' && _header[1] == 'F' && _header[2] == 'E' && _header[3] == 'L'
                && _header[4] == Version && _header[5] == RecordSize
                && LittleEndian.GetUInt(_header, 12) == Crc32.Compute(_header, 0, 12);
        }

        private bool SlotErased(int sector, int slot)
        {
            try
            {
                _flash.Read(SlotAddress(sector, slot), _record, 0, RecordSize);
            }
            catch (Exception)
            {
                return false;
            }

            return Erased.All(_record, 0, RecordSize);
        }

        private int SlotAddress(int sector, int slot)
        {
            return sector * _flash.SectorSize + HeaderSize + slot * RecordSize;
        }

        // CRC-32 of the sequence number and the first 9 record bytes; its low 24 bits are stored.
        private static uint RecordCrc(uint seq, byte[] record)
        {
            uint crc = Crc32.Start;
            crc = Crc32.UpdateByte(crc, (byte)seq);
            crc = Crc32.UpdateByte(crc, (byte)(seq >> 8));
            crc = Crc32.UpdateByte(crc, (byte)(seq >> 16));
            crc = Crc32.UpdateByte(crc, (byte)(seq >> 24));
            return Crc32.Finish(Crc32.Update(crc, record, 0, 9));
        }
    }
}
