using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.Advertisement;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// Finds the locks in range for pairing: advertisements carrying the LockFirmware service UUID, strongest signal
    /// first (the lock at this door is usually the nearest). Pairing offers its request to each in turn; only the
    /// lock holding the typed code can read it (Core's KeypadPairing).
    /// </summary>
    public sealed class LockScanner
    {
        public const int MaxLocks = 4;
        private readonly ulong[] _addresses = new ulong[MaxLocks];
        private readonly short[] _rssi = new short[MaxLocks];
        private readonly object _gate = new object();
        private BluetoothLEAdvertisementWatcher _watcher;
        private int _count;

        public int Count
        {
            get { lock (_gate) { return _count; } }
        }

        /// <summary>The <paramref name="i"/>-th lock found, strongest first.</summary>
        public ulong Address(int i)
        {
            lock (_gate)
            {
                return i < _count ? _addresses[i] : 0;
            }
        }

        public void Start()
        {
            lock (_gate)
            {
                _count = 0;
            }

            _watcher = new BluetoothLEAdvertisementWatcher();
            _watcher.ScanningMode = BluetoothLEScanningMode.Active;
            _watcher.Received += OnReceived;
            _watcher.Start();
        }

        public void Stop()
        {
            if (_watcher != null)
            {
                _watcher.Stop();
                _watcher.Received -= OnReceived;
                _watcher = null;
            }
        }

        private void OnReceived(BluetoothLEAdvertisementWatcher sender, BluetoothLEAdvertisementReceivedEventArgs args)
        {
            bool ours = false;
            System.Guid[] uuids = args.Advertisement.ServiceUuids;
            for (int i = 0; i < uuids.Length && !ours; i++)
            {
                ours = uuids[i].Equals(GattLink.ServiceUuid);
            }

            if (!ours)
            {
                return;
            }

            lock (_gate)
            {
                int at = 0;
                while (at < _count && _addresses[at] != args.BluetoothAddress) at++;
                if (at == _count)
                {
                    if (_count == MaxLocks) return;
                    _count++;
                }

                _addresses[at] = args.BluetoothAddress;
                _rssi[at] = args.RawSignalStrengthInDBm;

                // Keep strongest first (a few entries: insertion sort).
                while (at > 0 && _rssi[at] > _rssi[at - 1])
                {
                    ulong a = _addresses[at];
                    short r = _rssi[at];
                    _addresses[at] = _addresses[at - 1];
                    _rssi[at] = _rssi[at - 1];
                    _addresses[at - 1] = a;
                    _rssi[at - 1] = r;
                    at--;
                }
            }
        }
    }
}
