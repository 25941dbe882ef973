using LockFirmware.Core.Common;

namespace LockFirmware.Core.Power
{
    /// <summary>
    /// How far the lock's clock may drift while it sleeps, and when it counts as lost (docs/power.md, "Time while
    /// asleep"). Codes have hour precision, so the clock may be off by at most half an hour: beyond that a code
    /// could open an hour early or late. The sleep clock's rate error (ppm) is board data.
    /// </summary>
    public static class ClockBudget
    {
        /// <summary>The largest clock error the lock tolerates: half of a code's one-hour precision.</summary>
        public const long MaxErrorMs = 30L * LockTime.MsPerMinute;

        /// <summary>Worst-case drift after <paramref name="elapsedMs"/> on a clock with <paramref name="ppm"/> parts per million of rate error.</summary>
        public static long DriftMs(int ppm, long elapsedMs)
        {
            if (ppm <= 0 || elapsedMs <= 0)
            {
                return 0;
            }

            return elapsedMs / 1000000L * ppm + elapsedMs % 1000000L * ppm / 1000000L;
        }

        /// <summary>Time after the last clock set at which the drift can exceed <see cref="MaxErrorMs"/> (LockTime.Never for a perfect clock).</summary>
        public static long LostAfterMs(int ppm)
        {
            return ppm <= 0 ? LockTime.Never : MaxErrorMs * 1000000L / ppm;
        }
    }
}
