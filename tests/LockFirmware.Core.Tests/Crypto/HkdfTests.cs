using LockFirmware.Core.Crypto;
using LockFirmware.Tests;

namespace LockFirmware.Core.Tests.Crypto
{
    [TestClass]
    public class HkdfTests
    {
        // RFC 5869 Appendix A.1
        [TestMethod]
        public void Rfc5869Case1()
        {
            byte[] okm = Hkdf.DeriveKey(TestCrypto.Create(),
                TestCrypto.Hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                TestCrypto.Hex("000102030405060708090a0b0c"),
                TestCrypto.Hex("f0f1f2f3f4f5f6f7f8f9"), 42);
            Expect.Bytes(TestCrypto.Hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"), okm);
        }

        // RFC 5869 Appendix A.2: long inputs, 82 bytes out (three HMAC blocks).
        [TestMethod]
        public void Rfc5869Case2()
        {
            byte[] ikm = new byte[80], salt = new byte[80], info = new byte[80];
            for (int i = 0; i < 80; i++)
            {
                ikm[i] = (byte)i;
                salt[i] = (byte)(0x60 + i);
                info[i] = (byte)(0xb0 + i);
            }

            byte[] okm = Hkdf.DeriveKey(TestCrypto.Create(), ikm, salt, info, 82);
            Expect.Bytes(TestCrypto.Hex("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"), okm);
        }

        // RFC 5869 Appendix A.3: no salt, no info.
        [TestMethod]
        public void Rfc5869Case3()
        {
            byte[] okm = Hkdf.DeriveKey(TestCrypto.Create(),
                TestCrypto.Hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), null, null, 42);
            Expect.Bytes(TestCrypto.Hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"), okm);
        }

        [TestMethod]
        public void DifferentInfoGivesIndependentKeys()
        {
            byte[] secret = TestCrypto.Hex("00112233445566778899aabbccddeeff");
            byte[] a = Hkdf.DeriveKey(TestCrypto.Create(), secret, null, new byte[] { 1 }, 32);
            byte[] b = Hkdf.DeriveKey(TestCrypto.Create(), secret, null, new byte[] { 2 }, 32);
            Assert.IsFalse(ConstantTime.Equals(a, 0, b, 0, 32));
        }

        [TestMethod]
        public void ConstantTimeCompareFindsEveryDifference()
        {
            byte[] a = new byte[16];
            for (int i = 0; i < 16; i++)
            {
                byte[] b = new byte[16];
                b[i] = 0x80;
                Assert.IsFalse(ConstantTime.Equals(a, 0, b, 0, 16));
            }

            Assert.IsTrue(ConstantTime.Equals(a, 0, new byte[16], 0, 16));
            Assert.IsTrue(ConstantTime.Equals(0x123456789abcdef0UL, 0x123456789abcdef0UL));
            Assert.IsFalse(ConstantTime.Equals(0x123456789abcdef0UL, 0x123456789abcdef1UL));
            Assert.IsFalse(ConstantTime.Equals(0x823456789abcdef0UL, 0x123456789abcdef0UL));
        }
    }
}
