using System;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Flash;

namespace LockFirmware.Core.Tests.Storage
{
    [TestClass]
    public class EventLogTests
    {
        private const long T = 1795615200000L;

        private static EventLog Mounted(SimNorFlash f)
        {
            var log = new EventLog(f);
            log.Mount();
            return log;
        }

        [TestMethod]
        public void RetainsAtLeast4000EventsIn64KiB()
        {
            var f = new SimNorFlash(4096, 16);
            var log = Mounted(f);
            Console.WriteLine($"event log: {log.SlotsPerSector} records per sector, {log.Capacity} retained in 64 KiB");
            Assert.IsTrue(log.Capacity >= 4000);
            for (int i = 0; i < 20_000; i++)
            {
                Assert.IsTrue(log.Append(EventType.DoorOpened, T + i * 1000L, (uint)i));
            }

            var cursor = Mounted(f).ReadFrom(0);
            var r = new EventRecord();
            int n = 0;
            uint last = 0;
            while (cursor.Next(r))
            {
                if (n > 0) Assert.AreEqual(last + 1, r.Sequence);
                Assert.AreEqual(r.Sequence - 1, r.Data);
                last = r.Sequence;
                n++;
            }

            Assert.IsTrue(n >= 4000, "retained " + n);
            Assert.AreEqual(20_000u, last);
        }

        [TestMethod]
        public void MountFindsTheHeadAndAppendsContinue()
        {
            var f = new SimNorFlash(512, 4);
            var log = Mounted(f);
            for (int i = 0; i < 100; i++) log.Append(EventType.Boot, T, (uint)i);
            long readsBefore = Sum(f.Reads);
            var again = Mounted(f);
            long mountReads = Sum(f.Reads) - readsBefore;
            Assert.AreEqual(101u, again.NextSequence);
            Assert.IsTrue(mountReads <= 4 + 10, "mount should read headers and binary-search, read " + mountReads);
            again.Append(EventType.DoorClosed, T, 7);
            var r = new EventRecord();
            var c = Mounted(f).ReadFrom(101);
            Assert.IsTrue(c.Next(r));
            Assert.AreEqual((int)EventType.DoorClosed, (int)r.Type);
            Assert.AreEqual((uint)(T / 1000), r.TimeSeconds);
            Assert.IsFalse(c.Next(r));
        }

        [TestMethod]
        public void ReadersStartFromAnySequenceNumber()
        {
            var f = new SimNorFlash(256, 4);
            var log = Mounted(f);
            for (int i = 0; i < 50; i++) log.Append(EventType.Boot, T, (uint)i);
            var r = new EventRecord();
            var c = log.ReadFrom(37);
            Assert.IsTrue(c.Next(r));
            Assert.AreEqual(37u, r.Sequence);
            int count = 1;
            while (c.Next(r)) count++;
            Assert.AreEqual(14, count);
            Assert.IsFalse(log.ReadFrom(51).Next(r));
        }

        [TestMethod]
        public void DamagedRecordsAreSkippedAndCounted()
        {
            var f = new SimNorFlash(256, 4);
            var log = Mounted(f);
            for (int i = 0; i < 10; i++) log.Append(EventType.Boot, T, (uint)i);
            f.Corrupt(EventLog.HeaderSize + 3 * EventLog.RecordSize + 2, 0x40); // flip a bit in record 4
            var c = Mounted(f).ReadFrom(0);
            var r = new EventRecord();
            int n = 0;
            while (c.Next(r))
            {
                Assert.IsTrue(r.Sequence != 4u, "the damaged record 4 was returned");
                n++;
            }

            Assert.AreEqual(9, n);
            Assert.AreEqual(1, c.Skipped);
        }

        [TestMethod]
        public void RandomBytesNeverThrowAndTheLogStaysWritable()
        {
            for (int seed = 0; seed < 50; seed++)
            {
                var f = new SimNorFlash(256, 4, seed);
                var rnd = new Random(seed);
                for (int a = 0; a < f.Size; a++) f.Corrupt(a, (byte)rnd.Next(256));
                var log = Mounted(f);
                var c = log.ReadFrom(0);
                var r = new EventRecord();
                int guard = 0;
                while (c.Next(r) && guard++ < 10_000) { }
                Assert.IsTrue(log.Append(EventType.Boot, T, 1), "append after mounting garbage");
                var c2 = Mounted(f).ReadFrom(log.NextSequence - 1);
                Assert.IsTrue(c2.Next(r));
                Assert.AreEqual((int)EventType.Boot, (int)r.Type);
            }
        }

        private static long Sum(long[] a) { long s = 0; foreach (long x in a) s += x; return s; }
    }
}
