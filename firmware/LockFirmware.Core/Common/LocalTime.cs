namespace LockFirmware.Core.Common
{
    /// <summary>
    /// The lock's local time: a fixed offset from UTC plus, under a daylight-saving rule, one hour in summer.
    /// Integer calendar arithmetic only (days-from-civil), so it runs on the lock as on the host.
    /// </summary>
    public static class LocalTime
    {
        public const int NoDst = 0;

        /// <summary>EU: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC.</summary>
        public const int EuDst = 1;

        /// <summary>US: second Sunday of March 02:00 local standard time to first Sunday of November 02:00 local daylight time.</summary>
        public const int UsDst = 2;

        /// <summary>Minutes to add to UTC at <paramref name="utcMs"/>.</summary>
        public static int OffsetMinutes(int baseOffsetMinutes, int dstRule, long utcMs)
        {
            return baseOffsetMinutes + (InSummer(baseOffsetMinutes, dstRule, utcMs) ? 60 : 0);
        }

        public static bool InSummer(int baseOffsetMinutes, int dstRule, long utcMs)
        {
            if (dstRule != EuDst && dstRule != UsDst)
            {
                return false;
            }

            long day = Floor(utcMs, LockTime.MsPerDay);
            int year = YearOf(day);
            long start, end;
            if (dstRule == EuDst)
            {
                start = LastSunday(year, 3) * LockTime.MsPerDay + LockTime.MsPerHour;
                end = LastSunday(year, 10) * LockTime.MsPerDay + LockTime.MsPerHour;
            }
            else
            {
                long standard = baseOffsetMinutes * LockTime.MsPerMinute;
                start = (NthSunday(year, 3, 2) * LockTime.MsPerDay + 2 * LockTime.MsPerHour) - standard;
                end = (NthSunday(year, 11, 1) * LockTime.MsPerDay + LockTime.MsPerHour) - standard;
            }

            return utcMs >= start && utcMs < end;
        }

        /// <summary>Days since 1970-01-01 of a civil date (proleptic Gregorian).</summary>
        public static long DaysFromCivil(int y, int m, int d)
        {
            y -= m <= 2 ? 1 : 0;
            long era = (y >= 0 ? y : y - 399) / 400;
            long yoe = y - era * 400;
            long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
            long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            return era * 146097 + doe - 719468;
        }

        /// <summary>Weekday of a day since 1970 (Monday 0 ... Sunday 6).</summary>
        public static int Weekday(long day)
        {
            long w = (day + 3) % 7; // 1970-01-01 was a Thursday
            return (int)(w < 0 ? w + 7 : w);
        }

        private static int YearOf(long day)
        {
            int y = (int)(1970 + day / 365);
            while (DaysFromCivil(y, 1, 1) > day) y--;
            while (DaysFromCivil(y + 1, 1, 1) <= day) y++;
            return y;
        }

        private static long LastSunday(int year, int month)
        {
            long last = DaysFromCivil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - 1;
            return last - (Weekday(last) + 1) % 7;
        }

        private static long NthSunday(int year, int month, int n)
        {
            long first = DaysFromCivil(year, month, 1);
            long firstSunday = first + (6 - Weekday(first) + 7) % 7;
            return firstSunday + 7 * (n - 1);
        }

        private static long Floor(long a, long d)
        {
            long q = a / d;
            return (a % d != 0 && a < 0) ? q - 1 : q;
        }
    }
}
