namespace LockFirmware.Core.Access
{
    /// <summary>
    /// Every parameter of the access-code scheme, in one place: the verifier, the issuer and the security
    /// bound (docs/access-codes.md, <c>lockctl security</c>) all read these. Changing one changes the bound.
    /// </summary>
    public sealed class AccessPolicy
    {
        /// <summary>Digits of a short code (one-time courier codes). Long codes have <see cref="LongExtraDigits"/> more.</summary>
        public int CodeLength = 10;

        /// <summary>Long codes (window, weekly, revoke-all) carry bigger payloads in this many extra digits.</summary>
        public int LongExtraDigits = 2;

        /// <summary>Digits a courier may type before the code so a watcher cannot learn it.</summary>
        public int MaxMaskDigits = 6;

        /// <summary>Validity of one-time codes, by duration class (hours).</summary>
        public int[] OneTimeHours = new int[] { 1, 2, 4, 8 };

        /// <summary>Validity of window codes, by duration class (hours): 12 h to 90 days.</summary>
        public int[] WindowHours = new int[] { 12, 24, 48, 72, 168, 336, 720, 2160 };

        /// <summary>Length of weekly codes, by class (weeks).</summary>
        public int[] WeeklyWeeks = new int[] { 4, 13, 26, 52 };

        /// <summary>Daily span of weekly codes, by class (hours).</summary>
        public int[] WeeklySpanHours = new int[] { 2, 4, 8, 12 };

        /// <summary>A window or weekly code (and a revoke-all code) must first be used within this many hours of its start.</summary>
        public int ActivationHours = 6;

        /// <summary>Distinct codes per type, start and duration.</summary>
        public const int Indexes = 16;

        /// <summary>Activated window and weekly codes the lock remembers until they expire.</summary>
        public int ActivationTableSize = 32;

        /// <summary>One-time codes whose use the lock remembers until their window ends.</summary>
        public int ReplayTableSize = 64;

        /// <summary>Owner PINs stored on the lock (as keyed digests).</summary>
        public int MaxPins = 4;

        /// <summary>Owner PINs are as long as codes: the keypad is one door, and the shortest credential sets its strength.</summary>
        public int PinMinLength = 10;

        public int PinMaxLength = 12;

        /// <summary>Throttle: wrong entries allowed before the keypad locks (a token bucket of this capacity).</summary>
        public int FreeFailures = 5;

        /// <summary>Throttle: one more wrong entry is allowed per this many hours (14 days). Nothing else refills the bucket but the owner.</summary>
        public int RefillHours = 336;

        /// <summary>Offset of the lock's local (standard) time from UTC (minutes), for weekly schedules.</summary>
        public int LocalOffsetMinutes = 0;

        /// <summary>Daylight-saving rule of the lock's place: LocalTime.NoDst, EuDst or UsDst.</summary>
        public int DstRule = 0;

        /// <summary>The defaults, as shipped.</summary>
        public static AccessPolicy Default()
        {
            return new AccessPolicy();
        }

        /// <summary>Digits of a long code.</summary>
        public int LongCodeLength
        {
            get { return CodeLength + LongExtraDigits; }
        }
    }
}
