using System;
using LockFirmware.Core.Crypto;
using LockFirmware.Core.Tests.Vectors;
using LockFirmware.Hal.Crypto;
using LockFirmware.Tests;

namespace LockFirmware.Core.Tests.Crypto
{
    /// <summary>
    /// Every applicable Project Wycheproof case through Core's crypto on the platform's primitives: the host
    /// provider on net10.0, Esp32Crypto over nanoFramework's System.Security.Cryptography on the nanoCLR.
    /// One primitives object serves every case, as on the lock, so a primitive that keeps or spoils state between
    /// calls (a key it wipes, a key it holds by reference) fails here.
    /// </summary>
    [TestClass]
    public class WycheproofTests
    {
        [TestMethod]
        public void HmacSha256AllCases()
        {
            ICryptoPrimitives crypto = TestCrypto.Create();
            var cases = new VectorReader(WycheproofHmacSha256.Data);
            int ran = 0, valid = 0;
            byte[] mac = new byte[32];
            while (!cases.AtEnd)
            {
                int id = cases.UInt16();
                bool expectValid = cases.Byte() == 1;
                int tagBytes = cases.Byte();
                byte[] key = cases.Field();
                byte[] msg = cases.Field();
                byte[] tag = cases.Field();
                crypto.HmacSha256(key, msg, 0, msg.Length, mac, 0);
                bool matches = tag.Length == tagBytes && ConstantTime.Equals(mac, 0, tag, 0, tagBytes);
                Assert.AreEqual(expectValid, matches, "tcId " + id);
                ran++;
                if (expectValid) valid++;
            }

            Console.WriteLine("Wycheproof HMAC-SHA256: " + ran + " cases ran (" + valid + " valid)");
            Assert.AreEqual(WycheproofHmacSha256.Count, ran);
            Assert.AreEqual(174, ran);
        }

        [TestMethod]
        public void AesCcm128AllCases()
        {
            ICryptoPrimitives crypto = TestCrypto.Create();
            var cases = new VectorReader(WycheproofAesCcm128.Data);
            int ran = 0, valid = 0, refused = 0;
            while (!cases.AtEnd)
            {
                int id = cases.UInt16();
                bool expectValid = cases.Byte() == 1;
                int tagBytes = cases.Byte();
                byte[] key = cases.Field();
                byte[] iv = cases.Field();
                byte[] aad = cases.Field();
                byte[] msg = cases.Field();
                byte[] ct = cases.Field();
                byte[] tag = cases.Field();
                string name = "tcId " + id;
                ran++;

                bool supported = tagBytes >= 4 && tagBytes <= 16 && tagBytes % 2 == 0 && iv.Length >= 7 && iv.Length <= 13;
                if (!supported)
                {
                    Assert.IsFalse(expectValid, name + ": a valid case with parameters CCM does not define");
                    refused++;
                    continue;
                }

                var ccm = new AesCcm(crypto, key, tagBytes);
                byte[] sealedBytes = new byte[ct.Length + tag.Length];
                Array.Copy(ct, 0, sealedBytes, 0, ct.Length);
                Array.Copy(tag, 0, sealedBytes, ct.Length, tag.Length);
                int openedLength = sealedBytes.Length - tagBytes;
                byte[] opened = new byte[openedLength < 0 ? 0 : openedLength];
                bool ok = tag.Length == tagBytes && ccm.Decrypt(iv, 0, iv.Length, aad, 0, aad.Length, sealedBytes, 0, sealedBytes.Length, opened, 0);
                Assert.AreEqual(expectValid, ok, name + ": decrypt verdict");
                if (expectValid)
                {
                    Expect.Bytes(msg, opened, name + ": plaintext");
                    byte[] sealedAgain = new byte[msg.Length + tagBytes];
                    Assert.IsTrue(ccm.Encrypt(iv, 0, iv.Length, aad, 0, aad.Length, msg, 0, msg.Length, sealedAgain, 0), name + ": encrypt");
                    Expect.Bytes(sealedBytes, sealedAgain, name + ": ciphertext and tag");
                    valid++;
                }
                else
                {
                    Expect.Bytes(new byte[opened.Length], opened, name + ": plaintext released on a bad tag");
                }
            }

            Console.WriteLine("Wycheproof AES-128-CCM: " + ran + " cases ran (" + valid + " valid round trips, " + refused + " refused parameters)");
            Assert.IsTrue(valid > 100, "too few valid cases ran: " + valid);
            Assert.AreEqual(WycheproofAesCcm128.Count, ran);
            Assert.AreEqual(184, ran);
        }
    }
}
