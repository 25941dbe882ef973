using System;
using System.IO;
using System.Net.Sockets;
using LockFirmware.Core.Protocol;
using LockFirmware.Hal.Ble;

namespace LockFirmware.Hal.Sim.Ble
{
    /// <summary>The client's end of the loopback link (LockCtl, tests): whole messages in and out, fragmented on the wire.</summary>
    public sealed class LoopbackClient : IDisposable
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;
        private readonly FrameWriter _writer = new FrameWriter();
        private readonly FrameAssembler _assembler = new FrameAssembler();
        private readonly byte[] _fragment = new byte[Fragments.MaxPayload];
        private readonly int _payload;

        /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; throws SocketException when nothing listens.</summary>
        public LoopbackClient(int port, int payload = Fragments.MaxPayload, int timeoutMs = 5000)
        {
            _payload = payload;
            _client = new TcpClient();
            _client.Connect("127.0.0.1", port);
            _client.NoDelay = true;
            _client.ReceiveTimeout = timeoutMs;
            _stream = _client.GetStream();
        }

        /// <summary>Sends a whole message on a channel (1 admin, 2 keypad).</summary>
        public void Send(int channel, byte[] message, int length)
        {
            if (!_writer.Begin(message, length, _payload))
            {
                throw new ArgumentException("message cannot be framed");
            }

            int n;
            while ((n = _writer.Next(_fragment)) > 0)
            {
                SendFragment(channel, _fragment, n);
            }
        }

        /// <summary>Sends raw bytes as one fragment (attack tests).</summary>
        public void SendFragment(int channel, byte[] fragment, int length)
        {
            byte[] frame = new byte[2 + length];
            frame[0] = (byte)channel;
            frame[1] = (byte)length;
            Array.Copy(fragment, 0, frame, 2, length);
            _stream.Write(frame, 0, frame.Length);
        }

        /// <summary>Waits for the next whole admin message; returns its bytes. Throws IOException on timeout or a closed link.</summary>
        public byte[] Receive()
        {
            byte[] head = new byte[2];
            while (true)
            {
                ReadExactly(head, 2);
                byte[] body = new byte[head[1]];
                ReadExactly(body, body.Length);
                if (head[0] != LinkEndpoint.AdminChannel)
                {
                    continue; // a keypad verdict for an entry sent earlier on this connection
                }

                int complete = _assembler.Push(body, 0, body.Length);
                if (complete < 0)
                {
                    throw new IOException("the lock sent a malformed fragment");
                }

                if (complete > 0)
                {
                    return _assembler.Message.AsSpan(0, complete).ToArray();
                }
            }
        }

        /// <summary>This connection as a fragment link (the keypad sender pumps it): never blocks when nothing waits.</summary>
        public IFragmentLink AsFragmentLink => _fragments ??= new FragmentView(this);

        private FragmentView _fragments;

        private sealed class FragmentView : IFragmentLink
        {
            private readonly LoopbackClient _c;

            public FragmentView(LoopbackClient c) => _c = c;

            public int Payload => _c._payload;

            public bool Connected => _c._client.Connected;

            public bool TryReceive(byte[] buffer, out int channel, out int length)
            {
                channel = 0;
                length = 0;
                if (!_c._stream.DataAvailable) return false;
                byte[] head = new byte[2];
                _c.ReadExactly(head, 2);
                _c.ReadExactly(buffer, head[1]);
                channel = head[0];
                length = head[1];
                return true;
            }

            public void Send(int channel, byte[] fragment, int length) => _c.SendFragment(channel, fragment, length);
        }

        private void ReadExactly(byte[] buffer, int count)
        {
            int done = 0;
            while (done < count)
            {
                int n = _stream.Read(buffer, done, count - done);
                if (n <= 0)
                {
                    throw new IOException("the lock closed the connection");
                }

                done += n;
            }
        }

        public void Dispose()
        {
            _stream.Dispose();
            _client.Dispose();
        }
    }
}
