using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// A bench's line link to a virtual ESP32 host (docs/virtual-esp32.md, the bench protocol), shared by the lock's
    /// and the keypad's benches. It attaches as soon as the host listens (the host may still be starting, and the
    /// inputs must be there before the app reads its pins), hands each line the host sends to a reader thread's
    /// callback, and attaches again when the chip resets (a deep sleep restarts the host on the same port).
    /// </summary>
    public sealed class BenchLink : IDisposable
    {
        private const int AttachSeconds = 30;
        private readonly int _port;
        private readonly Action<string> _onLine;
        private readonly Action _onReattached;
        private volatile bool _stopped;
        private TcpClient _client;
        private StreamWriter _writer;

        /// <param name="onLine">Each line from the host, on the reader thread.</param>
        /// <param name="onReattached">After a reset, once attached again: the hardware's levels are sent again here.</param>
        public BenchLink(int port, string name, Action<string> onLine, Action onReattached = null)
        {
            _port = port;
            _onLine = onLine;
            _onReattached = onReattached;
            StreamReader reader = Attach(1) ?? throw new IOException($"no virtual ESP32 bench on 127.0.0.1:{port}");
            new Thread(() => Read(reader)) { IsBackground = true, Name = name }.Start();
        }

        /// <summary>Sends one line; a line sent while the chip resets is lost, as a level change would be.</summary>
        public void Send(string line)
        {
            StreamWriter writer = _writer;
            lock (writer)
            {
                try
                {
                    writer.WriteLine(line);
                }
                catch (IOException)
                {
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }

        public void Dispose()
        {
            _stopped = true;
            _client?.Dispose();
        }

        private StreamReader Attach(int retryMs)
        {
            var end = DateTime.UtcNow.AddSeconds(AttachSeconds);
            while (!_stopped && DateTime.UtcNow < end)
            {
                try
                {
                    var client = new TcpClient();
                    client.Connect("127.0.0.1", _port);
                    client.NoDelay = true;
                    var stream = client.GetStream();
                    _client = client;
                    _writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
                    return new StreamReader(stream);
                }
                catch (SocketException)
                {
                    Thread.Sleep(retryMs);
                }
            }

            return null;
        }

        private void Read(StreamReader reader)
        {
            while (!_stopped && reader != null)
            {
                try
                {
                    string line;
                    while (!_stopped && (line = reader.ReadLine()) != null)
                    {
                        _onLine(line);
                    }
                }
                catch (IOException)
                {
                }
                catch (ObjectDisposedException)
                {
                }

                reader = _stopped ? null : Attach(20);
                if (reader != null) _onReattached?.Invoke();
            }
        }
    }
}
