using System;
using LockFirmware.Hal.Ble;

namespace LockFirmware.Core.Protocol
{
    /// <summary>
    /// The lock's end of a fragment link: reassembles each channel's messages, hands them to LockCore, and
    /// fragments the replies. The same code serves the GATT adapter and loopback TCP.
    /// One poll handles at most <see cref="MaxFragmentsPerPoll"/> fragments, so a flood on the radio cannot keep
    /// the loop from its tick (relock, motor limit). A message that throws is logged as a
    /// <see cref="Storage.EventType.SoftwareFault"/>, ends the admin session, and the loop carries on: one bad
    /// message never stops the lock. Tests that call LockCore directly still see every exception.
    /// </summary>
    public sealed class LinkEndpoint
    {
        public const int AdminChannel = 1;
        public const int KeypadChannel = 2;

        /// <summary>Fragments one poll takes at most (a 1,024-byte message in 20-byte fragments is 52).</summary>
        public const int MaxFragmentsPerPoll = 64;

        private readonly LockCore _lock;
        private readonly FrameAssembler _admin = new FrameAssembler();
        private readonly FrameAssembler _keypad = new FrameAssembler();
        private readonly FrameWriter _writer = new FrameWriter();
        private readonly byte[] _fragment = new byte[Fragments.MaxPayload];
        private bool _wasConnected;

        public LinkEndpoint(LockCore lockCore)
        {
            _lock = lockCore;
        }

        /// <summary>Messages that threw (each logged as a SoftwareFault).</summary>
        public int Faults { get; private set; }

        /// <summary>The last exception a message threw (null when none): for a debugger or the console.</summary>
        public Exception LastFault { get; private set; }

        /// <summary>
        /// Handles the fragments waiting on the link, at most <see cref="MaxFragmentsPerPoll"/>; returns how many.
        /// When it returns the maximum more may wait: tick, then poll again without sleeping.
        /// </summary>
        public int Poll(IFragmentLink link, long nowMs)
        {
            if (_wasConnected && !link.Connected)
            {
                _lock.Admin.End();
                _admin.Reset();
                _keypad.Reset();
            }

            _wasConnected = link.Connected;
            int handled = 0;
            int channel, length;
            while (handled < MaxFragmentsPerPoll && link.TryReceive(_fragment, out channel, out length))
            {
                handled++;
                try
                {
                    // A message may have set the clock: each one runs at the clock's time, not the batch's.
                    nowMs = _lock.Now(nowMs);
                    Handle(link, channel, length, nowMs);
                }
                catch (Exception e)
                {
                    Faults++;
                    LastFault = e;
                    _lock.Admin.End();
                    _admin.Reset();
                    _keypad.Reset();
                    _lock.Log.Append(Storage.EventType.SoftwareFault, nowMs, (uint)channel);
                }
            }

            return handled;
        }

        private void Handle(IFragmentLink link, int channel, int length, long nowMs)
        {
            FrameAssembler assembler = channel == AdminChannel ? _admin : channel == KeypadChannel ? _keypad : null;
            if (assembler == null)
            {
                return;
            }

            int complete = assembler.Push(_fragment, 0, length);
            if (complete < 0)
            {
                _lock.Rejections.Append(Storage.EventType.FrameRejected, nowMs, (uint)((channel << 8) | -complete));
                return;
            }

            if (complete == 0)
            {
                return;
            }

            if (channel == KeypadChannel)
            {
                // The verdict (or pairing reply) goes back on the keypad channel; keypads that do not listen miss nothing.
                _lock.KeypadMessage(assembler.Message, 0, complete, nowMs);
                Reply(link, KeypadChannel, _lock.KeypadReply, _lock.KeypadReplyLength);
                return;
            }

            int reply = _lock.AdminMessage(assembler.Message, 0, complete, nowMs);
            Reply(link, AdminChannel, _lock.Admin.Reply, reply);
        }

        private void Reply(IFragmentLink link, int channel, byte[] message, int length)
        {
            if (length > 0 && _writer.Begin(message, length, link.Payload))
            {
                int n;
                while ((n = _writer.Next(_fragment)) > 0)
                {
                    link.Send(channel, _fragment, n);
                }
            }
        }
    }
}
