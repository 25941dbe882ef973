using LockFirmware.Core.Common;

namespace LockFirmware.Core.Access
{
    /// <summary>
    /// A bounded set of codes the lock must remember until they expire: used one-time codes (replay guard)
    /// and activated window or weekly codes. An entry is (payload, start hour, end hour). A full set of live
    /// entries refuses new ones rather than forget one. Record: count (1 byte) then 12 bytes per entry.
    /// </summary>
    public sealed class ExpiringSet
    {
        private readonly uint[] _payload;
        private readonly int[] _start;
        private readonly int[] _end;
        private int _count;

        public ExpiringSet(int capacity)
        {
            _payload = new uint[capacity];
            _start = new int[capacity];
            _end = new int[capacity];
        }

        public int Count
        {
            get { return _count; }
        }

        public int Capacity
        {
            get { return _payload.Length; }
        }

        /// <summary>Bytes of the largest record.</summary>
        public int RecordSize
        {
            get { return 1 + 12 * Capacity; }
        }

        public bool Contains(uint payload, long startHour)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_payload[i] == payload && _start[i] == (int)startHour)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Drops expired entries, then adds one; false when every slot holds a live entry.</summary>
        public bool Add(uint payload, long startHour, long endHour, long nowHour)
        {
            RemoveWhere(nowHour, long.MinValue);
            if (_count == _payload.Length)
            {
                return false;
            }

            _payload[_count] = payload;
            _start[_count] = (int)startHour;
            _end[_count] = (int)endHour;
            _count++;
            return true;
        }

        public void Remove(uint payload, long startHour)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_payload[i] == payload && _start[i] == (int)startHour)
                {
                    _count--;
                    _payload[i] = _payload[_count];
                    _start[i] = _start[_count];
                    _end[i] = _end[_count];
                    return;
                }
            }
        }

        /// <summary>Removes entries that ended by <paramref name="nowHour"/> or started before <paramref name="startedBefore"/>.</summary>
        public void RemoveWhere(long nowHour, long startedBefore)
        {
            int kept = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_end[i] > nowHour && _start[i] >= startedBefore)
                {
                    _payload[kept] = _payload[i];
                    _start[kept] = _start[i];
                    _end[kept] = _end[i];
                    kept++;
                }
            }

            _count = kept;
        }

        public int Write(byte[] record)
        {
            record[0] = (byte)_count;
            for (int i = 0; i < _count; i++)
            {
                LittleEndian.PutInt(record, 1 + 12 * i, (int)_payload[i]);
                LittleEndian.PutInt(record, 5 + 12 * i, _start[i]);
                LittleEndian.PutInt(record, 9 + 12 * i, _end[i]);
            }

            return 1 + 12 * _count;
        }

        /// <summary>Loads a record; a record that does not fit is ignored (false) and the set stays empty.</summary>
        public bool Read(byte[] record, int length)
        {
            _count = 0;
            if (length < 1 || record[0] > _payload.Length || length != 1 + 12 * record[0])
            {
                return false;
            }

            for (int i = 0; i < record[0]; i++)
            {
                _payload[i] = (uint)LittleEndian.GetInt(record, 1 + 12 * i);
                _start[i] = LittleEndian.GetInt(record, 5 + 12 * i);
                _end[i] = LittleEndian.GetInt(record, 9 + 12 * i);
            }

            _count = record[0];
            return true;
        }

        public void Clear()
        {
            _count = 0;
        }
    }
}
