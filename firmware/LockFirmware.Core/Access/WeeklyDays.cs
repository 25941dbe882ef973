namespace LockFirmware.Core.Access
{
    /// <summary>The day sets a weekly code can name (a field of the code, so only a few).</summary>
    public static class WeeklyDays
    {
        public const int EveryDay = 0;
        public const int Weekdays = 1;
        public const int Weekend = 2;

        /// <summary>3 + weekday: one day, Monday (3) to Sunday (9).</summary>
        public const int Monday = 3;

        public const int Count = 10;

        /// <summary>Weekday of a local day number (days since 2025-01-01, a Wednesday): Monday = 0.</summary>
        public static int WeekdayOf(long localDay)
        {
            long w = (localDay + 2) % 7;
            return (int)(w < 0 ? w + 7 : w);
        }

        /// <summary>True when the day set <paramref name="option"/> contains <paramref name="weekday"/> (Monday = 0).</summary>
        public static bool Contains(int option, int weekday)
        {
            switch (option)
            {
                case EveryDay: return true;
                case Weekdays: return weekday < 5;
                case Weekend: return weekday >= 5;
                default: return option - Monday == weekday;
            }
        }
    }
}
