using System;

namespace LockFirmware.Core.Protocol
{
    /// <summary>Cuts a message into fragments for a link's payload size (20..244). One writer per channel.</summary>
    public sealed class FrameWriter
    {
        private byte[] _message;
        private int _length;
        private int _sent;
        private int _index;
        private int _payload;

        /// <summary>Starts a message; false when it cannot be framed (empty, too long, bad payload size).</summary>
        public bool Begin(byte[] message, int length, int payload)
        {
            if (message == null || length < 1 || length > Fragments.MaxMessage || length > message.Length
                || payload < Fragments.MinPayload || payload > Fragments.MaxPayload)
            {
                _message = null;
                return false;
            }

            _message = message;
            _length = length;
            _sent = 0;
            _index = 0;
            _payload = payload;
            return true;
        }

        /// <summary>Writes the next fragment into <paramref name="fragment"/> (at least the payload size); returns its length, 0 when done.</summary>
        public int Next(byte[] fragment)
        {
            if (_message == null || _sent >= _length)
            {
                return 0;
            }

            int at = 1;
            byte control = (byte)(_index & Fragments.IndexMask);
            if (_sent == 0)
            {
                control |= Fragments.First;
                fragment[1] = (byte)_length;
                fragment[2] = (byte)(_length >> 8);
                at = 3;
            }

            int take = _payload - at;
            if (take > _length - _sent)
            {
                take = _length - _sent;
            }

            if (_sent + take == _length)
            {
                control |= Fragments.Last;
            }

            fragment[0] = control;
            Array.Copy(_message, _sent, fragment, at, take);
            _sent += take;
            _index++;
            return at + take;
        }
    }
}
