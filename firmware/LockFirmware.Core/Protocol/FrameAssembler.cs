using System;

namespace LockFirmware.Core.Protocol
{
    /// <summary>
    /// Reassembles one message from fragments, strictly: fragments arrive in order, the first announces the
    /// length, the last completes it exactly. Anything else drops the partial message and reports why; the
    /// buffer is preallocated, so no input can make it allocate or grow. One assembler per channel.
    /// </summary>
    public sealed class FrameAssembler
    {
        private readonly byte[] _message = new byte[Fragments.MaxMessage];
        private int _expected = -1;
        private int _have;
        private int _nextIndex;

        /// <summary>The reassembled message after <see cref="Push"/> returned a positive length.</summary>
        public byte[] Message
        {
            get { return _message; }
        }

        /// <summary>
        /// Takes one fragment. Returns the message length when it completed, 0 when more is needed, or a negative
        /// <see cref="FrameError"/> when the fragment was refused (the partial message is dropped).
        /// </summary>
        public int Push(byte[] fragment, int offset, int count)
        {
            if (fragment == null || offset < 0 || count < 1 || offset + count > fragment.Length || count > Fragments.MaxPayload)
            {
                return Fail(FrameError.BadSize);
            }

            byte control = fragment[offset];
            int index = control & Fragments.IndexMask;
            int at = offset + 1;
            int left = count - 1;
            if ((control & Fragments.First) != 0)
            {
                if (left < 2)
                {
                    return Fail(FrameError.BadSize);
                }

                int length = fragment[at] | (fragment[at + 1] << 8);
                if (length < 1 || length > Fragments.MaxMessage)
                {
                    return Fail(FrameError.BadLength);
                }

                if (index != 0)
                {
                    return Fail(FrameError.OutOfOrder);
                }

                _expected = length;
                _have = 0;
                _nextIndex = 0;
                at += 2;
                left -= 2;
            }
            else if (_expected < 0)
            {
                return Fail(FrameError.NoStart);
            }
            else if (index != _nextIndex)
            {
                return Fail(FrameError.OutOfOrder);
            }

            if (_have + left > _expected)
            {
                return Fail(FrameError.Overrun);
            }

            Array.Copy(fragment, at, _message, _have, left);
            _have += left;
            _nextIndex = (_nextIndex + 1) & Fragments.IndexMask;
            if ((control & Fragments.Last) == 0)
            {
                return 0;
            }

            if (_have != _expected)
            {
                return Fail(FrameError.Truncated);
            }

            int done = _expected;
            _expected = -1;
            return done;
        }

        public void Reset()
        {
            _expected = -1;
            _have = 0;
        }

        private int Fail(FrameError error)
        {
            Reset();
            return -(int)error;
        }
    }
}
