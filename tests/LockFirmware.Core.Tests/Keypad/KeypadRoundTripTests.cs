using LockFirmware.Core.Crypto;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Core.Tests.Crypto;
using LockFirmware.Core.Tests.Fakes;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Tests.Keypad
{
    /// <summary>
    /// The keypad's logic with the real crypto of the platform it runs on: on net10.0 the host provider, in the nano1.0
    /// flavor (tests/NanoClr.Tests) the nanoCLR with nanoFramework's Cryptography natives. Entry buffer, counter, an
    /// entry sealed by the keypad's sender and opened by the lock, the lock's verdict back, and a pairing round trip.
    /// </summary>
    [TestClass]
    public class KeypadRoundTripTests
    {
        private static readonly byte[] Key = TestCrypto.Hex("33333333333333333333333333333333");

        private static SettingsStore Store()
        {
            var store = new SettingsStore(new MemoryFlash(1024, 2));
            store.Mount();
            return store;
        }

        // The lock's reply, cut into fragments as the lock's link endpoint does, pushed into the keypad's sender.
        private static SendState Answer(KeypadSender sender, byte[] reply, int length)
        {
            var writer = new FrameWriter();
            byte[] fragment = new byte[Fragments.MaxPayload];
            Assert.IsTrue(writer.Begin(reply, length, Fragments.MinPayload));
            SendState state = sender.State;
            int n;
            while ((n = writer.Next(fragment)) > 0)
            {
                state = sender.Push(fragment, 0, n, 1000);
            }

            return state;
        }

        [TestMethod]
        public void TheEntryKeepsTheLast18DigitsAndForgetsWhenIdle()
        {
            var e = new KeypadEntry(18, KeypadEntry.IdleTimeoutMs);
            string typed = "55555555123456789012";
            for (int i = 0; i < typed.Length; i++) e.Press(typed[i], 100 * i);
            Assert.AreEqual(18, e.Count);
            Assert.AreEqual((byte)'5', e.Digits[0]);
            Assert.AreEqual((byte)'2', e.Digits[17]);
            Assert.IsTrue(e.Press('#', 2000) == KeyAction.Send);
            Assert.IsTrue(e.Expire(2000 + KeypadEntry.IdleTimeoutMs));
            Assert.AreEqual(0, e.Count);
        }

        [TestMethod]
        public void TheCounterNeverRepeatsAcrossReboots()
        {
            var flash = new MemoryFlash(1024, 2);
            uint last = 0;
            for (int boot = 0; boot < 4; boot++)
            {
                var store = new SettingsStore(flash);
                store.Mount();
                var counter = new KeypadCounter(store);
                counter.Load();
                for (int i = 0; i < 70; i++)
                {
                    uint n = counter.Next();
                    Assert.IsTrue(n > last);
                    last = n;
                }
            }

            Assert.AreEqual(3u * 128 + 70, last);
        }

        [TestMethod]
        public void AnEntryOpensAtTheLockAndItsVerdictComesBack()
        {
            ICryptoPrimitives crypto = TestCrypto.Create();
            var channel = new KeypadChannel(crypto, Store());
            Assert.IsTrue(channel.Register(4, Key));

            var sender = new KeypadSender();
            byte[] digits = new byte[] { 0x33, 0x30, 0x30, 0x33, 0x37, 0x30, 0x37, 0x37, 0x37, 0x30 };
            Assert.IsTrue(sender.SendEntry(new AesCcm(crypto, Key, KeypadFrame.TagSize), 4, 1000, digits, 0, digits.Length, 0));
            Assert.IsTrue(channel.Receive(sender.Message, 0, sender.MessageLength) == KeypadResult.Entry);
            Assert.AreEqual(10, channel.DigitCount);
            Assert.AreEqual(0x37, (int)channel.Digits[4]);

            byte[] verdict = new byte[32];
            int length = channel.SealVerdict(13, verdict);
            Assert.AreEqual(15, length);
            Assert.IsTrue(Answer(sender, verdict, length) == SendState.Replied);
            Assert.AreEqual(13, (int)sender.Reply[0]);

            // The same entry again is a replay: refused, and no verdict to seal.
            Assert.IsTrue(channel.Receive(sender.Message, 0, sender.MessageLength) == KeypadResult.Replayed);
        }

        [TestMethod]
        public void APairingRoundTripRegistersTheKeypadOnceAndOnlyOnce()
        {
            ICryptoPrimitives crypto = TestCrypto.Create();
            var channel = new KeypadChannel(crypto, Store());
            var pairing = new KeypadPairing(crypto, (IRandomSource)crypto, channel);
            byte[] code = new byte[KeypadPairing.CodeDigits];
            int id = pairing.Open(0, code, 0);
            Assert.AreEqual(1, id);
            for (int i = 0; i < code.Length; i++) Assert.IsTrue(code[i] >= (byte)'0' && code[i] <= (byte)'9');

            var sender = new KeypadSender();
            byte[] nonce = new byte[] { 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57 };
            byte[] keypadKey = TestCrypto.Hex("44444444444444444444444444444444");
            Assert.IsTrue(sender.SendPairing(KeypadPairing.CodeKey(crypto, code, 0, code.Length), nonce, keypadKey, 0));
            Assert.IsTrue(pairing.Receive(sender.Message, 0, sender.MessageLength, 10) == KeypadResult.Paired);
            Assert.IsTrue(channel.IsRegistered(1));
            Assert.IsTrue(Answer(sender, pairing.Reply, pairing.ReplyLength) == SendState.Replied);
            Assert.AreEqual(1, (int)sender.Reply[0]);

            Assert.IsTrue(pairing.Receive(sender.Message, 0, sender.MessageLength, 20) == KeypadResult.PairingRefused);
            Assert.AreEqual(1, channel.Count);
        }
    }
}
