using System;
using System.Net;
using System.Net.Sockets;
using LockFirmware.Hal.Ble;

namespace LockFirmware.Hal.Sim.Ble
{
    /// <summary>
    /// The fragment link over TCP on 127.0.0.1 (LockSim's `serve`): each fragment travels as
    /// [channel][length][bytes]. One client at a time; a new connection replaces the old one. Polled, never blocks.
    /// </summary>
    public sealed class LoopbackLink : IFragmentLink, IDisposable
    {
        private readonly TcpListener _listener;
        private TcpClient _client;
        private NetworkStream _stream;
        private readonly byte[] _pending = new byte[2 + 255];
        private int _have;

        /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0: any free port). Throws SocketException when the port is taken.</summary>
        public LoopbackLink(int port, int payload = 244)
        {
            if (payload < 20 || payload > 244) throw new ArgumentOutOfRangeException(nameof(payload));
            Payload = payload;
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Payload { get; }

        public bool Connected => _client != null && _client.Connected;

        public bool TryReceive(byte[] buffer, out int channel, out int length)
        {
            channel = 0;
            length = 0;
            if (_listener.Pending())
            {
                Drop();
                _client = _listener.AcceptTcpClient();
                _client.NoDelay = true;
                _stream = _client.GetStream();
            }

            if (_stream == null)
            {
                return false;
            }

            try
            {
                while (_stream.DataAvailable)
                {
                    int need = _have < 2 ? 2 : 2 + _pending[1];
                    int read = _stream.Read(_pending, _have, need - _have);
                    if (read <= 0) { Drop(); return false; }
                    _have += read;
                    if (_have >= 2 && _have == 2 + _pending[1])
                    {
                        _have = 0;
                        if (_pending[1] == 0 || _pending[1] > buffer.Length)
                        {
                            continue; // no fragment is empty or longer than a BLE payload: drop it whole
                        }

                        channel = _pending[0];
                        length = _pending[1];
                        Array.Copy(_pending, 2, buffer, 0, length);
                        return true;
                    }
                }

                if (_client.Client.Poll(0, SelectMode.SelectRead) && _client.Available == 0)
                {
                    Drop(); // the peer closed
                }
            }
            catch (Exception e) when (e is System.IO.IOException || e is SocketException || e is ObjectDisposedException)
            {
                Drop();
            }

            return false;
        }

        public void Send(int channel, byte[] fragment, int length)
        {
            if (_stream == null) return;
            var frame = new byte[2 + length];
            frame[0] = (byte)channel;
            frame[1] = (byte)length;
            Array.Copy(fragment, 0, frame, 2, length);
            try
            {
                _stream.Write(frame, 0, frame.Length);
            }
            catch (Exception e) when (e is System.IO.IOException || e is SocketException || e is ObjectDisposedException)
            {
                Drop();
            }
        }

        public void Dispose()
        {
            Drop();
            _listener.Stop();
        }

        private void Drop()
        {
            _stream?.Dispose();
            _client?.Dispose();
            _stream = null;
            _client = null;
            _have = 0;
        }
    }
}
