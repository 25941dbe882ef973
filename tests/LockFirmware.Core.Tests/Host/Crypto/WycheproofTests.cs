using System;
using System.IO;
using System.Text.Json;
using LockFirmware.Core.Crypto;
using LockFirmware.Hal.Sim.Crypto;

namespace LockFirmware.Core.Tests.Host.Crypto
{
    /// <summary>Every applicable Project Wycheproof case through Core's crypto on the host primitives.</summary>
    [TestClass]
    public class WycheproofTests
    {
        [TestMethod]
        public void HmacSha256AllCases()
        {
            var crypto = new HostCrypto();
            using var doc = JsonDocument.Parse(File.ReadAllText(RepoFiles.Wycheproof("hmac_sha256_test.json")));
            int ran = 0, valid = 0, invalid = 0;
            var mac = new byte[32];
            foreach (JsonElement group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                int tagBytes = group.GetProperty("tagSize").GetInt32() / 8;
                foreach (JsonElement t in group.GetProperty("tests").EnumerateArray())
                {
                    byte[] key = Convert.FromHexString(t.GetProperty("key").GetString());
                    byte[] msg = Convert.FromHexString(t.GetProperty("msg").GetString());
                    byte[] tag = Convert.FromHexString(t.GetProperty("tag").GetString());
                    string result = t.GetProperty("result").GetString();
                    crypto.HmacSha256(key, msg, 0, msg.Length, mac, 0);
                    bool matches = tag.Length == tagBytes && ConstantTime.Equals(mac, 0, tag, 0, tagBytes);
                    Assert.AreEqual(result == "valid", matches, $"tcId {t.GetProperty("tcId").GetInt32()}: {t.GetProperty("comment").GetString()}");
                    ran++;
                    if (result == "valid") valid++; else invalid++;
                }
            }

            Console.WriteLine($"Wycheproof HMAC-SHA256: {ran} cases ran ({valid} valid, {invalid} invalid)");
            Assert.AreEqual(174, ran);
        }

        [TestMethod]
        public void AesCcm128AllCases()
        {
            var crypto = new HostCrypto();
            using var doc = JsonDocument.Parse(File.ReadAllText(RepoFiles.Wycheproof("aes_ccm_test.json")));
            int ran = 0, valid = 0, refused = 0, skipped = 0;
            foreach (JsonElement group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                int keyBits = group.GetProperty("keySize").GetInt32();
                int tagBytes = group.GetProperty("tagSize").GetInt32() / 8;
                foreach (JsonElement t in group.GetProperty("tests").EnumerateArray())
                {
                    if (keyBits != 128)
                    {
                        skipped++; // the lock uses AES-128 only
                        continue;
                    }

                    string id = $"tcId {t.GetProperty("tcId").GetInt32()}";
                    byte[] key = Convert.FromHexString(t.GetProperty("key").GetString());
                    byte[] iv = Convert.FromHexString(t.GetProperty("iv").GetString());
                    byte[] aad = Convert.FromHexString(t.GetProperty("aad").GetString());
                    byte[] msg = Convert.FromHexString(t.GetProperty("msg").GetString());
                    byte[] ct = Convert.FromHexString(t.GetProperty("ct").GetString());
                    byte[] tag = Convert.FromHexString(t.GetProperty("tag").GetString());
                    bool expectValid = t.GetProperty("result").GetString() == "valid";
                    ran++;

                    bool supported = tagBytes >= 4 && tagBytes <= 16 && tagBytes % 2 == 0 && iv.Length >= 7 && iv.Length <= 13;
                    if (!supported)
                    {
                        Assert.IsFalse(expectValid, id + ": a valid case with parameters CCM does not define");
                        refused++;
                        continue;
                    }

                    var ccm = new AesCcm(crypto, key, tagBytes);
                    byte[] sealedBytes = new byte[ct.Length + tag.Length];
                    Buffer.BlockCopy(ct, 0, sealedBytes, 0, ct.Length);
                    Buffer.BlockCopy(tag, 0, sealedBytes, ct.Length, tag.Length);
                    byte[] opened = new byte[Math.Max(0, sealedBytes.Length - tagBytes)];
                    bool ok = tag.Length == tagBytes && ccm.Decrypt(iv, 0, iv.Length, aad, 0, aad.Length, sealedBytes, 0, sealedBytes.Length, opened, 0);
                    Assert.AreEqual(expectValid, ok, id + ": decrypt verdict");
                    if (expectValid)
                    {
                        CollectionAssert.AreEqual(msg, opened, id + ": plaintext");
                        byte[] sealedAgain = new byte[msg.Length + tagBytes];
                        Assert.IsTrue(ccm.Encrypt(iv, 0, iv.Length, aad, 0, aad.Length, msg, 0, msg.Length, sealedAgain, 0));
                        CollectionAssert.AreEqual(sealedBytes, sealedAgain, id + ": ciphertext and tag");
                        valid++;
                    }
                    else
                    {
                        CollectionAssert.AreEqual(new byte[opened.Length], opened, id + ": no plaintext released on a bad tag");
                    }
                }
            }

            Console.WriteLine($"Wycheproof AES-128-CCM: {ran} cases ran ({valid} valid round trips, {refused} refused parameters), {skipped} AES-192/256 cases skipped");
            Assert.IsTrue(valid > 100, "too few valid cases ran: " + valid);
            Assert.AreEqual(184, ran);
        }
    }
}
