using System;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Flash;
using LockFirmware.Tests;

namespace LockFirmware.Core.Tests.Storage
{
    [TestClass]
    public class SettingsStoreTests
    {
        private static SettingsStore Mounted(SimNorFlash f)
        {
            var s = new SettingsStore(f);
            s.Mount();
            return s;
        }

        private static byte[] Value(int seed, int length)
        {
            var v = new byte[length];
            for (int i = 0; i < length; i++) v[i] = (byte)(seed * 13 + i);
            return v;
        }

        private static byte[] ReadBack(SettingsStore s, int key)
        {
            var buffer = new byte[1024];
            int n = s.Read(key, buffer, 0);
            if (n < 0) return null;
            var value = new byte[n];
            Array.Copy(buffer, value, n);
            return value;
        }

        [TestMethod]
        public void ValuesSurviveRemountAndCompaction()
        {
            var f = new SimNorFlash(512, 3);
            var s = Mounted(f);
            for (int round = 0; round < 200; round++)
            {
                Assert.IsTrue(s.Write(round % 5, Value(round, 20 + round % 40), 0, 20 + round % 40));
            }

            Assert.IsTrue(s.Compactions > 5);
            var again = Mounted(f);
            for (int k = 0; k < 5; k++)
            {
                int last = 195 + k;
                Expect.Bytes(Value(last, 20 + last % 40), ReadBack(again, k));
            }

            string erases = "";
            foreach (long e in f.Erases) erases += (erases.Length == 0 ? "" : ",") + e.ToString();
            Console.WriteLine($"settings: {s.Compactions} compactions, erases per sector {erases}");
            foreach (long e in f.Erases) Assert.IsTrue(e > 0, "wear spread over every sector");
        }

        [TestMethod]
        public void DeleteRemovesAKeyDurably()
        {
            var f = new SimNorFlash(512, 3);
            var s = Mounted(f);
            s.Write(3, Value(1, 10), 0, 10);
            Assert.IsTrue(s.Delete(3));
            Assert.IsNull(ReadBack(Mounted(f), 3));
        }

        [TestMethod]
        public void BadArgumentsAreRefusedNotThrown()
        {
            var s = Mounted(new SimNorFlash(512, 3));
            Assert.IsFalse(s.Write(-1, new byte[1], 0, 1));
            Assert.IsFalse(s.Write(SettingsStore.MaxKeys, new byte[1], 0, 1));
            Assert.IsFalse(s.Write(1, null, 0, 1));
            Assert.IsFalse(s.Write(1, new byte[2000], 0, 2000));
            Assert.IsFalse(s.Write(1, new byte[4], 2, 4));
            Assert.AreEqual(-1, s.Read(1, new byte[4], 0));
            Assert.AreEqual(-1, s.Read(99, new byte[4], 0));
        }

        [TestMethod]
        public void RandomBytesNeverThrowAndTheStoreStaysWritable()
        {
            for (int seed = 0; seed < 50; seed++)
            {
                var f = new SimNorFlash(512, 3, seed);
                var rnd = new Random(seed);
                for (int a = 0; a < f.Size; a++) f.Corrupt(a, (byte)rnd.Next(256));
                var s = Mounted(f);
                Assert.IsTrue(s.Write(7, Value(seed, 30), 0, 30), "write after mounting garbage");
                Expect.Bytes(Value(seed, 30), ReadBack(Mounted(f), 7));
            }
        }

        [TestMethod]
        public void AValidLookingRecordWithAbsurdLengthIsSkipped()
        {
            var f = new SimNorFlash(512, 3);
            var s = Mounted(f);
            s.Write(1, Value(1, 10), 0, 10);
            s.Write(2, Value(2, 10), 0, 10);
            // Damage the length field of the second update so it points past the sector.
            var raw = f.Snapshot();
            int head = -1;
            for (int sec = 0; sec < 3; sec++) if (raw[sec * 512] == 'L' && raw[sec * 512 + 3] == 'T') head = sec;
            int second = head * 512 + SettingsStore.HeaderSize + SettingsStore.RecordHeaderSize * 2 + 10 /* first update */;
            f.Corrupt(second + 5, 0x7F);
            var again = Mounted(f);
            Expect.Bytes(Value(1, 10), ReadBack(again, 1));
            Assert.IsNull(ReadBack(again, 2));
            Assert.AreEqual(1, again.Skipped);
            Assert.IsTrue(again.Write(2, Value(3, 10), 0, 10));
            Expect.Bytes(Value(3, 10), ReadBack(Mounted(f), 2));
        }
    }
}
