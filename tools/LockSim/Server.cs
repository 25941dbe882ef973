using System;
using System.Diagnostics;
using System.Threading;
using LockFirmware.Core.Protocol;
using LockFirmware.Hal.Sim.Ble;

namespace LockFirmware.LockSim
{
    /// <summary>
    /// A headless lock serving the BLE protocol over loopback TCP (`locksim serve`): the same LinkEndpoint the
    /// device's GATT adapter feeds. Runs in real time on its own thread until stopped.
    /// </summary>
    public sealed class Server : IDisposable
    {
        private readonly LoopbackLink _link;
        private readonly LinkEndpoint _endpoint;
        private readonly Thread _thread;
        private volatile bool _stop;

        public Server(SimLock sim, int port)
        {
            Sim = sim;
            _link = new LoopbackLink(port);
            _endpoint = new LinkEndpoint(sim.Core);
            _thread = new Thread(Loop) { IsBackground = true, Name = "locksim-serve" };
        }

        public SimLock Sim { get; }
        public int Port => _link.Port;
        public string Target => $"sim://127.0.0.1:{Port}";

        public void Start() => _thread.Start();

        /// <summary>Holds the inside button long enough to open the setup window (what an installer does on site).</summary>
        public void OpenSetupWindow()
        {
            lock (Sim)
            {
                Sim.SetButton(true);
                Sim.Advance(6000);
                Sim.SetButton(false);
            }
        }

        private void Loop()
        {
            var watch = Stopwatch.StartNew();
            long last = 0;
            while (!_stop)
            {
                bool more;
                lock (Sim)
                {
                    // A bounded batch, then time moves (relock, motor limit) however busy the radio is.
                    more = _endpoint.Poll(_link, Sim.Now) == LinkEndpoint.MaxFragmentsPerPoll;
                    long elapsed = watch.ElapsedMilliseconds;
                    if (elapsed > last)
                    {
                        Sim.Advance(elapsed - last);
                        last = elapsed;
                    }
                }

                if (!more) Thread.Sleep(2);
            }
        }

        public void Dispose()
        {
            _stop = true;
            if (_thread.IsAlive) _thread.Join(2000);
            _link.Dispose();
        }
    }
}
