using System;
using LockFirmware.Core.Common;
using LockFirmware.Core.Crypto;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Protocol
{
    /// <summary>
    /// The lock's side of one admin session (docs/ble-protocol.md): a mutual challenge-response from a role key,
    /// then AES-128-CCM messages with per-direction keys from HKDF over both nonces and strictly increasing
    /// counters. Any tag, counter, length or order error ends the session. Failed handshakes back off
    /// (1 s doubling to 64 s); sessions end after <see cref="IdleTimeoutMs"/> without a message.
    /// Bytes in, bytes out: <see cref="Receive"/> returns the length of the reply written into <see cref="Reply"/>.
    /// </summary>
    public sealed class AdminSession
    {
        public const byte Hello = 0x01;
        public const byte Challenge = 0x02;
        public const byte Proof = 0x03;
        public const byte Sealed = 0x10;
        public const byte Error = 0x7F;
        public const int NonceSize = 16;
        public const int ProofSize = 16;
        public const int TagSize = 8;
        public const int SealedHeader = 5;
        public const int IdleTimeoutMs = 60000;
        public static readonly byte[] LockLabel = { (byte)'L', (byte)'F', (byte)'A', (byte)'L' };
        public static readonly byte[] ClientLabel = { (byte)'L', (byte)'F', (byte)'C', (byte)'L' };

        private readonly ICryptoPrimitives _crypto;
        private readonly IRandomSource _random;
        private readonly IAdminCommands _commands;
        private readonly byte[] _reply = new byte[Fragments.MaxMessage];
        private readonly byte[] _plain = new byte[Fragments.MaxMessage];
        private readonly byte[] _clientNonce = new byte[NonceSize];
        private readonly byte[] _lockNonce = new byte[NonceSize];
        private readonly byte[] _mac = new byte[32];
        private readonly byte[] _proofInput = new byte[4 + 1 + 2 * NonceSize];
        private readonly byte[] _nonce = new byte[13];
        private byte[] _roleKey;
        private AdminRole _role;
        private int _stage;                 // 0 idle, 1 challenged, 2 open
        private AesCcm _in, _out;
        private uint _inCounter, _outCounter;
        private long _lastMessageMs;
        private long _blockedUntilMs = long.MinValue;
        private long _backoffMs = 1000;

        public AdminSession(ICryptoPrimitives crypto, IRandomSource random, IAdminCommands commands)
        {
            _crypto = crypto;
            _random = random;
            _commands = commands;
        }

        public byte[] Reply
        {
            get { return _reply; }
        }

        public bool IsOpen
        {
            get { return _stage == 2; }
        }

        public AdminRole Role
        {
            get { return _role; }
        }

        /// <summary>Why the last message was refused (for the log), Ok when it was not.</summary>
        public AdminStatus LastError { get; private set; }

        /// <summary>Ends the session (link dropped, timeout, factory reset).</summary>
        public void End()
        {
            _stage = 0;
            _in = null;
            _out = null;
            _roleKey = null;
        }

        /// <summary>Ends an idle session; call from the lock's tick.</summary>
        public void Tick(long nowMs)
        {
            if (nowMs < _lastMessageMs)
            {
                _lastMessageMs = nowMs; // clock set back: measure idleness from now
            }

            if (_stage != 0 && nowMs - _lastMessageMs > IdleTimeoutMs)
            {
                End();
            }
        }

        /// <summary>Restarts the idle timer (after the session itself moved the clock).</summary>
        public void Touch(long nowMs)
        {
            _lastMessageMs = nowMs;
        }

        /// <summary>One reassembled message from the admin channel. Returns the reply's length (0: no reply).</summary>
        public int Receive(byte[] message, int offset, int count, long nowMs)
        {
            LastError = AdminStatus.Ok;
            if (message == null || count < 1 || offset < 0 || offset + count > message.Length)
            {
                return Refuse(AdminStatus.BadArguments);
            }

            Tick(nowMs);
            byte kind = message[offset];
            if (kind == Hello)
            {
                return OnHello(message, offset, count, nowMs);
            }

            if (kind == Proof && _stage == 1)
            {
                return OnProof(message, offset, count, nowMs);
            }

            if (kind == Sealed && _stage == 2)
            {
                return OnSealed(message, offset, count, nowMs);
            }

            End();
            return Refuse(AdminStatus.NoSession);
        }

        private int OnHello(byte[] m, int offset, int count, long nowMs)
        {
            End();
            if (nowMs < _blockedUntilMs)
            {
                return Refuse(AdminStatus.Throttled);
            }

            if (count != 2 + NonceSize || m[offset + 1] > (byte)AdminRole.Owner)
            {
                return Refuse(AdminStatus.BadArguments);
            }

            _role = (AdminRole)m[offset + 1];
            _roleKey = _commands.RoleKey(_role, nowMs);
            if (_roleKey == null)
            {
                Failed(nowMs);
                return Refuse(AdminStatus.RoleNotAvailable);
            }

            Array.Copy(m, offset + 2, _clientNonce, 0, NonceSize);
            _random.Fill(_lockNonce, 0, NonceSize);
            _reply[0] = Challenge;
            Array.Copy(_lockNonce, 0, _reply, 1, NonceSize);
            ProofOf(LockLabel);
            Array.Copy(_mac, 0, _reply, 1 + NonceSize, ProofSize);
            _stage = 1;
            _lastMessageMs = nowMs;
            return 1 + NonceSize + ProofSize;
        }

        private int OnProof(byte[] m, int offset, int count, long nowMs)
        {
            ProofOf(ClientLabel);
            bool ok = count == 1 + ProofSize && ConstantTime.Equals(_mac, 0, m, offset + 1, ProofSize);
            if (!ok)
            {
                End();
                Failed(nowMs);
                return Refuse(AdminStatus.HandshakeFailed);
            }

            byte[] salt = new byte[2 * NonceSize];
            Array.Copy(_clientNonce, 0, salt, 0, NonceSize);
            Array.Copy(_lockNonce, 0, salt, NonceSize, NonceSize);
            byte[] prk = Hkdf.Extract(_crypto, _roleKey, salt);
            _in = new AesCcm(_crypto, Hkdf.Expand(_crypto, prk, Label("LF session c2l"), 16), TagSize);
            _out = new AesCcm(_crypto, Hkdf.Expand(_crypto, prk, Label("LF session l2c"), 16), TagSize);
            _inCounter = 0;
            _outCounter = 0;
            _stage = 2;
            _backoffMs = 1000;
            _lastMessageMs = nowMs;
            _commands.SessionOpened(_role, nowMs);
            _plain[0] = 0x80;
            _plain[1] = (byte)AdminStatus.Ok;
            _plain[2] = (byte)_role;
            return Seal(3);
        }

        private int OnSealed(byte[] m, int offset, int count, long nowMs)
        {
            int length = count - SealedHeader - TagSize;
            if (length < 1)
            {
                End();
                return Refuse(AdminStatus.SessionEnded);
            }

            uint counter = LittleEndian.GetUInt(m, offset + 1);
            if (counter != _inCounter)
            {
                End();
                return Refuse(AdminStatus.SessionEnded);
            }

            FillNonce((byte)'C', counter);
            if (!_in.Decrypt(_nonce, 0, 13, m, offset, SealedHeader, m, offset + SealedHeader, count - SealedHeader, _plain, 0))
            {
                End();
                return Refuse(AdminStatus.SessionEnded);
            }

            _inCounter++;
            _lastMessageMs = nowMs;
            bool reset = _plain[0] == (byte)AdminCommand.FactoryReset;
            int replyLength = _commands.Execute(_role, _plain, length, _plain, nowMs);
            if (replyLength <= 0 || _out == null)
            {
                return 0;
            }

            int sealedLength = Seal(replyLength);
            if (reset && _plain[1] == (byte)AdminStatus.Ok)
            {
                // The lock the session was opened with is gone: answer, then end it.
                End();
            }

            return sealedLength;
        }

        // Encrypts _plain[0..length) into _reply as a sealed message with the next outgoing counter.
        private int Seal(int length)
        {
            _reply[0] = Sealed;
            LittleEndian.PutUInt(_reply, 1, _outCounter);
            FillNonce((byte)'L', _outCounter);
            _out.Encrypt(_nonce, 0, 13, _reply, 0, SealedHeader, _plain, 0, length, _reply, SealedHeader);
            _outCounter++;
            return SealedHeader + length + TagSize;
        }

        private void FillNonce(byte direction, uint counter)
        {
            Nonce(_nonce, direction, counter);
        }

        /// <summary>The CCM nonce of a sealed message: direction ('C' or 'L'), counter big-endian, 8 zero bytes.</summary>
        internal static void Nonce(byte[] nonce, byte direction, uint counter)
        {
            nonce[0] = direction;
            BigEndian.PutUInt(nonce, 1, counter);
            for (int i = 5; i < 13; i++)
            {
                nonce[i] = 0;
            }
        }

        private void ProofOf(byte[] label)
        {
            ComputeProof(_crypto, _roleKey, label, _role, _clientNonce, _lockNonce, _proofInput, _mac);
        }

        /// <summary>HMAC(role key, label | role | client nonce | lock nonce) into <paramref name="mac"/>: both proofs of the handshake.</summary>
        internal static void ComputeProof(ICryptoPrimitives crypto, byte[] roleKey, byte[] label, AdminRole role, byte[] clientNonce, byte[] lockNonce, byte[] input, byte[] mac)
        {
            Array.Copy(label, 0, input, 0, 4);
            input[4] = (byte)role;
            Array.Copy(clientNonce, 0, input, 5, NonceSize);
            Array.Copy(lockNonce, 0, input, 5 + NonceSize, NonceSize);
            crypto.HmacSha256(roleKey, input, 0, input.Length, mac, 0);
        }

        private void Failed(long nowMs)
        {
            _blockedUntilMs = nowMs + _backoffMs;
            _backoffMs = _backoffMs >= 64000 ? 64000 : _backoffMs * 2;
            _commands.HandshakeFailed(_role, nowMs);
        }

        private int Refuse(AdminStatus status)
        {
            LastError = status;
            _reply[0] = Error;
            _reply[1] = (byte)status;
            return 2;
        }

        internal static byte[] Label(string text)
        {
            byte[] b = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                b[i] = (byte)text[i];
            }

            return b;
        }
    }
}
