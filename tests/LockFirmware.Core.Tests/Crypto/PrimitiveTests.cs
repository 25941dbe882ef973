using LockFirmware.Hal.Crypto;
using LockFirmware.Tests;

namespace LockFirmware.Core.Tests.Crypto
{
    /// <summary>
    /// Known answers for the two primitives the lock builds everything on (RFC 4231 HMAC-SHA256, FIPS-197 AES-128),
    /// and the ownership rules the ports promise: a primitive never changes, keeps or depends on the caller's key
    /// array after the call. nanoFramework's HMACSHA256(key) wipes the key it was given when disposed and Aes.Key
    /// holds the array by reference; an adapter that passed the caller's array on fails these on the nanoCLR.
    /// </summary>
    [TestClass]
    public class PrimitiveTests
    {
        [TestMethod]
        public void HmacSha256Rfc4231()
        {
            ICryptoPrimitives crypto = TestCrypto.Create();
            // Test case 1: 20-byte key, "Hi There".
            Hmac(crypto, Repeat(0x0b, 20), Ascii("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
            // Test case 2: key shorter than the output, "Jefe".
            Hmac(crypto, Ascii("Jefe"), Ascii("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
            // Test case 3: 0xaa x 20, data 0xdd x 50.
            Hmac(crypto, Repeat(0xaa, 20), Repeat(0xdd, 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
            // Test case 6: a key longer than the block (131 bytes) is hashed first.
            Hmac(crypto, Repeat(0xaa, 131), Ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        }

        [TestMethod]
        public void HmacSha256OfARangeMatchesTheWholeMessage()
        {
            ICryptoPrimitives crypto = TestCrypto.Create();
            byte[] framed = Ascii("##Hi There##");
            byte[] mac = new byte[34];
            crypto.HmacSha256(Repeat(0x0b, 20), framed, 2, 8, mac, 2);
            byte[] tag = new byte[32];
            System.Array.Copy(mac, 2, tag, 0, 32);
            Expect.Bytes(TestCrypto.Hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"), tag, "HMAC of bytes 2..9");
        }

        [TestMethod]
        public void OneKeyArrayServesManyHmacsUnchanged()
        {
            ICryptoPrimitives crypto = TestCrypto.Create();
            byte[] key = Repeat(0x0b, 20);
            byte[] data = Ascii("Hi There");
            for (int i = 0; i < 3; i++)
            {
                Hmac(crypto, key, data, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
                Expect.Bytes(Repeat(0x0b, 20), key, "the caller's key after HMAC " + (i + 1));
            }
        }

        [TestMethod]
        public void AesFips197()
        {
            ICryptoPrimitives crypto = TestCrypto.Create();
            // FIPS-197 Appendix B (cipher example) and Appendix C.1 (AES-128 example vector).
            Aes(crypto, "2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734", "3925841d02dc09fbdc118597196a0b32");
            Aes(crypto, "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a");
            // Back to the first key: a cached key schedule must follow the key.
            Aes(crypto, "2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734", "3925841d02dc09fbdc118597196a0b32");
        }

        [TestMethod]
        public void AesDoesNotDependOnTheCallersKeyArrayAfterTheCall()
        {
            ICryptoPrimitives crypto = TestCrypto.Create();
            byte[] key = TestCrypto.Hex("000102030405060708090a0b0c0d0e0f");
            Aes(crypto, key, "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a");
            Expect.Bytes(TestCrypto.Hex("000102030405060708090a0b0c0d0e0f"), key, "the caller's key after AES");

            // The caller wipes its array (as a session does at its end); the same key in another array must still work.
            System.Array.Clear(key, 0, key.Length);
            Aes(crypto, TestCrypto.Hex("000102030405060708090a0b0c0d0e0f"), "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a");
        }

        [TestMethod]
        public void AesBlockAtOffsets()
        {
            ICryptoPrimitives crypto = TestCrypto.Create();
            byte[] input = new byte[20];
            System.Array.Copy(TestCrypto.Hex("00112233445566778899aabbccddeeff"), 0, input, 3, 16);
            byte[] output = new byte[21];
            crypto.AesEncryptBlock(TestCrypto.Hex("000102030405060708090a0b0c0d0e0f"), input, 3, output, 5);
            byte[] block = new byte[16];
            System.Array.Copy(output, 5, block, 0, 16);
            Expect.Bytes(TestCrypto.Hex("69c4e0d86a7b0430d8cdb78070b4c55a"), block, "AES of input[3..18] into output[5..20]");
            Assert.AreEqual((byte)0, output[4]);
            Assert.AreEqual((byte)0, output[0]);
        }

        private static void Hmac(ICryptoPrimitives crypto, byte[] key, byte[] data, string expectedHex)
        {
            byte[] mac = new byte[32];
            crypto.HmacSha256(key, data, 0, data.Length, mac, 0);
            Expect.Bytes(TestCrypto.Hex(expectedHex), mac, "HMAC-SHA256");
        }

        private static void Aes(ICryptoPrimitives crypto, string keyHex, string plainHex, string expectedHex)
        {
            Aes(crypto, TestCrypto.Hex(keyHex), plainHex, expectedHex);
        }

        private static void Aes(ICryptoPrimitives crypto, byte[] key, string plainHex, string expectedHex)
        {
            byte[] output = new byte[16];
            crypto.AesEncryptBlock(key, TestCrypto.Hex(plainHex), 0, output, 0);
            Expect.Bytes(TestCrypto.Hex(expectedHex), output, "AES-128");
        }

        private static byte[] Repeat(int value, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = (byte)value;
            }

            return bytes;
        }

        private static byte[] Ascii(string s)
        {
            return Access.AccessFixture.Ascii(s);
        }
    }
}
