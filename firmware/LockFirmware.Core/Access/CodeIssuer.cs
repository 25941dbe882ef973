using System;
using LockFirmware.Core.Common;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Access
{
    /// <summary>
    /// Mints codes for one lock from its secret: the library a delivery backend or the owner's tool uses,
    /// on the same <see cref="CodeFormat"/> the lock verifies with. Times are UTC ms since 1970; a weekly code
    /// takes its first day and hours in the lock's local time. Bad parameters throw ArgumentException naming them.
    /// </summary>
    public sealed class CodeIssuer
    {
        private readonly AccessPolicy _policy;
        private readonly CodeFormat _format;

        public CodeIssuer(AccessPolicy policy, ICryptoPrimitives crypto, byte[] secret)
        {
            if (secret == null || secret.Length != CodeKeys.SecretLength)
            {
                throw new ArgumentException("the lock secret is 32 bytes");
            }

            _policy = policy;
            _format = new CodeFormat(policy, crypto, new CodeKeys(crypto, secret));
        }

        public CodeFormat Format
        {
            get { return _format; }
        }

        /// <summary>A courier code: opens once, from <paramref name="startMs"/> for <paramref name="hours"/> hours.</summary>
        public string OneTime(long startMs, int hours, int index)
        {
            long start = StartHour(startMs);
            int cls = ClassOf(_policy.OneTimeHours, hours, "one-time hours");
            CheckIndex(index);
            return Code(false, _format.EncodeOneTime(start, cls, index), start);
        }

        /// <summary>A multi-use code valid from <paramref name="startMs"/> for <paramref name="hours"/>; first use within the activation period.</summary>
        public string Window(long startMs, int hours, int index)
        {
            long start = StartHour(startMs);
            int cls = ClassOf(_policy.WindowHours, hours, "window hours");
            CheckIndex(index);
            return Code(true, _format.EncodeWindow(start, cls, index), start);
        }

        /// <summary>
        /// A weekly code: on the days in <paramref name="days"/> (a <see cref="WeeklyDays"/> option), from
        /// <paramref name="fromHour"/> for <paramref name="spanHours"/> (local), for <paramref name="weeks"/> weeks
        /// starting on the local date of <paramref name="firstDateMs"/>, which must be one of those days.
        /// </summary>
        public string Weekly(long firstDateMs, int weeks, int days, int fromHour, int spanHours, int index)
        {
            if (firstDateMs < LockTime.EarliestValidMs || firstDateMs >= LockTime.LatestValidMs)
            {
                throw new ArgumentException("first date must be from 2025-01-01 to 2099-12-31 (the lock's clock range)");
            }

            long day = (firstDateMs - LockTime.EarliestValidMs) / LockTime.MsPerDay;
            int weeksClass = ClassOf(_policy.WeeklyWeeks, weeks, "weeks");
            int spanClass = ClassOf(_policy.WeeklySpanHours, spanHours, "span hours");
            if (days < 0 || days >= WeeklyDays.Count)
            {
                throw new ArgumentException("days must be a WeeklyDays option (0..9)");
            }

            // Each argument's range before any arithmetic: a from-hour near int.MaxValue once wrapped past the sum.
            if (fromHour < 0 || fromHour > 23 || fromHour + spanHours > 24)
            {
                throw new ArgumentException("the daily span must start and end within one day (from + span <= 24)");
            }

            if (!WeeklyDays.Contains(days, WeeklyDays.WeekdayOf(day)))
            {
                throw new ArgumentException("the first date must be one of the code's days");
            }

            CheckIndex(index);
            return Code(true, _format.EncodeWeekly(day, weeksClass, days, fromHour, spanClass, index), day);
        }

        /// <summary>A code that, entered within the activation period after <paramref name="issueMs"/>, revokes every code that started before it.</summary>
        public string RevokeAll(long issueMs, int index)
        {
            long start = StartHour(issueMs);
            CheckIndex(index);
            return Code(true, _format.EncodeRevokeAll(start, index), start);
        }

        private string Code(bool longCode, uint payload, long anchor)
        {
            return ToDigits(_format.Seal(longCode, payload, anchor), _format.Digits(longCode));
        }

        /// <summary>A value as exactly <paramref name="digits"/> decimal digits, zeros in front.</summary>
        public static string ToDigits(ulong value, int digits)
        {
            char[] chars = new char[digits];
            for (int i = digits - 1; i >= 0; i--)
            {
                chars[i] = (char)('0' + (int)(value % 10));
                value /= 10;
            }

            return new string(chars);
        }

        private static long StartHour(long ms)
        {
            if (ms < LockTime.EarliestValidMs || ms >= LockTime.LatestValidMs)
            {
                throw new ArgumentException("start must be from 2025-01-01 to 2099-12-31 (the lock's clock range)");
            }

            if ((ms - LockTime.EarliestValidMs) % LockTime.MsPerHour != 0)
            {
                throw new ArgumentException("start must be on a whole hour (UTC)");
            }

            return (ms - LockTime.EarliestValidMs) / LockTime.MsPerHour;
        }

        private static int ClassOf(int[] table, int value, string what)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (table[i] == value)
                {
                    return i;
                }
            }

            string allowed = "";
            for (int i = 0; i < table.Length; i++)
            {
                allowed += (i == 0 ? "" : ", ") + table[i].ToString();
            }

            throw new ArgumentException(what + " must be one of " + allowed);
        }

        private static void CheckIndex(int index)
        {
            if (index < 0 || index >= AccessPolicy.Indexes)
            {
                throw new ArgumentException("index must be 0..15");
            }
        }
    }
}
