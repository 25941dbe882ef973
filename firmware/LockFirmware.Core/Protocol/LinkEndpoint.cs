using LockFirmware.Hal.Ble;

namespace LockFirmware.Core.Protocol
{
    /// <summary>
    /// The lock's end of a fragment link: reassembles each channel's messages, hands them to LockCore, and
    /// fragments the replies. The same code serves the GATT adapter and loopback TCP.
    /// </summary>
    public sealed class LinkEndpoint
    {
        public const int AdminChannel = 1;
        public const int KeypadChannel = 2;

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

        /// <summary>Handles every fragment waiting on the link; returns how many.</summary>
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
            while (link.TryReceive(_fragment, out channel, out length))
            {
                handled++;
                FrameAssembler assembler = channel == AdminChannel ? _admin : channel == KeypadChannel ? _keypad : null;
                if (assembler == null)
                {
                    continue;
                }

                int complete = assembler.Push(_fragment, 0, length);
                if (complete < 0)
                {
                    _lock.Rejections.Append(Storage.EventType.FrameRejected, nowMs, (uint)((channel << 8) | -complete));
                    continue;
                }

                if (complete == 0)
                {
                    continue;
                }

                if (channel == KeypadChannel)
                {
                    // The verdict (or pairing reply) goes back on the keypad channel; keypads that do not listen miss nothing.
                    _lock.KeypadMessage(assembler.Message, 0, complete, nowMs);
                    Reply(link, KeypadChannel, _lock.KeypadReply, _lock.KeypadReplyLength);
                    continue;
                }

                int reply = _lock.AdminMessage(assembler.Message, 0, complete, nowMs);
                Reply(link, AdminChannel, _lock.Admin.Reply, reply);
            }

            return handled;
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
