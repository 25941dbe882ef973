using LockFirmware.Core.Common;
using LockFirmware.Core.Power;

namespace LockFirmware.Core.Tests.Power
{
    [TestClass]
    public class ClockBudgetTests
    {
        [TestMethod]
        public void DriftIsRateTimesTime()
        {
            // 5 % of a day is 72 minutes; 20 ppm of a day is 1.728 s.
            Assert.AreEqual(72L * LockTime.MsPerMinute, ClockBudget.DriftMs(50000, LockTime.MsPerDay));
            Assert.AreEqual(1728L, ClockBudget.DriftMs(20, LockTime.MsPerDay));
            Assert.AreEqual(0L, ClockBudget.DriftMs(0, LockTime.MsPerDay));
            // A year at 100 ppm, no overflow: 3153.6 s.
            Assert.AreEqual(3153600L, ClockBudget.DriftMs(100, 365L * LockTime.MsPerDay));
        }

        [TestMethod]
        public void ClockIsLostWhenTheDriftCanReachHalfAnHour()
        {
            Assert.AreEqual(10L * LockTime.MsPerHour, ClockBudget.LostAfterMs(50000));
            Assert.AreEqual(18000000000L, ClockBudget.LostAfterMs(100)); // 208 days
            Assert.IsTrue(ClockBudget.DriftMs(100, ClockBudget.LostAfterMs(100)) <= ClockBudget.MaxErrorMs);
            Assert.IsTrue(ClockBudget.DriftMs(100, ClockBudget.LostAfterMs(100) + LockTime.MsPerDay) > ClockBudget.MaxErrorMs);
            Assert.AreEqual(LockTime.Never, ClockBudget.LostAfterMs(0));
        }
    }
}
