using LockFirmware.Core.Common;

namespace LockFirmware.Core.Tests.Common
{
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void CheckValueOfStandardString()
        {
            // The CRC-32 check value: "123456789" -> 0xCBF43926 (every CRC catalogue lists it).
            byte[] data = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void EmptyInputIsZero()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
        }

        [TestMethod]
        public void IncrementalEqualsOneShot()
        {
            byte[] data = new byte[100];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)(i * 7 + 3);
            }

            uint crc = Crc32.Update(Crc32.Start, data, 0, 40);
            crc = Crc32.Update(crc, data, 40, 60);
            Assert.AreEqual(Crc32.Compute(data, 0, 100), Crc32.Finish(crc));
        }

        [TestMethod]
        public void SingleBitFlipChangesCrc()
        {
            byte[] data = new byte[16];
            uint clean = Crc32.Compute(data, 0, 16);
            data[5] ^= 0x10;
            Assert.IsFalse(clean == Crc32.Compute(data, 0, 16));
        }
    }
}
