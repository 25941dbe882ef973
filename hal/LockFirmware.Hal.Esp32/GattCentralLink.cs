using System;
using LockFirmware.Hal.Ble;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// The keypad's end of the fragment link: a GATT client of one lock's service (docs/ble-protocol.md). Channel-2
    /// fragments go out as writes with response on "keypad in"; the lock's verdicts arrive as notifications on
    /// "keypad out" and wait in a small queue until the keypad's loop polls. What the library really does (read at
    /// v1.1.123): BluetoothLEDevice connects lazily on the first GATT call and reports Success even when the connect
    /// timed out, so <see cref="Connected"/> reads ConnectionStatus instead; a write refused for want of link
    /// encryption makes the library pair (Just Works) and retry once, which is how "keypad in" gets its encrypted link.
    /// </summary>
    public sealed class GattCentralLink : IFragmentLink
    {
        private readonly FragmentQueue _queue = new FragmentQueue(8);
        private readonly Action _received;
        private BluetoothLEDevice _device;
        private GattDeviceService _service;
        private GattCharacteristic _keypadIn;
        private GattCharacteristic _keypadOut;

        public GattCentralLink(Action received)
        {
            _received = received;
        }

        /// <summary>The address of the lock this link is open to (0: none).</summary>
        public ulong Peer { get; private set; }

        /// <summary>The library does not expose the client's MTU: the default ATT payload, always safe.</summary>
        public int Payload
        {
            get { return 20; }
        }

        public bool Connected
        {
            get { return _keypadIn != null && _device != null && _device.ConnectionStatus == BluetoothConnectionStatus.Connected; }
        }

        /// <summary>Connects to the lock at <paramref name="address"/> and subscribes to its verdicts; false when it is not there (yet).</summary>
        public bool Connect(ulong address)
        {
            if (Peer == address && Connected)
            {
                return true;
            }

            Close();
            Peer = address;
            _device = BluetoothLEDevice.FromBluetoothAddress(address, BluetoothAddressType.Public);
            GattDeviceServicesResult services;
            try
            {
                services = _device.GetGattServicesForUuid(GattLink.ServiceUuid);
            }
            catch (Exception e)
            {
                // v1.1.123 with the lock out of range: the connect times out after 7 s, the library still marks the
                // device connected, and service discovery on the connection the native already forgot faults
                // (NullReferenceException). Found on the virtual ESP32 (docs/virtual-esp32.md, central role).
                Console.WriteLine("keypad: lock not reachable (" + e.GetType().FullName + ")");
                Close();
                return false;
            }

            if (services.Status != GattCommunicationStatus.Success || services.Services.Length == 0)
            {
                Close();
                return false;
            }

            _service = services.Services[0];
            _keypadIn = Characteristic(GattLink.KeypadInUuid);
            _keypadOut = Characteristic(GattLink.KeypadOutUuid);
            if (_keypadIn == null)
            {
                Close();
                return false;
            }

            // A lock from before verdicts has no "keypad out": entries still work, the keypad shows "unreachable".
            if (_keypadOut != null)
            {
                _keypadOut.ValueChanged += OnNotified;
                _keypadOut.WriteClientCharacteristicConfigurationDescriptorWithResult(GattClientCharacteristicConfigurationDescriptorValue.Notify, GattWriteOption.WriteWithResponse);
            }

            return Connected;
        }

        public void Close()
        {
            if (_keypadOut != null)
            {
                _keypadOut.ValueChanged -= OnNotified;
            }

            if (_device != null)
            {
                _device.Close();
                _device.Dispose();
            }

            _device = null;
            _service = null;
            _keypadIn = null;
            _keypadOut = null;
            Peer = 0;
            _queue.Clear();
        }

        public bool TryReceive(byte[] buffer, out int channel, out int length)
        {
            return _queue.TryTake(buffer, out channel, out length);
        }

        public void Send(int channel, byte[] fragment, int length)
        {
            if (channel != 2 || _keypadIn == null)
            {
                return;
            }

            byte[] value = new byte[length];
            Array.Copy(fragment, 0, value, 0, length);
            GattWriteResult result = _keypadIn.WriteValueWithResult(new Buffer(value), GattWriteOption.WriteWithResponse);
            if (result.Status != GattCommunicationStatus.Success)
            {
                Close(); // the message is incomplete at the lock; its assembler drops it at the next message
            }
        }

        private GattCharacteristic Characteristic(Guid uuid)
        {
            GattCharacteristicsResult result = _service.GetCharacteristicsForUuid(uuid);
            return result.Status == GattCommunicationStatus.Success && result.Characteristics.Length > 0 ? result.Characteristics[0] : null;
        }

        private void OnNotified(GattCharacteristic sender, GattValueChangedEventArgs args)
        {
            _queue.Add(2, args.CharacteristicValue);
            if (_received != null)
            {
                _received();
            }
        }
    }
}
