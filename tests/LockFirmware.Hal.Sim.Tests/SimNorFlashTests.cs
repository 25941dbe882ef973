using System;
using System.IO;
using LockFirmware.Hal.Sim.Flash;

namespace LockFirmware.Hal.Sim.Tests
{
    [TestClass]
    public class SimNorFlashTests
    {
        [TestMethod]
        public void ErasedReadsFfAndProgramOnlyClearsBits()
        {
            var f = new SimNorFlash(256, 4);
            var b = new byte[4];
            f.Read(0, b, 0, 4);
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, b);
            f.Program(0, new byte[] { 0xF0 }, 0, 1);
            f.Program(0, new byte[] { 0x30 }, 0, 1); // clears two more bits: allowed
            f.Read(0, b, 0, 1);
            Assert.AreEqual(0x30, b[0]);
            Assert.ThrowsExactly<FlashMisuseException>(() => f.Program(0, new byte[] { 0x31 }, 0, 1));
            f.EraseSector(0);
            f.Read(0, b, 0, 1);
            Assert.AreEqual(0xFF, b[0]);
        }

        [TestMethod]
        public void EraseIsPerSectorAndCounted()
        {
            var f = new SimNorFlash(256, 4);
            f.Program(0, new byte[] { 0 }, 0, 1);
            f.Program(256, new byte[] { 0 }, 0, 1);
            f.EraseSector(1);
            var b = new byte[1];
            f.Read(0, b, 0, 1);
            Assert.AreEqual(0, b[0]);
            f.Read(256, b, 0, 1);
            Assert.AreEqual(0xFF, b[0]);
            Assert.AreEqual(1, f.Erases[1]);
            Assert.AreEqual(0, f.Erases[0]);
            Assert.AreEqual(1, f.Programs[0]);
            Assert.IsTrue(f.Reads[1] >= 1);
        }

        [TestMethod]
        public void OutOfRangeAccessIsAnError()
        {
            var f = new SimNorFlash(256, 2);
            Assert.ThrowsExactly<FlashMisuseException>(() => f.Read(510, new byte[4], 0, 4));
            Assert.ThrowsExactly<FlashMisuseException>(() => f.EraseSector(2));
        }

        [TestMethod]
        public void PowerCutMidProgramKeepsTheBytesBeforeIt()
        {
            var f = new SimNorFlash(256, 2);
            f.CutAfterProgrammedBytes(3);
            Assert.ThrowsExactly<PowerCutException>(() => f.Program(0, new byte[] { 1, 2, 3, 4, 5 }, 0, 5));
            Assert.ThrowsExactly<PowerCutException>(() => f.Read(0, new byte[1], 0, 1));
            f.PowerOn();
            var b = new byte[5];
            f.Read(0, b, 0, 5);
            Assert.AreEqual(1, b[0]);
            Assert.AreEqual(3, b[2]);
            Assert.AreEqual(4, b[3] & 4, "the byte in flight keeps only bits it was allowed to lose");
            Assert.AreEqual(0xFF, b[4]);
        }

        [TestMethod]
        public void PowerCutMidEraseLeavesAnUntrustworthySector()
        {
            var f = new SimNorFlash(256, 2);
            f.Program(0, new byte[256], 0, 256); // all zeros
            f.CutDuringErase(0);
            Assert.ThrowsExactly<PowerCutException>(() => f.EraseSector(0));
            f.PowerOn();
            var b = new byte[256];
            f.Read(0, b, 0, 256);
            int ff = 0, zero = 0;
            foreach (byte x in b) { if (x == 0xFF) ff++; if (x == 0) zero++; }
            Assert.IsTrue(ff > 0 && ff < 256, "neither fully erased nor untouched");
            Assert.IsTrue(zero < 256);
        }

        [TestMethod]
        public void ImageRoundTripsAndBadImagesAreNamed()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nor-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                var f = new SimNorFlash(256, 3);
                f.Program(300, new byte[] { 0x12, 0x34 }, 0, 2);
                string path = Path.Combine(dir, "lock.flash");
                f.Save(path);
                var g = SimNorFlash.Load(path);
                Assert.AreEqual(256, g.SectorSize);
                Assert.AreEqual(3, g.SectorCount);
                CollectionAssert.AreEqual(f.Snapshot(), g.Snapshot());

                byte[] bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes[..^10]);
                StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => SimNorFlash.Load(path)).Message, "truncated");
                File.WriteAllBytes(path, new byte[] { 1, 2, 3 });
                StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => SimNorFlash.Load(path)).Message, "not a LockFirmware flash image");
                Assert.ThrowsExactly<InvalidDataException>(() => SimNorFlash.FromRaw(new byte[300], 256));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void SaveReplacesTheImageInOneStep()
        {
            // Issue 15, item 5: Save truncated the image and wrote it again, so a kill mid-save left a 0-byte file.
            // Now it writes a temporary file and renames it over the image: a reader of the old file (a crash at any
            // moment) still sees the whole old image, never a truncated or half-new one.
            string path = Path.Combine(Path.GetTempPath(), "simnor-" + Guid.NewGuid().ToString("N") + ".flash");
            try
            {
                var f = new SimNorFlash(256, 4);
                f.Save(path);
                byte[] old = File.ReadAllBytes(path);
                using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                f.Program(0, new byte[] { 0x00, 0x11 }, 0, 2);
                f.Save(path);
                byte[] seen = new byte[old.Length + 1];
                int n = reader.Read(seen, 0, seen.Length);
                Assert.AreEqual(old.Length, n);
                CollectionAssert.AreEqual(old, seen[..n], "the old image was rewritten in place");
                var loaded = SimNorFlash.Load(path);
                var b = new byte[2];
                loaded.Read(0, b, 0, 2);
                CollectionAssert.AreEqual(new byte[] { 0x00, 0x11 }, b);
                Assert.IsFalse(File.Exists(path + ".tmp"));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
