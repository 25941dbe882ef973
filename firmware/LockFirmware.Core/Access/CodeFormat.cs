using LockFirmware.Core.Common;
using LockFirmware.Core.Crypto;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Access
{
    /// <summary>
    /// The code format (docs/access-codes.md), shared by issuer and verifier. A code of n digits is
    /// <c>Permute(payload * T + tag)</c>: the payload numbers a credential (type, start, duration, index),
    /// the tag is HMAC-SHA256(tag key, payload, anchor) mod T, and T = floor(10^n / P) for the P payloads of the class.
    /// The payload carries starts modulo a period; the anchor is the full start the lock resolves from its clock.
    /// The permutation is tweaked by the payload's class and the period its anchor lies in, so the same digits one
    /// period later decode to an unrelated payload: an old code is worth no more than a blind guess.
    /// Short codes (n = CodeLength) are one-time codes; long codes (n + LongExtraDigits) are window, weekly
    /// and revoke-all codes. Not thread-safe: one instance per user, buffers are reused.
    /// </summary>
    public sealed class CodeFormat
    {
        /// <summary>Starts are sent modulo these and resolved to the value nearest the lock's clock.</summary>
        public const long StartModulusHours = 8192;
        public const long DayModulus = 1024;
        public const long RevokeModulusHours = 65536;

        private const int Idx = AccessPolicy.Indexes;

        // Payload classes, as the permutation tweak names them.
        private const int OneTimeClass = 1;
        private const int WindowClass = 2;
        private const int WeeklyClass = 3;
        private const int RevokeClass = 4;

        private readonly AccessPolicy _policy;
        private readonly ICryptoPrimitives _crypto;
        private readonly byte[] _tagKey;
        private readonly DecimalPermutation _permutation;
        private readonly byte[] _tagInput = new byte[11];
        private readonly byte[] _mac = new byte[32];
        private readonly Credential _try = new Credential();

        public CodeFormat(AccessPolicy policy, ICryptoPrimitives crypto, CodeKeys keys)
        {
            _policy = policy;
            _crypto = crypto;
            _tagKey = keys.TagKey;
            _permutation = new DecimalPermutation(crypto, keys.PermutationKey);
        }

        public AccessPolicy Policy
        {
            get { return _policy; }
        }

        // Payload layout of long codes: [window | weekly | revoke-all].
        public uint WindowPayloads
        {
            get { return (uint)(StartModulusHours * _policy.WindowHours.Length * Idx); }
        }

        public uint WeeklyPayloads
        {
            get { return (uint)(DayModulus * _policy.WeeklyWeeks.Length * WeeklyDays.Count * 24 * _policy.WeeklySpanHours.Length * Idx); }
        }

        public uint RevokePayloads
        {
            get { return (uint)(RevokeModulusHours * Idx); }
        }

        /// <summary>Payloads of a class: P.</summary>
        public uint Payloads(bool longCode)
        {
            return longCode
                ? WindowPayloads + WeeklyPayloads + RevokePayloads
                : (uint)(StartModulusHours * _policy.OneTimeHours.Length * Idx);
        }

        public int Digits(bool longCode)
        {
            return longCode ? _policy.LongCodeLength : _policy.CodeLength;
        }

        /// <summary>Tags per payload: T = floor(10^n / P).</summary>
        public ulong TagSpace(bool longCode)
        {
            return DecimalPermutation.Pow10(Digits(longCode)) / Payloads(longCode);
        }

        public uint EncodeOneTime(long startHour, int durationClass, int index)
        {
            return EncodeStart(startHour, _policy.OneTimeHours.Length, durationClass, index);
        }

        public uint EncodeWindow(long startHour, int durationClass, int index)
        {
            return EncodeStart(startHour, _policy.WindowHours.Length, durationClass, index);
        }

        // (start mod 8192, duration class, index) in mixed radix: the layout of one-time and window payloads.
        private static uint EncodeStart(long startHour, int classes, int durationClass, int index)
        {
            return (uint)((Mod(startHour, StartModulusHours) * classes + durationClass) * Idx + index);
        }

        public uint EncodeWeekly(long firstLocalDay, int weeksClass, int days, int fromHour, int spanClass, int index)
        {
            long v = Mod(firstLocalDay, DayModulus);
            v = v * _policy.WeeklyWeeks.Length + weeksClass;
            v = v * WeeklyDays.Count + days;
            v = v * 24 + fromHour;
            v = v * _policy.WeeklySpanHours.Length + spanClass;
            return (uint)(WindowPayloads + v * Idx + index);
        }

        public uint EncodeRevokeAll(long issueHour, int index)
        {
            return (uint)(WindowPayloads + WeeklyPayloads + Mod(issueHour, RevokeModulusHours) * Idx + index);
        }

        /// <summary>
        /// Fills <paramref name="c"/> from a payload, resolving starts to the value nearest <paramref name="nowHour"/>
        /// (UTC hours since 2025-01-01; weekly days in local time). False for a payload no issuer can produce.
        /// </summary>
        public bool Decode(bool longCode, uint payload, long nowHour, Credential c)
        {
            c.Clear();
            c.Payload = payload;
            c.Index = (int)(payload % Idx);
            long rest = payload / Idx;
            if (!longCode)
            {
                int classes = _policy.OneTimeHours.Length;
                c.Type = CredentialType.OneTime;
                c.DurationClass = (int)(rest % classes);
                c.StartHour = Nearest(nowHour, rest / classes, StartModulusHours);
                c.EndHour = c.StartHour + _policy.OneTimeHours[c.DurationClass];
                return true;
            }

            if (payload < WindowPayloads)
            {
                int classes = _policy.WindowHours.Length;
                c.Type = CredentialType.Window;
                c.DurationClass = (int)(rest % classes);
                c.StartHour = Nearest(nowHour, rest / classes, StartModulusHours);
                c.EndHour = c.StartHour + _policy.WindowHours[c.DurationClass];
                return true;
            }

            if (payload < WindowPayloads + WeeklyPayloads)
            {
                long v = (payload - WindowPayloads) / Idx;
                int spanClass = (int)(v % _policy.WeeklySpanHours.Length);
                v /= _policy.WeeklySpanHours.Length;
                c.FromHour = (int)(v % 24);
                v /= 24;
                c.Days = (int)(v % WeeklyDays.Count);
                v /= WeeklyDays.Count;
                c.DurationClass = (int)(v % _policy.WeeklyWeeks.Length);
                v /= _policy.WeeklyWeeks.Length;
                c.Type = CredentialType.Weekly;
                c.SpanHours = _policy.WeeklySpanHours[spanClass];
                long localNowHour = nowHour + LocalOffsetHours(nowHour);
                c.FirstLocalDay = Nearest(Floor(localNowHour, 24), v, DayModulus);
                // Times of a weekly code are local hours; Start and End bound the whole period.
                c.StartHour = c.FirstLocalDay * 24 + c.FromHour;
                c.EndHour = (c.FirstLocalDay + 7L * _policy.WeeklyWeeks[c.DurationClass]) * 24;
                // An issuer names the first occurrence as first day, and a span that ends by midnight.
                return WeeklyDays.Contains(c.Days, WeeklyDays.WeekdayOf(c.FirstLocalDay)) && c.FromHour + c.SpanHours <= 24;
            }

            c.Type = CredentialType.RevokeAll;
            c.StartHour = Nearest(nowHour, (payload - WindowPayloads - WeeklyPayloads) / Idx, RevokeModulusHours);
            c.EndHour = c.StartHour + _policy.ActivationHours;
            return true;
        }

        /// <summary>
        /// The full start a decoded credential stands for: the start hour, or for weekly codes the first local day.
        /// The tag covers it, which binds a code to one period of the modulus (docs/access-codes.md, "Format").
        /// </summary>
        private static long Anchor(Credential c)
        {
            return c.Type == CredentialType.Weekly ? c.FirstLocalDay : c.StartHour;
        }

        /// <summary>The tag: HMAC-SHA256(tag key, 0x4C | 3 | digits | payload | anchor), both big-endian 32-bit, mod T.</summary>
        public ulong Tag(bool longCode, uint payload, long anchor)
        {
            _tagInput[0] = 0x4C;
            _tagInput[1] = 3;
            _tagInput[2] = (byte)Digits(longCode);
            BigEndian.PutUInt(_tagInput, 3, payload);
            BigEndian.PutUInt(_tagInput, 7, (uint)anchor);
            _crypto.HmacSha256(_tagKey, _tagInput, 0, _tagInput.Length, _mac, 0);
            return BigEndian.GetULong(_mac, 0) % TagSpace(longCode);
        }

        /// <summary>The code value for a payload whose full start is <paramref name="anchor"/>.</summary>
        public ulong Seal(bool longCode, uint payload, long anchor)
        {
            int cls = ClassOf(longCode, payload);
            ulong x = payload * TagSpace(longCode) + Tag(longCode, payload, anchor);
            return _permutation.Encrypt(x, Digits(longCode), Tweak(cls, Floor(anchor, ModulusOf(cls))));
        }

        /// <summary>The permutation tweak: class (1 one-time, 2 window, 3 weekly, 4 revoke-all) and period number.</summary>
        private static uint Tweak(int cls, long period)
        {
            return ((uint)cls << 24) | ((uint)period & 0xFFFFFF);
        }

        private int ClassOf(bool longCode, uint payload)
        {
            if (!longCode) return OneTimeClass;
            if (payload < WindowPayloads) return WindowClass;
            return payload < WindowPayloads + WeeklyPayloads ? WeeklyClass : RevokeClass;
        }

        // The period of a class's anchor: hours, except weekly codes (local days).
        private static long ModulusOf(int cls)
        {
            return cls == WeeklyClass ? DayModulus : (cls == RevokeClass ? RevokeModulusHours : StartModulusHours);
        }

        /// <summary>
        /// Decodes a code value at <paramref name="nowHour"/> into <paramref name="c"/>; false when the code is not
        /// one this lock's secret made for a start the clock can resolve now.
        /// </summary>
        public bool Open(bool longCode, ulong code, long nowHour, Credential c)
        {
            // Up to two tries per class (2 for short codes, 6 for long ones). A wrong try matches by chance about once
            // in 20,000, so a try whose credential covers now wins over an earlier match that does not.
            bool found = false;
            c.Clear();
            int first = longCode ? WindowClass : OneTimeClass;
            int last = longCode ? RevokeClass : OneTimeClass;
            for (int cls = first; cls <= last; cls++)
            {
                // An anchor resolves into [now - m/2, now + m/2): its period is one of two.
                long m = ModulusOf(cls);
                long now = cls == WeeklyClass ? Floor(nowHour + LocalOffsetHours(nowHour), 24) : nowHour;
                long lastPeriod = Floor(now + m / 2 - 1, m);
                for (long period = Floor(now - m / 2, m); period <= lastPeriod; period++)
                {
                    if (!OpenAs(longCode, code, cls, period, nowHour, _try))
                    {
                        continue;
                    }

                    // Weekly credentials carry local hours.
                    long t = cls == WeeklyClass ? nowHour + LocalOffsetHours(nowHour) : nowHour;
                    if (_try.StartHour <= t && t < _try.EndHour)
                    {
                        c.CopyFrom(_try);
                        return true;
                    }

                    if (!found)
                    {
                        c.CopyFrom(_try);
                        found = true;
                    }
                }
            }

            return found;
        }

        // One try: the permutation of (class, period), a payload of that class whose anchor lies in that period, its tag.
        private bool OpenAs(bool longCode, ulong code, int cls, long period, long nowHour, Credential c)
        {
            ulong tags = TagSpace(longCode);
            ulong x = _permutation.Decrypt(code, Digits(longCode), Tweak(cls, period));
            if (x >= Payloads(longCode) * tags)
            {
                return false;
            }

            uint payload = (uint)(x / tags);
            if (ClassOf(longCode, payload) != cls || !Decode(longCode, payload, nowHour, c))
            {
                return false;
            }

            long anchor = Anchor(c);
            return Floor(anchor, ModulusOf(cls)) == period && ConstantTime.Equals(Tag(longCode, payload, anchor), x % tags);
        }

        /// <summary>UTC hours since 2025-01-01 for a time in ms since 1970.</summary>
        public static long HourOf(long nowMs)
        {
            return Floor(nowMs - Common.LockTime.EarliestValidMs, Common.LockTime.MsPerHour);
        }

        /// <summary>Whole hours from UTC to the lock's local time at <paramref name="utcHour"/> (weekly codes live on the hour grid).</summary>
        public int LocalOffsetHours(long utcHour)
        {
            long utcMs = Common.LockTime.EarliestValidMs + utcHour * Common.LockTime.MsPerHour;
            return (int)Floor(Common.LocalTime.OffsetMinutes(_policy.LocalOffsetMinutes, _policy.DstRule, utcMs), 60);
        }

        public static long Nearest(long now, long residue, long modulus)
        {
            long diff = Mod(residue - now, modulus);
            return diff < modulus / 2 ? now + diff : now + diff - modulus;
        }

        public static long Mod(long a, long m)
        {
            long r = a % m;
            return r < 0 ? r + m : r;
        }

        public static long Floor(long a, long d)
        {
            long q = a / d;
            return (a % d != 0 && a < 0) ? q - 1 : q;
        }
    }
}
