using System;
using LockFirmware.Hal.Ble;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// The fragment link as the GATT service of docs/ble-protocol.md: admin in (write), admin out (notify),
    /// keypad in (write, link encryption required), protocol version (read), keypad out (notify: verdicts). Writes arrive on the Bluetooth
    /// thread and wait in a small queue until the lock's loop polls; when the queue is full a fragment is
    /// dropped (the protocol above detects the gap and refuses the message).
    /// </summary>
    public sealed class GattLink : IFragmentLink
    {
        public static readonly Guid ServiceUuid = new Guid("6c6f636b-6677-4c46-8000-000000000001");
        public static readonly Guid AdminInUuid = new Guid("6c6f636b-6677-4c46-8000-000000000002");
        public static readonly Guid AdminOutUuid = new Guid("6c6f636b-6677-4c46-8000-000000000003");
        public static readonly Guid KeypadInUuid = new Guid("6c6f636b-6677-4c46-8000-000000000004");
        public static readonly Guid VersionUuid = new Guid("6c6f636b-6677-4c46-8000-000000000005");
        public static readonly Guid KeypadOutUuid = new Guid("6c6f636b-6677-4c46-8000-000000000006");

        private readonly FragmentQueue _queue = new FragmentQueue(16);
        private readonly Action _received;
        private readonly GattLocalCharacteristic _adminOut;
        private readonly GattLocalCharacteristic _keypadOut;

        public GattLink(Action received)
        {
            _received = received;
            GattServiceProviderResult result = GattServiceProvider.Create(ServiceUuid);
            if (result.Error != BluetoothError.Success)
            {
                throw new InvalidOperationException("Bluetooth is not available (flash a BLE firmware: see boards/)");
            }

            GattServiceProvider provider = result.ServiceProvider;
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

            var advertising = new GattServiceProviderAdvertisingParameters();
            advertising.IsConnectable = true;
            advertising.IsDiscoverable = true;
            provider.StartAdvertising(advertising);
        }

        public int Payload
        {
            get
            {
                GattSubscribedClient[] clients = _adminOut.SubscribedClients;
                if (clients.Length == 0)
                {
                    return 20;
                }

                int payload = clients[0].Session.MaxMtuSize - 3;
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

            if (request.Option == GattWriteOption.WriteWithResponse)
            {
                request.Respond();
            }

            if (_received != null)
            {
                _received();
            }
        }

        private static GattLocalCharacteristic Create(GattLocalService service, Guid uuid, GattCharacteristicProperties properties, GattProtectionLevel write, string description)
        {
            var parameters = new GattLocalCharacteristicParameters();
            parameters.CharacteristicProperties = properties;
            parameters.WriteProtectionLevel = write;
            parameters.UserDescription = description;
            GattLocalCharacteristicResult result = service.CreateCharacteristic(uuid, parameters);
            if (result.Error != BluetoothError.Success)
            {
                throw new InvalidOperationException("could not create characteristic " + description);
            }

            return result.Characteristic;
        }
    }
}
