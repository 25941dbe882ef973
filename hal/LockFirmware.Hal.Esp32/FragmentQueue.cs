using System;
using nanoFramework.Device.Bluetooth;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// Fragments that arrived on the Bluetooth thread (GATT writes on the lock, notifications on the keypad), waiting
    /// until the app's loop polls. Preallocated; when full a fragment is dropped (the framing above detects the gap
    /// and refuses the message).
    /// </summary>
    public sealed class FragmentQueue
    {
        public const int MaxFragment = 244;
        private readonly byte[][] _queue;
        private readonly int[] _lengths;
        private readonly int[] _channels;
        private readonly object _gate = new object();
        private int _head, _count;

        public FragmentQueue(int size)
        {
            _queue = new byte[size][];
            _lengths = new int[size];
            _channels = new int[size];
            for (int i = 0; i < size; i++)
            {
                _queue[i] = new byte[MaxFragment];
            }
        }

        /// <summary>Queues the bytes of a GATT value on <paramref name="channel"/> (empty or oversized values are dropped).</summary>
        public void Add(int channel, Buffer value)
        {
            DataReader reader = DataReader.FromBuffer(value);
            uint length = reader.UnconsumedBufferLength;
            if (length == 0 || length > MaxFragment)
            {
                return;
            }

            byte[] bytes = new byte[length];
            reader.ReadBytes(bytes);
            lock (_gate)
            {
                if (_count < _queue.Length)
                {
                    int slot = (_head + _count) % _queue.Length;
                    Array.Copy(bytes, 0, _queue[slot], 0, bytes.Length);
                    _lengths[slot] = bytes.Length;
                    _channels[slot] = channel;
                    _count++;
                }
            }
        }

        public bool TryTake(byte[] buffer, out int channel, out int length)
        {
            lock (_gate)
            {
                channel = 0;
                length = 0;
                if (_count == 0)
                {
                    return false;
                }

                channel = _channels[_head];
                length = _lengths[_head];
                Array.Copy(_queue[_head], 0, buffer, 0, length);
                _head = (_head + 1) % _queue.Length;
                _count--;
                return true;
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _count = 0;
            }
        }
    }
}
