using System;
using LockFirmware.Core.Common;
using LockFirmware.Core.Crypto;
using LockFirmware.Core.Power;
using LockFirmware.Core.Protocol;
using LockFirmware.Hal.Ble;

namespace LockFirmware.Core.Keypad
{
    /// <summary>
    /// The one sender of the keypad channel: the keypad firmware, LockSim's keypad and `lockctl keypad enter` all
    /// send through it. It seals a message (an entry under the keypad key, or a pairing request under the pairing
    /// code's key), cuts it into fragments for whatever link carries it, and accepts only the reply sealed for
    /// exactly that message (same keypad, same counter or pairing nonce, valid tag). A message is sent once per
    /// link: an entry the lock has seen is never sent again (it would be refused as a replay and cost a throttle
    /// token), so a lost reply shows as <see cref="SendState.TimedOut"/> and the courier types again.
    /// Driven by <c>now</c>; allocates nothing per message.
    /// </summary>
    public sealed class KeypadSender
    {
        /// <summary>
        /// How long the keypad keeps trying to reach the lock: the lock may be in deep sleep and need a wake and a CLR
        /// boot before it advertises (SleepPolicy.KeypadRetryWindowMs, checked against every board's power.json).
        /// </summary>
        public const long ConnectWindowMs = SleepPolicy.KeypadRetryWindowMs;

        /// <summary>From the message going out to its verdict: one flash write and one HMAC pass on the lock.</summary>
        public const long ReplyTimeoutMs = 2000;

        /// <summary>How long the keypad keeps trying (connecting, sending, waiting) before it shows "unreachable".</summary>
        public const long ReplyWindowMs = ConnectWindowMs + ReplyTimeoutMs;

        public const int MaxData = 24;
        private const int MaxMessage = KeypadFrame.NoncedHeader + MaxData + KeypadFrame.TagSize;

        private readonly byte[] _message = new byte[MaxMessage];
        private readonly byte[] _expect = new byte[KeypadFrame.NoncedHeader];
        private readonly byte[] _nonce = new byte[KeypadFrame.NonceSize];
        private readonly byte[] _plain = new byte[MaxData];
        private readonly byte[] _fragment = new byte[Fragments.MaxPayload];
        private readonly FrameWriter _writer = new FrameWriter();
        private readonly FrameAssembler _assembler = new FrameAssembler();
        private AesCcm _replyCcm;
        private int _length;
        private int _expectLength;

        public SendState State { get; private set; }

        /// <summary>When the current message times out; <see cref="LockTime.Never"/> when nothing waits.</summary>
        public long Deadline { get; private set; } = LockTime.Never;

        /// <summary>The opened reply (<see cref="ReplyLength"/> bytes) once <see cref="State"/> is Replied.</summary>
        public byte[] Reply
        {
            get { return _plain; }
        }

        public int ReplyLength { get; private set; }

        /// <summary>The sealed message (for tests and vectors), <see cref="MessageLength"/> bytes.</summary>
        public byte[] Message
        {
            get { return _message; }
        }

        public int MessageLength
        {
            get { return _length; }
        }

        /// <summary>Seals an entry of ASCII digits under the keypad key; its verdict will come sealed under the same key and counter.</summary>
        public bool SendEntry(AesCcm keypadKey, int id, uint counter, byte[] ascii, int offset, int count, long nowMs)
        {
            if (count < 1 || count > MaxData || id < 0 || id > 255)
            {
                return false;
            }

            KeypadFrame.PutCounted(_message, 0, KeypadFrame.Entry, id, counter);
            _length = KeypadFrame.Seal(keypadKey, _nonce, ascii, offset, count, _message);
            KeypadFrame.PutCounted(_expect, 0, KeypadFrame.Verdict, id, counter);
            _expectLength = KeypadFrame.CountedHeader;
            return Start(keypadKey, nowMs);
        }

        /// <summary>Seals a pairing request: the new keypad key under the pairing code's key, with an 8-byte random nonce.</summary>
        public bool SendPairing(AesCcm codeKey, byte[] nonce8, byte[] keypadKey, long nowMs)
        {
            _message[0] = KeypadFrame.Pairing;
            Array.Copy(nonce8, 0, _message, 1, 8);
            _length = KeypadFrame.Seal(codeKey, _nonce, keypadKey, 0, keypadKey.Length, _message);
            _expect[0] = KeypadFrame.PairingReply;
            Array.Copy(nonce8, 0, _expect, 1, 8);
            _expectLength = KeypadFrame.NoncedHeader;
            return Start(codeKey, nowMs);
        }

        /// <summary>
        /// Pairing only: offers the same request to another lock in range, with a fresh reply window. A pairing request
        /// can go to every lock (only the one holding the code can open it); an entry never goes twice.
        /// </summary>
        public bool SendAgain(long nowMs)
        {
            if (_length == 0 || _message[0] != KeypadFrame.Pairing || (State != SendState.Sent && State != SendState.TimedOut && State != SendState.Pending))
            {
                return false;
            }

            return Start(_replyCcm, nowMs);
        }

        /// <summary>Gives up on the current message (keypad reset, new entry).</summary>
        public void Cancel()
        {
            State = SendState.Idle;
            Deadline = LockTime.Never;
            _replyCcm = null;
            Array.Clear(_plain, 0, _plain.Length);
        }

        /// <summary>Starts cutting the message into fragments of <paramref name="payload"/> bytes for one link (again for another lock in range).</summary>
        public bool Begin(int payload)
        {
            if (State != SendState.Pending && State != SendState.Sent)
            {
                return false;
            }

            _assembler.Reset();
            return _writer.Begin(_message, _length, payload);
        }

        /// <summary>The next fragment to write on channel 2; 0 when the message is out.</summary>
        public int Next(byte[] fragment)
        {
            int n = _writer.Next(fragment);
            if (n == 0 && State == SendState.Pending)
            {
                State = SendState.Sent;
            }

            return n;
        }

        /// <summary>A fragment that arrived on channel 2. Anything but the sealed reply to this message is ignored.</summary>
        public SendState Push(byte[] fragment, int offset, int count, long nowMs)
        {
            Tick(nowMs);
            if (State != SendState.Sent && State != SendState.Pending)
            {
                return State;
            }

            int complete = _assembler.Push(fragment, offset, count);
            if (complete <= _expectLength)
            {
                return State;
            }

            byte[] reply = _assembler.Message;
            for (int i = 0; i < _expectLength; i++)
            {
                if (reply[i] != _expect[i]) return State;
            }

            int n = KeypadFrame.Open(_replyCcm, _nonce, reply, 0, complete, _plain);
            if (n > 0)
            {
                ReplyLength = n;
                State = SendState.Replied;
                Deadline = LockTime.Never;
            }

            return State;
        }

        /// <summary>Times the message out at its deadline.</summary>
        public SendState Tick(long nowMs)
        {
            if ((State == SendState.Pending || State == SendState.Sent) && nowMs >= Deadline)
            {
                State = SendState.TimedOut;
                Deadline = LockTime.Never;
            }

            return State;
        }

        /// <summary>
        /// One turn on a fragment link (loopback TCP, LockSim's in-memory radio, the keypad's GATT client): sends the
        /// pending message once the link is up, then takes every fragment waiting on channel 2.
        /// </summary>
        public SendState Pump(IFragmentLink link, long nowMs)
        {
            if (State == SendState.Pending && link.Connected && Begin(link.Payload))
            {
                int n;
                while ((n = Next(_fragment)) > 0)
                {
                    link.Send(LinkEndpoint.KeypadChannel, _fragment, n);
                }

                // Out: the lock is awake, only its answer is left to wait for.
                if (nowMs + ReplyTimeoutMs < Deadline) Deadline = nowMs + ReplyTimeoutMs;
            }

            int channel, length;
            while (link.TryReceive(_fragment, out channel, out length))
            {
                if (channel == LinkEndpoint.KeypadChannel)
                {
                    Push(_fragment, 0, length, nowMs);
                }
            }

            return Tick(nowMs);
        }

        private bool Start(AesCcm replyKey, long nowMs)
        {
            _replyCcm = replyKey;
            ReplyLength = 0;
            State = SendState.Pending;
            Deadline = nowMs + ReplyWindowMs;
            return true;
        }
    }
}
