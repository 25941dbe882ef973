using System;
using LockFirmware.Core.Common;
using LockFirmware.Core.Crypto;
using LockFirmware.Core.Protocol;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Keypad
{
    /// <summary>
    /// The lock's side of pairing a keypad at the door (docs/keypad.md). An installer or owner session opens a window
    /// (admin command PairKeypad): the lock picks a free keypad id and a 20-digit pairing code from its RNG, shows
    /// both to that session only, and keeps the code's key in RAM for <see cref="WindowMs"/>. The installer types the
    /// code on the keypad in pairing mode; the keypad makes its key from its own RNG and sends it sealed under the
    /// code's key ('P'). Only the lock holding that code can open it: it registers the key under the id, answers
    /// with the id sealed under the same key ('p'), and closes the window, so a replayed request finds nothing to
    /// open, and a lock that was not asked (a neighbour's, two in range) cannot read it and stays silent.
    /// </summary>
    public sealed class KeypadPairing
    {
        public const int CodeDigits = 20;
        public const long WindowMs = 5 * 60 * 1000;
        public const int RequestLength = KeypadFrame.NoncedHeader + KeypadChannel.KeySize + KeypadFrame.TagSize;
        private static readonly byte[] Salt = new byte[] { 0x4C, 0x6F, 0x63, 0x6B, 0x46, 0x57, 0x20, 0x6B, 0x65, 0x79, 0x70, 0x61, 0x64, 0x20, 0x70, 0x61, 0x69, 0x72, 0x69, 0x6E, 0x67 }; // "LockFW keypad pairing"

        private readonly ICryptoPrimitives _crypto;
        private readonly IRandomSource _random;
        private readonly KeypadChannel _keypads;
        private readonly byte[] _nonce = new byte[KeypadFrame.NonceSize];
        private readonly byte[] _key = new byte[KeypadChannel.KeySize];
        private readonly byte[] _one = new byte[1];
        private readonly byte[] _reply = new byte[KeypadFrame.NoncedHeader + 1 + KeypadFrame.TagSize];
        private AesCcm _ccm;
        private int _id = -1;
        private long _closesAt = LockTime.Never;

        public KeypadPairing(ICryptoPrimitives crypto, IRandomSource random, KeypadChannel keypads)
        {
            _crypto = crypto;
            _random = random;
            _keypads = keypads;
        }

        /// <summary>The reply to the last pairing request that paired (<see cref="ReplyLength"/> bytes).</summary>
        public byte[] Reply
        {
            get { return _reply; }
        }

        public int ReplyLength { get; private set; }

        /// <summary>The keypad id the open window (or the last pairing) gives out.</summary>
        public int Id
        {
            get { return _id; }
        }

        public bool IsOpen(long nowMs)
        {
            return _ccm != null && nowMs < _closesAt;
        }

        /// <summary>
        /// Opens a window: writes the pairing code (20 ASCII digits) at <paramref name="at"/> and returns the keypad
        /// id it will give, or -1 when every keypad slot is taken or there is no random source.
        /// </summary>
        public int Open(long nowMs, byte[] code, int at)
        {
            Close();
            if (_random == null || _keypads.Count >= KeypadChannel.Slots)
            {
                return -1;
            }

            int id = 1;
            while (id < 256 && _keypads.IsRegistered(id)) id++;
            if (id == 256)
            {
                return -1;
            }

            RandomDigits(code, at, CodeDigits);
            _ccm = CodeKey(_crypto, code, at, CodeDigits);
            _id = id;
            _closesAt = nowMs + WindowMs;
            return id;
        }

        public void Close()
        {
            _ccm = null;
            _closesAt = LockTime.Never;
            ReplyLength = 0;
        }

        /// <summary>
        /// A pairing request from the radio. <see cref="KeypadResult.Paired"/>: the keypad's key is registered under
        /// <see cref="Id"/> and <see cref="Reply"/> holds the answer; PairingRefused: no window, expired, the wrong length,
        /// or not sealed under this window's code; StoreFailed: the registration is not durable (the window stays open).
        /// </summary>
        public KeypadResult Receive(byte[] message, int offset, int count, long nowMs)
        {
            ReplyLength = 0;
            if (message == null || offset < 0 || count < 1 || offset + count > message.Length || message[offset] != KeypadFrame.Pairing)
            {
                return KeypadResult.Malformed;
            }

            if (count != RequestLength || !IsOpen(nowMs))
            {
                if (!IsOpen(nowMs)) Close();
                return KeypadResult.PairingRefused;
            }

            if (KeypadFrame.Open(_ccm, _nonce, message, offset, count, _key) != KeypadChannel.KeySize)
            {
                return KeypadResult.PairingRefused;
            }

            bool stored = _keypads.Register(_id, _key);
            Array.Clear(_key, 0, _key.Length);
            if (!stored)
            {
                return KeypadResult.StoreFailed;
            }

            _reply[0] = KeypadFrame.PairingReply;
            Array.Copy(message, offset + 1, _reply, 1, 8);
            _one[0] = (byte)_id;
            int n = KeypadFrame.Seal(_ccm, _nonce, _one, 0, 1, _reply);
            Close();
            ReplyLength = n;
            return KeypadResult.Paired;
        }

        /// <summary>The key both ends derive from the typed pairing code: HKDF-SHA256(code ASCII, "LockFW keypad pairing"), 16 bytes.</summary>
        public static AesCcm CodeKey(ICryptoPrimitives crypto, byte[] ascii, int offset, int count)
        {
            byte[] ikm = new byte[count];
            Array.Copy(ascii, offset, ikm, 0, count);
            byte[] key = Hkdf.DeriveKey(crypto, ikm, Salt, null, KeypadChannel.KeySize);
            Array.Clear(ikm, 0, ikm.Length);
            return new AesCcm(crypto, key, KeypadFrame.TagSize);
        }

        // Uniform digits from random bytes (values 250..255 are drawn again, so no digit is likelier).
        private void RandomDigits(byte[] output, int at, int count)
        {
            byte[] b = new byte[1];
            int i = 0;
            while (i < count)
            {
                _random.Fill(b, 0, 1);
                if (b[0] < 250)
                {
                    output[at + i++] = (byte)('0' + b[0] % 10);
                }
            }
        }
    }
}
