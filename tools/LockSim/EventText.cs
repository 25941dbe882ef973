using System;
using System.Collections.Generic;
using LockFirmware.Core.Storage;

namespace LockFirmware.LockSim
{
    /// <summary>Events of a lock's log as lines a homeowner can read.</summary>
    public static class EventText
    {
        public static List<string> Recent(SimLock lockSim, int count)
        {
            var all = new List<string>();
            var cursor = lockSim.Core.Log.ReadFrom(lockSim.Core.Log.NextSequence > (uint)count ? lockSim.Core.Log.NextSequence - (uint)count : 0);
            var r = new EventRecord();
            while (cursor.Next(r))
            {
                all.Add(Line(r, lockSim.Core.Policy.LocalOffsetMinutes, lockSim.Core.Policy.DstRule));
            }

            return all;
        }

        public static List<EventType> Types(SimLock lockSim)
        {
            var types = new List<EventType>();
            var cursor = lockSim.Core.Log.ReadFrom(0);
            var r = new EventRecord();
            while (cursor.Next(r))
            {
                types.Add(r.Type);
            }

            return types;
        }

        /// <summary>"#12    2026-11-30 14:05:12  one-time code #3 for 14:00-16:00 accepted", in the lock's local time.</summary>
        public static string Line(EventRecord r, int offsetMinutes, int dstRule)
        {
            return $"#{r.Sequence,-5} {EventWords.Time(r.TimeSeconds, offsetMinutes, dstRule)}  {EventWords.Describe(r, offsetMinutes, dstRule)}";
        }
    }
}
