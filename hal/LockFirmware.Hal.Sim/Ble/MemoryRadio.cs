using System.Collections.Generic;
using LockFirmware.Hal.Ble;

namespace LockFirmware.Hal.Sim.Ble
{
    /// <summary>
    /// One radio connection in memory between a keypad and a lock (LockSim, tests): two ends of a fragment link,
    /// each receiving what the other sends. <see cref="InRange"/> false drops every fragment both ways and shows
    /// both ends disconnected, as a lock out of range or asleep would. Payload 20: the default BLE MTU, so
    /// messages really are cut into fragments.
    /// </summary>
    public sealed class MemoryRadio
    {
        public MemoryRadio(int payload = 20)
        {
            KeypadEnd = new End(this, payload);
            LockEnd = new End(this, payload);
            KeypadEnd.Peer = LockEnd;
            LockEnd.Peer = KeypadEnd;
        }

        public End KeypadEnd { get; }
        public End LockEnd { get; }
        public bool InRange { get; set; } = true;

        /// <summary>Fragments that crossed, both ways (for tests and the view).</summary>
        public int Carried { get; private set; }

        /// <summary>One end of the connection.</summary>
        public sealed class End : IFragmentLink
        {
            private readonly MemoryRadio _radio;
            private readonly Queue<(int Channel, byte[] Bytes)> _in = new Queue<(int, byte[])>();

            internal End(MemoryRadio radio, int payload)
            {
                _radio = radio;
                Payload = payload;
            }

            internal End Peer { get; set; }

            public int Payload { get; }

            public bool Connected => _radio.InRange;

            /// <summary>Every fragment this end sent on channel 2, as sent (attack tests replay them).</summary>
            public List<byte[]> SentOnKeypadChannel { get; } = new List<byte[]>();

            public bool TryReceive(byte[] buffer, out int channel, out int length)
            {
                channel = 0;
                length = 0;
                if (_in.Count == 0)
                {
                    return false;
                }

                var (c, bytes) = _in.Dequeue();
                channel = c;
                length = bytes.Length;
                bytes.CopyTo(buffer, 0);
                return true;
            }

            public void Send(int channel, byte[] fragment, int length)
            {
                byte[] copy = fragment[..length];
                if (channel == 2) SentOnKeypadChannel.Add(copy);
                if (!_radio.InRange) return;
                _radio.Carried++;
                Peer._in.Enqueue((channel, copy));
            }

            /// <summary>Puts a fragment on the air towards this end as if the peer sent it (replays, forgeries).</summary>
            public void Inject(int channel, byte[] fragment) => _in.Enqueue((channel, (byte[])fragment.Clone()));
        }
    }
}
