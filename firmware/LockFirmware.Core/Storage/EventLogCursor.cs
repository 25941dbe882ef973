namespace LockFirmware.Core.Storage
{
    /// <summary>
    /// Walks the log in sequence order from a starting sequence number ("everything since 1234"), sector by
    /// sector, skipping erased and damaged slots and counting the damaged ones. Fills one record per call.
    /// </summary>
    public sealed class EventLogCursor
    {
        private readonly EventLog _log;
        private int _sector = -1;
        private int _slot;
        private uint _from;

        internal EventLogCursor(EventLog log, uint from)
        {
            _log = log;
            _from = from;
            _sector = SectorAfter(-1, from);
        }

        /// <summary>Damaged records passed over so far.</summary>
        public int Skipped { get; private set; }

        /// <summary>Fills <paramref name="record"/> with the next event; false at the end of the log.</summary>
        public bool Next(EventRecord record)
        {
            while (_sector >= 0)
            {
                long baseSeq = _log.BaseOf(_sector);
                if (baseSeq < 0)
                {
                    _sector = SectorAfter(-1, _from);
                    continue;
                }

                if (_slot == 0 && _from > baseSeq)
                {
                    long skip = _from - baseSeq;
                    _slot = skip > _log.SlotsPerSector ? _log.SlotsPerSector : (int)skip;
                }

                while (_slot < _log.SlotsPerSector)
                {
                    int state = _log.ReadSlot(_sector, _slot, record);
                    _slot++;
                    if (state == 1)
                    {
                        _from = record.Sequence + 1;
                        return true;
                    }

                    if (state == 0)
                    {
                        break; // the rest of this sector is erased
                    }

                    Skipped++;
                }

                long next = baseSeq + _log.SlotsPerSector;
                if (_from < next)
                {
                    _from = (uint)next;
                }

                _sector = SectorAfter(baseSeq, _from);
                _slot = 0;
            }

            return false;
        }

        // The sector whose base is the smallest one above afterBase that may hold sequence numbers >= from.
        private int SectorAfter(long afterBase, uint from)
        {
            int best = -1;
            long bestBase = long.MaxValue;
            for (int s = 0; s < _log.SectorCountInternal; s++)
            {
                long b = _log.BaseOf(s);
                if (b > afterBase && b < bestBase && b + _log.SlotsPerSector > from)
                {
                    best = s;
                    bestBase = b;
                }
            }

            return best;
        }
    }
}
