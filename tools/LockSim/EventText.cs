using System;
using System.Collections.Generic;
using System.Globalization;
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
                all.Add(Line(r));
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

        public static string Line(EventRecord r)
        {
            string time = r.TimeSeconds >= 1735689600
                ? DateTimeOffset.FromUnixTimeSeconds(r.TimeSeconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                : $"(clock unknown) +{r.TimeSeconds}s";
            return $"#{r.Sequence,-5} {time}  {r.Type} {(r.Data != 0 ? "0x" + r.Data.ToString("X") : "")}".TrimEnd();
        }
    }
}
