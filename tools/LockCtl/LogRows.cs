using System;
using System.Globalization;
using System.Text.Json;
using LockFirmware.Core.Common;
using LockFirmware.Core.Storage;

namespace LockFirmware.LockCtl
{
    /// <summary>
    /// One event as a row of `log decode` and `log pull`: sequence, UTC time, type and data for programs, then the
    /// lock's local time and the event in words (Core's <see cref="EventWords"/>, the decoder LockSim and the
    /// installer page share).
    /// </summary>
    public sealed class LogRows
    {
        public const string CsvHeader = "sequence,time,type,data,local time,event";

        private readonly int _offsetMinutes;
        private readonly int _dstRule;

        /// <summary>The lock's zone: standard offset from UTC (minutes) and daylight-saving rule, from its configuration.</summary>
        public LogRows(int offsetMinutes, int dstRule)
        {
            _offsetMinutes = offsetMinutes;
            _dstRule = dstRule;
        }

        /// <summary>The zone in a configuration block (GetConfig's 16 bytes, or settings key LockConfig).</summary>
        public static LogRows FromConfig(byte[] config)
        {
            return config == null ? new LogRows(0, 0) : new LogRows((short)(config[12] | (config[13] << 8)), config[15]);
        }

        public string Csv(EventRecord r)
        {
            return $"{r.Sequence},{Utc(r.TimeSeconds)},{TypeName(r.Type)},0x{r.Data:X8},{EventWords.Time(r.TimeSeconds, _offsetMinutes, _dstRule)},\"{EventWords.Describe(r, _offsetMinutes, _dstRule).Replace("\"", "\"\"")}\"";
        }

        public void Json(Utf8JsonWriter json, EventRecord r)
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", r.Sequence);
            json.WriteString("time", Utc(r.TimeSeconds));
            json.WriteString("type", TypeName(r.Type));
            json.WriteNumber("data", r.Data);
            json.WriteString("localTime", EventWords.Time(r.TimeSeconds, _offsetMinutes, _dstRule));
            json.WriteString("event", EventWords.Describe(r, _offsetMinutes, _dstRule));
            json.WriteEndObject();
        }

        public static string Utc(uint seconds)
        {
            return LockTime.IsSet(seconds * LockTime.MsPerSecond)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
                : $"clock-unknown+{seconds}s";
        }

        public static string TypeName(EventType type)
        {
            return Enum.IsDefined(type) ? type.ToString() : $"Unknown(0x{(byte)type:X2})";
        }
    }
}
