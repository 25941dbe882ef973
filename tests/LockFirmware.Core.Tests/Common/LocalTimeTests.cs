using LockFirmware.Core.Common;

namespace LockFirmware.Core.Tests.Common
{
    [TestClass]
    public class LocalTimeTests
    {
        private static long Utc(int y, int m, int d, int h, int min)
        {
            return LocalTime.DaysFromCivil(y, m, d) * LockTime.MsPerDay + h * LockTime.MsPerHour + min * LockTime.MsPerMinute;
        }

        [TestMethod]
        public void CivilDaysMatchKnownDates()
        {
            Assert.AreEqual(0L, LocalTime.DaysFromCivil(1970, 1, 1));
            Assert.AreEqual(LockTime.EarliestValidMs / LockTime.MsPerDay, LocalTime.DaysFromCivil(2025, 1, 1));
            Assert.AreEqual(1795615200000L, Utc(2026, 11, 25, 14, 0));
            Assert.AreEqual(2, LocalTime.Weekday(LocalTime.DaysFromCivil(2026, 11, 25))); // a Wednesday
        }

        [TestMethod]
        public void EuSummerTimeStartsAndEndsAt0100Utc()
        {
            // 2026: last Sunday of March is the 29th, of October the 25th.
            Assert.AreEqual(60, LocalTime.OffsetMinutes(60, LocalTime.EuDst, Utc(2026, 3, 29, 0, 59)));
            Assert.AreEqual(120, LocalTime.OffsetMinutes(60, LocalTime.EuDst, Utc(2026, 3, 29, 1, 0)));
            Assert.AreEqual(120, LocalTime.OffsetMinutes(60, LocalTime.EuDst, Utc(2026, 10, 25, 0, 59)));
            Assert.AreEqual(60, LocalTime.OffsetMinutes(60, LocalTime.EuDst, Utc(2026, 10, 25, 1, 0)));
            Assert.AreEqual(60, LocalTime.OffsetMinutes(60, LocalTime.NoDst, Utc(2026, 7, 1, 12, 0)));
        }

        [TestMethod]
        public void UsDaylightTimeFollowsLocalClockRules()
        {
            // 2026, US Eastern (-300): second Sunday of March is the 8th (02:00 EST = 07:00 UTC);
            // first Sunday of November is the 1st (02:00 EDT = 06:00 UTC).
            Assert.AreEqual(-300, LocalTime.OffsetMinutes(-300, LocalTime.UsDst, Utc(2026, 3, 8, 6, 59)));
            Assert.AreEqual(-240, LocalTime.OffsetMinutes(-300, LocalTime.UsDst, Utc(2026, 3, 8, 7, 0)));
            Assert.AreEqual(-240, LocalTime.OffsetMinutes(-300, LocalTime.UsDst, Utc(2026, 11, 1, 5, 59)));
            Assert.AreEqual(-300, LocalTime.OffsetMinutes(-300, LocalTime.UsDst, Utc(2026, 11, 1, 6, 0)));
        }
    }
}
