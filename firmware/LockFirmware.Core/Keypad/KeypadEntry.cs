using System;
using LockFirmware.Core.Common;

namespace LockFirmware.Core.Keypad
{
    /// <summary>
    /// What the person at the door has typed so far: digits, '*' clears, '#' sends. Masking digits are fine: the
    /// buffer keeps the last <see cref="Capacity"/> digits (the access-code spec's longest entry, code plus masking),
    /// so extra digits typed before the code drop off the front and never spoil it. An entry left alone for
    /// the idle timeout (<see cref="IdleTimeoutMs"/> for codes) is wiped, so the next person does not continue someone else's digits. Driven by
    /// <c>now</c>; allocates nothing after construction.
    /// </summary>
    public sealed class KeypadEntry
    {
        public const char ClearKey = '*';
        public const char SendKey = '#';
        /// <summary>How long a code entry lives without a key press.</summary>
        public const long IdleTimeoutMs = 15000;

        private readonly byte[] _digits;
        private readonly long _idleMs;
        private long _lastKeyMs;

        public KeypadEntry(int capacity, long idleTimeoutMs)
        {
            _digits = new byte[capacity];
            _idleMs = idleTimeoutMs;
        }

        public int Capacity
        {
            get { return _digits.Length; }
        }

        /// <summary>The digits typed (ASCII), <see cref="Count"/> of them, oldest first.</summary>
        public byte[] Digits
        {
            get { return _digits; }
        }

        public int Count { get; private set; }

        /// <summary>When the entry will be wiped for idleness; <see cref="LockTime.Never"/> when empty.</summary>
        public long Deadline
        {
            get { return Count == 0 ? LockTime.Never : _lastKeyMs + _idleMs; }
        }

        /// <summary>One key press: '0'-'9' adds a digit, '*' clears, '#' asks to send (only when digits are there).</summary>
        public KeyAction Press(char key, long nowMs)
        {
            Expire(nowMs);
            _lastKeyMs = nowMs;
            if (key >= '0' && key <= '9')
            {
                if (Count == _digits.Length)
                {
                    Array.Copy(_digits, 1, _digits, 0, Count - 1);
                    Count--;
                }

                _digits[Count++] = (byte)key;
                return KeyAction.Digit;
            }

            if (key == ClearKey)
            {
                Clear();
                return KeyAction.Cleared;
            }

            if (key == SendKey && Count > 0)
            {
                return KeyAction.Send;
            }

            return KeyAction.None;
        }

        /// <summary>Wipes the entry if it has been idle too long; true when it did.</summary>
        public bool Expire(long nowMs)
        {
            if (Count > 0 && nowMs >= _lastKeyMs + _idleMs)
            {
                Clear();
                return true;
            }

            return false;
        }

        /// <summary>Forgets the digits (and zeroes them: a code must not linger in RAM).</summary>
        public void Clear()
        {
            Array.Clear(_digits, 0, _digits.Length);
            Count = 0;
        }
    }
}
