namespace LockFirmware.Core.Access
{
    /// <summary>
    /// A decoded code: its fields as issued and the absolute times the lock resolved them to.
    /// One instance is reused for every entry (no allocation per key press).
    /// </summary>
    public sealed class Credential
    {
        public CredentialType Type;

        /// <summary>The payload number inside the code (unique per type, start, duration and index).</summary>
        public uint Payload;

        /// <summary>0..15: several codes for the same type, start and duration.</summary>
        public int Index;

        /// <summary>Duration class (an index into the policy's tables).</summary>
        public int DurationClass;

        /// <summary>Start (one-time, window; first occurrence for weekly; issue hour for revoke-all), hours since 2025-01-01 UTC.</summary>
        public long StartHour;

        /// <summary>End, exclusive, hours since 2025-01-01 UTC.</summary>
        public long EndHour;

        /// <summary>Weekly only: first local day, day set, from-hour and span in local time.</summary>
        public long FirstLocalDay;
        public int Days;
        public int FromHour;
        public int SpanHours;

        /// <summary>Owner PIN only: which stored PIN.</summary>
        public int PinSlot;

        public void Clear()
        {
            Type = CredentialType.None;
            Payload = 0;
            Index = 0;
            DurationClass = 0;
            StartHour = 0;
            EndHour = 0;
            FirstLocalDay = 0;
            Days = 0;
            FromHour = 0;
            SpanHours = 0;
            PinSlot = -1;
        }

        public void CopyFrom(Credential from)
        {
            Type = from.Type;
            Payload = from.Payload;
            Index = from.Index;
            DurationClass = from.DurationClass;
            StartHour = from.StartHour;
            EndHour = from.EndHour;
            FirstLocalDay = from.FirstLocalDay;
            Days = from.Days;
            FromHour = from.FromHour;
            SpanHours = from.SpanHours;
            PinSlot = from.PinSlot;
        }

        /// <summary>The event log's data word: type in the top byte, then index, then payload's low 16 bits.</summary>
        public uint LogData
        {
            get { return ((uint)Type << 24) | ((uint)(Index & 0xFF) << 16) | (Payload & 0xFFFF); }
        }
    }
}
