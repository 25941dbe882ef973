namespace LockFirmware.Core.Access
{
    /// <summary>
    /// The security argument as a number (docs/access-codes.md): the probability that an attacker at the
    /// keypad, guessing at the fastest rate the throttle allows, opens the lock within one year.
    /// Because codes are permuted, a guess decodes to a uniformly random payload and tag; it opens only if
    /// that payload is acceptable now and the tag matches, so per entry
    ///   p = A_short / 10^n + A_long / 10^(n+2) + pins / 10^pinLength,
    /// with A the payloads acceptable at the worst moment. Over a year the throttle admits
    ///   N = FreeFailures + floor(8760 / RefillHours) entries, and P(year) &lt;= N * p (union bound).
    /// Everything is computed from the policy the firmware runs with.
    /// </summary>
    public sealed class SecurityBound
    {
        public const int HoursPerYear = 8760;

        public readonly long ShortAcceptable;
        public readonly long LongAcceptable;
        public readonly long WindowAcceptable;
        public readonly long WeeklyAcceptable;
        public readonly double PerEntry;
        public readonly long EntriesPerYear;
        public readonly double PerYear;

        public SecurityBound(AccessPolicy policy)
        {
            long idx = AccessPolicy.Indexes;

            // One-time: a code of duration d is acceptable during d hours after its start, so d starts cover now.
            long oneTime = 0;
            for (int i = 0; i < policy.OneTimeHours.Length; i++)
            {
                oneTime += policy.OneTimeHours[i];
            }

            ShortAcceptable = oneTime * idx;

            // Window: new codes only within the activation period of their start; activated ones from the table.
            long window = 0;
            for (int i = 0; i < policy.WindowHours.Length; i++)
            {
                window += policy.WindowHours[i] < policy.ActivationHours ? policy.WindowHours[i] : policy.ActivationHours;
            }

            WindowAcceptable = window * idx;
            WeeklyAcceptable = WorstWeekly(policy) * idx;
            // Revoke-all codes never open the door, so they are not counted; activated codes are.
            LongAcceptable = WindowAcceptable + WeeklyAcceptable + policy.ActivationTableSize;

            double shortSpace = Pow10(policy.CodeLength);
            double longSpace = Pow10(policy.LongCodeLength);
            double pinSpace = Pow10(policy.PinMinLength);
            PerEntry = ShortAcceptable / shortSpace + LongAcceptable / longSpace + policy.MaxPins / pinSpace;
            EntriesPerYear = policy.FreeFailures + HoursPerYear / policy.RefillHours;
            PerYear = EntriesPerYear * PerEntry;
        }

        /// <summary>The time-zone rules the bound is computed over (LocalTime.NoDst, EuDst, UsDst).</summary>
        public static readonly int[] DstRules = { Common.LocalTime.NoDst, Common.LocalTime.EuDst, Common.LocalTime.UsDst };

        // New weekly codes acceptable at the worst moment of any supported time-zone rule: for each rule, every hour of
        // a year is turned into the lock's local hour as the verifier does, and the (from, span) pairs acceptable then
        // are counted. Activation runs in local hours (6 of them, summer or winter), so every rule gives the same worst
        // hour; were it keyed on another grid, a rule's summer hours would show here (issue 15, item 7).
        private static long WorstWeekly(AccessPolicy policy)
        {
            long worst = 0;
            for (int r = 0; r < DstRules.Length; r++)
            {
                long pairs = WorstWeeklyPairs(policy, DstRules[r]);
                if (pairs > worst)
                {
                    worst = pairs;
                }
            }

            return worst * 3 * policy.WeeklyWeeks.Length;
        }

        /// <summary>(from, span) pairs of new weekly codes acceptable at the worst hour of a year under one DST rule.</summary>
        public static long WorstWeeklyPairs(AccessPolicy policy, int dstRule)
        {
            long worst = 0;
            long year = Common.LocalTime.DaysFromCivil(2027, 1, 1) * Common.LockTime.MsPerDay;
            for (int h = 0; h < HoursPerYear; h++)
            {
                long utcMs = year + h * Common.LockTime.MsPerHour;
                long localMs = utcMs + Common.LocalTime.OffsetMinutes(policy.LocalOffsetMinutes, dstRule, utcMs) * Common.LockTime.MsPerMinute;
                long count = WeeklyPairsAt(policy, (int)(CodeFormat.Mod(localMs, Common.LockTime.MsPerDay) / Common.LockTime.MsPerHour));
                if (count > worst)
                {
                    worst = count;
                }
            }

            return worst;
        }

        // (from, span) pairs acceptable as new at a local hour of the day: first occurrence today, started within the
        // activation period, its span still running (the day set holding today: three options do, every day,
        // weekdays or weekend, and the day itself; counted by the caller).
        private static long WeeklyPairsAt(AccessPolicy policy, int hour)
        {
            long count = 0;
            for (int from = hour - policy.ActivationHours + 1; from <= hour; from++)
            {
                if (from < 0)
                {
                    continue;
                }

                for (int s = 0; s < policy.WeeklySpanHours.Length; s++)
                {
                    int span = policy.WeeklySpanHours[s];
                    if (hour < from + span && from + span <= 24)
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        private static double Pow10(int n)
        {
            double r = 1;
            for (int i = 0; i < n; i++)
            {
                r *= 10;
            }

            return r;
        }
    }
}
