using System.Collections.Generic;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Flash;

namespace LockFirmware.Core.Tests.Host.Keypad
{
    /// <summary>The keypad counter: never repeats across resets and power cuts at every write, and writes flash rarely.</summary>
    [TestClass]
    public class KeypadCounterTests
    {
        // Small sectors so the workload compacts the store many times.
        private const int SectorSize = 256;
        private const int CutSectorSize = 128;

        private static KeypadCounter Mount(SimNorFlash flash)
        {
            var store = new SettingsStore(flash);
            store.Mount();
            var c = new KeypadCounter(store);
            c.Load();
            return c;
        }

        [TestMethod]
        public void CountsFromOneAndWritesOncePerBlock()
        {
            var flash = new SimNorFlash(SectorSize, 2);
            KeypadCounter c = Mount(flash);
            long programsBefore = flash.Programs[0] + flash.Programs[1];
            Assert.AreEqual(1u, c.Next());
            for (uint i = 2; i <= 1000; i++) Assert.AreEqual(i, c.Next());
            long records = (1000 + KeypadCounter.Block - 1) / KeypadCounter.Block;
            long programs = flash.Programs[0] + flash.Programs[1] - programsBefore;
            // A settings record is a few program calls (header, value, CRC), a compaction a few more.
            Assert.IsTrue(programs <= records * 8, $"{programs} program calls for {records} reservations");
            System.Console.WriteLine($"1000 counters: {records} reservations, {programs} program calls, {flash.EraseCount} erases");
        }

        [TestMethod]
        public void AResetSkipsTheRestOfTheBlockNeverRepeats()
        {
            var flash = new SimNorFlash(SectorSize, 2);
            KeypadCounter c = Mount(flash);
            uint last = 0;
            for (int i = 0; i < 10; i++) last = c.Next();
            c = Mount(flash);
            uint next = c.Next();
            Assert.IsTrue(next > last);
            Assert.AreEqual(KeypadCounter.Block + 1, next);
        }

        [TestMethod]
        public void TheRangeEndsWhereTheLocksDoesAndThenRefuses()
        {
            var flash = new SimNorFlash(SectorSize, 2);
            var store = new SettingsStore(flash);
            store.Mount();
            store.Write(KeypadSettings.CounterReservation, System.BitConverter.GetBytes(uint.MaxValue - 3), 0, 4);
            KeypadCounter c = Mount(flash);
            Assert.AreEqual(uint.MaxValue - 2, c.Next());
            Assert.AreEqual(uint.MaxValue - 1, c.Next(), "4294967294, the lock's last");
            Assert.AreEqual(0u, c.Next(), "spent: no counter rather than a repeat or the lock's reserved 4294967295");
            Assert.AreEqual(0u, Mount(flash).Next());
        }

        [TestMethod]
        public void NoCounterRepeatsWhateverByteOrEraseThePowerIsCutAt()
        {
            // Workload: 1500 counters with a reset every 50 (the keypad rebooting), on two small sectors. Re-run with the
            // power cut after every programmed byte and in every erase; after each cut, a new boot must count above
            // every counter handed out before it.
            const int Count = 1500;
            var clean = new SimNorFlash(CutSectorSize, 2);
            Run(clean, Count, out _);
            long bytes = clean.BytesProgrammed, erases = clean.EraseCount;
            Assert.IsTrue(erases >= 4, "the workload must compact the store");
            int cuts = 0;
            for (long cut = 0; cut < bytes + erases; cut++)
            {
                var flash = new SimNorFlash(CutSectorSize, 2, (int)cut + 7);
                if (cut < bytes) flash.CutAfterProgrammedBytes(cut);
                else flash.CutDuringErase(cut - bytes);
                Run(flash, Count, out uint highest);
                flash.PowerOn();
                KeypadCounter after = Mount(flash);
                uint next = after.Next();
                Assert.IsTrue(next > highest, $"cut {cut}: counter {next} after {highest} was handed out");
                cuts++;
            }

            System.Console.WriteLine($"keypad counter: {cuts} power cuts ({bytes} bytes, {erases} erases), no repeat");
        }

        // Hands out counters until the power goes; returns the highest handed out (0: none).
        private static void Run(SimNorFlash flash, int count, out uint highest)
        {
            highest = 0;
            var seen = new HashSet<uint>();
            try
            {
                KeypadCounter c = Mount(flash);
                for (int i = 0; i < count; i++)
                {
                    if (i % 50 == 49) c = Mount(flash);
                    uint n = c.Next();
                    if (flash.IsOff) return;
                    Assert.IsTrue(n > highest, "counters only go up");
                    Assert.IsTrue(seen.Add(n));
                    highest = n;
                }
            }
            catch (PowerCutException)
            {
            }
        }
    }
}
