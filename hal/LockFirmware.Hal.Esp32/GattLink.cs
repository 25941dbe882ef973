using System;
using LockFirmware.Hal.Ble;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// The fragment link as the GATT service of docs/ble-protocol.md: admin in (write), admin out (notify),
    /// keypad in (write, link encryption required), protocol version (read), keypad out (notify: verdicts and
    /// pairing replies, docs/keypad.md). Writes arrive on the Bluetooth
    /// thread and wait in a small queue until the lock's loop polls; when the queue is full a fragment is
    /// dropped (the protocol above detects the gap and refuses the message).
    /// What nanoFramework.Device.Bluetooth 1.1.123 really does, and why this class looks the way it does:
    /// GattServiceProvider.Create and CreateCharacteristic always report Success (on a firmware without Bluetooth
    /// the library's natives are missing and the app does not load at all, boards/README.md), so there is no
    /// error branch; a write request's Option always reads WriteWithResponse and NimBLE holds every write until the
    /// app answers, so every request is answered; a subscribed client's session always reads MTU 0, and only the
    /// server's session hears the MTU exchange, so the payload follows that session and falls back to the
    /// default ATT MTU (23) at every connect and disconnect.
    /// </summary>
    public sealed class GattLink : IFragmentLink
    {
        public static readonly Guid ServiceUuid = new Guid("6c6f636b-6677-4c46-8000-000000000001");
        public static readonly Guid AdminInUuid = new Guid("6c6f636b-6677-4c46-8000-000000000002");
        public static readonly Guid AdminOutUuid = new Guid("6c6f636b-6677-4c46-8000-000000000003");
        public static readonly Guid KeypadInUuid = new Guid("6c6f636b-6677-4c46-8000-000000000004");
        public static readonly Guid VersionUuid = new Guid("6c6f636b-6677-4c46-8000-000000000005");
        public static readonly Guid KeypadOutUuid = new Guid("6c6f636b-6677-4c46-8000-000000000006");

        private const int DefaultMtu = 23;
        private readonly FragmentQueue _queue = new FragmentQueue(16);
        private readonly Action _received;
        private readonly GattLocalCharacteristic _adminOut;
        private readonly GattLocalCharacteristic _keypadOut;
        private readonly GattSession _session;
        private readonly GattServiceProvider _provider;
        private readonly GattServiceProviderAdvertisingParameters _advertising;
        private bool _radio;
        private int _mtu = DefaultMtu;

        public GattLink(Action received)
        {
            _received = received;
            GattServiceProvider provider = GattServiceProvider.Create(ServiceUuid).ServiceProvider;
            GattLocalService service = provider.Service;
            GattLocalCharacteristic adminIn = Create(service, AdminInUuid, GattCharacteristicProperties.Write | GattCharacteristicProperties.WriteWithoutResponse, GattProtectionLevel.Plain, "admin in");
            _adminOut = Create(service, AdminOutUuid, GattCharacteristicProperties.Notify, GattProtectionLevel.Plain, "admin out");
            GattLocalCharacteristic keypadIn = Create(service, KeypadInUuid, GattCharacteristicProperties.Write, GattProtectionLevel.EncryptionRequired, "keypad in");
            _keypadOut = Create(service, KeypadOutUuid, GattCharacteristicProperties.Notify, GattProtectionLevel.Plain, "keypad out");
            var version = new GattLocalCharacteristicParameters();
            version.CharacteristicProperties = GattCharacteristicProperties.Read;
            version.StaticValue = new Buffer(new byte[] { 1 });
            version.UserDescription = "protocol version";
            service.CreateCharacteristic(VersionUuid, version);

            adminIn.WriteRequested += OnAdminWrite;
            keypadIn.WriteRequested += OnKeypadWrite;
            _session = BluetoothLEServer.Instance.Session;
            _session.SessionStatusChanged += OnSessionStatusChanged;
            _session.MaxPduSizeChanged += OnMaxPduSizeChanged;

            _provider = provider;
            _advertising = new GattServiceProviderAdvertisingParameters();
            _advertising.IsConnectable = true;
            _advertising.IsDiscoverable = true;
            Radio = true;
        }

        /// <summary>
        /// Advertising on or off (the sleep policy's radio windows). Off stops the BLE stack (StopAdvertising disposes
        /// the native service config), which light sleep needs; on starts it again.
        /// </summary>
        public bool Radio
        {
            get { return _radio; }
            set
            {
                if (value == _radio)
                {
                    return;
                }

                _radio = value;
                if (value)
                {
                    _provider.StartAdvertising(_advertising);
                }
                else
                {
                    _provider.StopAdvertising();
                }
            }
        }

        public int Payload
        {
            get
            {
                int payload = _mtu - 3;
                return payload < 20 ? 20 : (payload > FragmentQueue.MaxFragment ? FragmentQueue.MaxFragment : payload);
            }
        }

        public bool Connected
        {
            get { return _adminOut.SubscribedClients.Length > 0; }
        }

        public bool TryReceive(byte[] buffer, out int channel, out int length)
        {
            return _queue.TryTake(buffer, out channel, out length);
        }

        public void Send(int channel, byte[] fragment, int length)
        {
            byte[] value = new byte[length];
            Array.Copy(fragment, 0, value, 0, length);
            (channel == 2 ? _keypadOut : _adminOut).NotifyValue(new Buffer(value));
        }

        private void OnAdminWrite(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            Enqueue(1, args);
        }

        private void OnKeypadWrite(GattLocalCharacteristic sender, GattWriteRequestedEventArgs args)
        {
            Enqueue(2, args);
        }

        private void Enqueue(int channel, GattWriteRequestedEventArgs args)
        {
            GattWriteRequest request = args.GetRequest();
            _queue.Add(channel, request.Value);
            request.Respond();

            if (_received != null)
            {
                _received();
            }
        }

        private void OnSessionStatusChanged(object sender, GattSessionStatusChangedEventArgs args)
        {
            // A new peer (or none) starts at the default MTU until it exchanges a larger one.
            _mtu = DefaultMtu;
        }

        private void OnMaxPduSizeChanged(object sender, EventArgs args)
        {
            _mtu = _session.MaxMtuSize;
        }

        private static GattLocalCharacteristic Create(GattLocalService service, Guid uuid, GattCharacteristicProperties properties, GattProtectionLevel write, string description)
        {
            var parameters = new GattLocalCharacteristicParameters();
            parameters.CharacteristicProperties = properties;
            parameters.WriteProtectionLevel = write;
            parameters.UserDescription = description;
            return service.CreateCharacteristic(uuid, parameters).Characteristic;
        }
    }
}
