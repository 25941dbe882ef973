using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using LockFirmware.Core.Access;
using LockFirmware.Core.Crypto;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Flash;
using LockFirmware.Hal.Crypto;
using LockFirmware.Hal.Sim.Crypto;

namespace LockFirmware.Core.Tests.Host.Protocol
{
    /// <summary>
    /// docs/vectors/ble-session.json: a full handshake and one encrypted command with fixed keys and nonces,
    /// and one keypad entry, so another implementation of the protocol can check itself byte by byte.
    /// Regenerate deliberately with LOCKFW_WRITE_VECTORS=1.
    /// </summary>
    [TestClass]
    public class BleVectorTests
    {
        private sealed class FixedRandom : IRandomSource
        {
            private readonly byte _fill;
            public FixedRandom(byte fill) { _fill = fill; }
            public void Fill(byte[] buffer, int offset, int count) { for (int i = 0; i < count; i++) buffer[offset + i] = (byte)(_fill + i); }
        }

        private sealed class CountingRandom : IRandomSource
        {
            private byte _next;
            public CountingRandom(byte first) { _next = first; }
            public void Fill(byte[] buffer, int offset, int count) { for (int i = 0; i < count; i++) buffer[offset + i] = _next++; }
        }

        private sealed class EchoStatus : IAdminCommands
        {
            public static readonly byte[] Key = Convert.FromHexString("22222222222222222222222222222222");
            public byte[] RoleKey(AdminRole role, long nowMs) => Key;
            public int Execute(AdminRole role, byte[] request, int length, byte[] response, long nowMs)
            {
                response[0] = (byte)(request[0] | 0x80);
                response[1] = 0;
                response[2] = 1; // Locked
                return 3;
            }
            public void SessionOpened(AdminRole role, long nowMs) { }
            public void HandshakeFailed(AdminRole role, long nowMs) { }
        }

        private static string H(byte[] b, int n) => Convert.ToHexString(b, 0, n).ToLowerInvariant();

        [TestMethod]
        public void HandshakeCommandAndKeypadVectors()
        {
            var crypto = new HostCrypto();
            var lockSide = new AdminSession(crypto, new FixedRandom(0xA0), new EchoStatus());
            var client = new AdminClient(crypto, new FixedRandom(0x10), AdminRole.Owner, EchoStatus.Key);
            long now = 1795615200000L;
            byte[] m = new byte[64];
            var v = new JsonObject { ["ownerKey"] = H(EchoStatus.Key, 16) };

            int n = client.Hello(m);
            v["hello"] = H(m, n);
            int r = lockSide.Receive(m, 0, n, now);
            v["challenge"] = H(lockSide.Reply, r);
            byte[] challenge = lockSide.Reply[..r];
            n = client.Answer(challenge, r, m);
            v["proof"] = H(m, n);
            r = lockSide.Receive(m, 0, n, now);
            v["ready"] = H(lockSide.Reply, r);
            byte[] plain = new byte[64];
            Assert.AreEqual(3, client.Open(lockSide.Reply, r, plain));
            n = client.Seal(new byte[] { (byte)AdminCommand.Status }, 1, m);
            v["statusRequest"] = H(m, n);
            r = lockSide.Receive(m, 0, n, now);
            v["statusResponse"] = H(lockSide.Reply, r);
            Assert.AreEqual(3, client.Open(lockSide.Reply, r, plain));
            v["statusResponsePlain"] = H(plain, 3);

            byte[] keypadKey = Convert.FromHexString("33333333333333333333333333333333");
            byte[] entry = new byte[64];
            int e = KeypadChannel.Seal(crypto, 4, keypadKey, 1000, new byte[] { 0x33, 0x30, 0x30, 0x33, 0x37, 0x30, 0x37, 0x37, 0x37, 0x30 }, 10, entry);
            v["keypadKey"] = H(keypadKey, 16);
            v["keypadEntry"] = H(entry, e);

            // The keypad's sender seals the same bytes.
            var sender = new KeypadSender();
            byte[] digits = { 0x33, 0x30, 0x30, 0x33, 0x37, 0x30, 0x37, 0x37, 0x37, 0x30 };
            Assert.IsTrue(sender.SendEntry(new AesCcm(crypto, keypadKey, KeypadFrame.TagSize), 4, 1000, digits, 0, digits.Length, now));
            Assert.AreEqual(H(entry, e), H(sender.Message, sender.MessageLength));

            // The lock's verdict on that entry (WrongCode, 13), sealed under the keypad key and the entry's counter.
            var settings = new SettingsStore(new SimNorFlash(4096, 2));
            settings.Mount();
            var keypads = new KeypadChannel(crypto, settings);
            Assert.IsTrue(keypads.Register(4, keypadKey));
            Assert.AreEqual(KeypadResult.Entry, keypads.Receive(entry, 0, e));
            byte[] verdict = new byte[32];
            int vl = keypads.SealVerdict((byte)AccessResult.WrongCode, verdict);
            v["keypadVerdict"] = H(verdict, vl);

            // Pairing: the lock's code from its RNG (bytes 30 31 32 ..), the keypad's new key 44..44 and nonce 50..57.
            var pairing = new KeypadPairing(crypto, new CountingRandom(0x30), keypads);
            byte[] code = new byte[KeypadPairing.CodeDigits];
            Assert.AreEqual(1, pairing.Open(now, code, 0));
            v["pairingCode"] = System.Text.Encoding.ASCII.GetString(code);
            byte[] newKey = Convert.FromHexString("44444444444444444444444444444444");
            byte[] nonce8 = Convert.FromHexString("5051525354555657");
            Assert.IsTrue(sender.SendPairing(KeypadPairing.CodeKey(crypto, code, 0, code.Length), nonce8, newKey, now));
            v["pairingRequest"] = H(sender.Message, sender.MessageLength);
            Assert.AreEqual(KeypadResult.Paired, pairing.Receive(sender.Message, 0, sender.MessageLength, now));
            v["pairingReply"] = H(pairing.Reply, pairing.ReplyLength);

            string path = RepoFiles.InRepo("docs/vectors/ble-session.json");
            if (Environment.GetEnvironmentVariable("LOCKFW_WRITE_VECTORS") == "1")
            {
                var root = new JsonObject
                {
                    ["description"] = "LockFirmware BLE protocol vectors (docs/ble-protocol.md). Client nonce 10 11 .. 1f, lock nonce a0 a1 .. af; owner role; status command; keypad 4 sends 3003707770 with counter 1000, lock verdict WrongCode (13); pairing with lock RNG bytes 30 31 32 .., keypad key 44..44, nonce 50..57, keypad id 1.",
                    ["vectors"] = v,
                };
                File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            }

            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            int checkedFields = 0;
            foreach (var field in doc.RootElement.GetProperty("vectors").EnumerateObject())
            {
                Assert.AreEqual(field.Value.GetString(), (string)v[field.Name], field.Name);
                checkedFields++;
            }

            Assert.AreEqual(14, checkedFields);
        }
    }
}
