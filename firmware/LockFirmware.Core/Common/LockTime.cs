namespace LockFirmware.Core.Common
{
    /// <summary>
    /// Time as Core sees it: every call takes <c>nowMs</c>, milliseconds since 1970-01-01T00:00:00Z.
    /// A clock that was never set (a power loss without a backup clock) reads near 1970 or the
    /// platform's epoch; anything before <see cref="EarliestValidMs"/> means "time unknown".
    /// </summary>
    public static class LockTime
    {
        /// <summary>2025-01-01T00:00:00Z. No real lock runs before this date.</summary>
        public const long EarliestValidMs = 1735689600000L;

        /// <summary>2100-01-01T00:00:00Z: the latest time SetTime accepts (every date type and platform clock holds it).</summary>
        public const long LatestValidMs = 4102444800000L;

        public const long MsPerSecond = 1000L;
        public const long MsPerMinute = 60L * MsPerSecond;
        public const long MsPerHour = 60L * MsPerMinute;
        public const long MsPerDay = 24L * MsPerHour;

        /// <summary>True when <paramref name="nowMs"/> comes from a clock that has been set.</summary>
        public static bool IsSet(long nowMs)
        {
            return nowMs >= EarliestValidMs;
        }

        /// <summary>Marker deadline: nothing scheduled.</summary>
        public const long Never = long.MaxValue;
    }
}
