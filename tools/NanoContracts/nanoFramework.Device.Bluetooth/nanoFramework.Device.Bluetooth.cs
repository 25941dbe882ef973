// Contract of nanoFramework.Device.Bluetooth 1.1.123 (tag v1.1.123), only the members the GATT adapters use
// (the lock's GATT server, the keypad's GATT client), in the order of the source files (alphabetical by folder)
// and of their members.
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.1.123.0")]

namespace nanoFramework.Device.Bluetooth
{
    // BluetoothAddressType.cs
    public enum BluetoothAddressType
    {
        Public = 0,
        Random = 1,
        Unspecified = 2
    }

    // BluetoothConnectionStatus.cs
    public enum BluetoothConnectionStatus
    {
        Disconnected = 0,
        Connected = 1
    }

    // BluetoothError.cs
    public enum BluetoothError
    {
        Success = 0,
        RadioNotAvailable = 1,
        ResourceInUse = 2,
        DeviceNotConnected = 3,
        OtherError = 4,
        DisabledByPolicy = 5,
        NotSupported = 6,
        DisabledByUser = 7,
        ConsentRequired = 8,
        TransportNotSupported = 9
    }

    // BluetoothLEAdvertisementWatcher.cs
    public class BluetoothLEAdvertisementWatcher
    {
        public delegate void BluetoothLEAdvertisementReceivedHandler(BluetoothLEAdvertisementWatcher sender, nanoFramework.Device.Bluetooth.Advertisement.BluetoothLEAdvertisementReceivedEventArgs args);
        public BluetoothLEAdvertisementWatcher() { throw new NotSupportedException(); }
        public void Start() { throw new NotSupportedException(); }
        public void Stop() { throw new NotSupportedException(); }
        public nanoFramework.Device.Bluetooth.Advertisement.BluetoothLEScanningMode ScanningMode { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public event BluetoothLEAdvertisementReceivedHandler Received { add { throw new NotSupportedException(); } remove { throw new NotSupportedException(); } }
    }

    // BluetoothLEDevice.cs
    public class BluetoothLEDevice : IDisposable
    {
        internal BluetoothLEDevice() { }
        public void Close() { throw new NotSupportedException(); }
        public nanoFramework.Device.Bluetooth.GenericAttributeProfile.GattDeviceServicesResult GetGattServicesForUuid(Guid serviceUuid) { throw new NotSupportedException(); }
        public static BluetoothLEDevice FromBluetoothAddress(ulong bluetoothAddress, BluetoothAddressType bluetoothAddressType) { throw new NotSupportedException(); }
        public BluetoothConnectionStatus ConnectionStatus { get { throw new NotSupportedException(); } }
        public void Dispose() { throw new NotSupportedException(); }
    }

    // BluetoothLEServer.cs
    public class BluetoothLEServer
    {
        private BluetoothLEServer() { }
        public static BluetoothLEServer Instance { get { throw new NotSupportedException(); } }
        public GenericAttributeProfile.GattSession Session { get { throw new NotSupportedException(); } }
    }

    // IO/Buffer.cs
    public class Buffer
    {
        public Buffer(uint capacity) { throw new NotSupportedException(); }
        public Buffer(byte[] array) { throw new NotSupportedException(); }
        public uint Length { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
    }

    // IO/DataReader.cs
    public class DataReader
    {
        private DataReader() { }
        public static DataReader FromBuffer(Buffer buffer) { throw new NotSupportedException(); }
        public uint UnconsumedBufferLength { get { throw new NotSupportedException(); } }
        public void ReadBytes(Byte[] value) { throw new NotSupportedException(); }
    }
}

namespace nanoFramework.Device.Bluetooth.Advertisement
{
    // Advertisement/BluetoothLEAdvertisement.cs
    public class BluetoothLEAdvertisement
    {
        public BluetoothLEAdvertisement() { throw new NotSupportedException(); }
        public Guid[] ServiceUuids { get { throw new NotSupportedException(); } }
    }

    // Advertisement/BluetoothLEAdvertisementReceivedEventArgs.cs
    public class BluetoothLEAdvertisementReceivedEventArgs
    {
        private BluetoothLEAdvertisementReceivedEventArgs() { }
        public BluetoothLEAdvertisement Advertisement { get { throw new NotSupportedException(); } }
        public ulong BluetoothAddress { get { throw new NotSupportedException(); } }
        public nanoFramework.Device.Bluetooth.BluetoothAddressType BluetoothAddressType { get { throw new NotSupportedException(); } }
        public short RawSignalStrengthInDBm { get { throw new NotSupportedException(); } }
    }

    // BluetoothLEScanningMode.cs (in this namespace, though the file sits at the root)
    public enum BluetoothLEScanningMode
    {
        Passive = 0,
        Active = 1
    }
}

namespace nanoFramework.Device.Bluetooth.GenericAttributeProfile
{
    // GattCharacteristic.cs
    public class GattCharacteristic
    {
        private GattCharacteristic() { }
        public delegate void GattCharacteristicVlaueChangedEventHandler(GattCharacteristic sender, GattValueChangedEventArgs valueChangedEventArgs);
        public GattWriteResult WriteValueWithResult(Buffer value, GattWriteOption writeOption = GattWriteOption.WriteWithoutResponse) { throw new NotSupportedException(); }
        public GattWriteResult WriteClientCharacteristicConfigurationDescriptorWithResult(GattClientCharacteristicConfigurationDescriptorValue clientCharacteristicConfigurationDescriptorValue, GattWriteOption gattWriteOption = GattWriteOption.WriteWithoutResponse) { throw new NotSupportedException(); }
        public event GattCharacteristicVlaueChangedEventHandler ValueChanged { add { throw new NotSupportedException(); } remove { throw new NotSupportedException(); } }
    }

    // GattCharacteristicProperties.cs
    [Flags]
    public enum GattCharacteristicProperties : uint
    {
        None = 0,
        Broadcast = 1,
        Read = 2,
        WriteWithoutResponse = 4,
        Write = 8,
        Notify = 16,
        Indicate = 32,
        AuthenticatedSignedWrites = 64,
        ExtendedProperties = 128,
        ReliableWrites = 256,
        WritableAuxiliaries = 512
    }

    // GattCharacteristicResult.cs
    public class GattCharacteristicsResult
    {
        private GattCharacteristicsResult() { }
        public GattCharacteristic[] Characteristics { get { throw new NotSupportedException(); } }
        public GattCommunicationStatus Status { get { throw new NotSupportedException(); } }
    }

    // GattClientCharacteristicConfigurationDescriptorValue.cs
    public enum GattClientCharacteristicConfigurationDescriptorValue
    {
        None = 0,
        Notify = 1,
        Indicate = 2
    }

    // GattClientNotificationResult.cs
    public class GattClientNotificationResult
    {
        private GattClientNotificationResult() { }
    }

    // GattCommunicationStatus.cs
    public enum GattCommunicationStatus
    {
        Success = 0,
        Unreachable = 1,
        ProtocolError = 2,
        AccessDenied = 3
    }

    // GattDeviceService.cs
    public class GattDeviceService : IDisposable
    {
        private GattDeviceService() { }
        public void Dispose() { throw new NotSupportedException(); }
        public GattCharacteristicsResult GetCharacteristicsForUuid(Guid characteristicUuid) { throw new NotSupportedException(); }
    }

    // GattDeviceServicesResult.cs
    public class GattDeviceServicesResult
    {
        private GattDeviceServicesResult() { }
        public GattDeviceService[] Services { get { throw new NotSupportedException(); } }
        public GattCommunicationStatus Status { get { throw new NotSupportedException(); } }
    }

    // GattLocalCharacteristic.cs
    public class GattLocalCharacteristic
    {
        private GattLocalCharacteristic() { }
        public delegate void GattLocalCharacteristicReadEventHandler(GattLocalCharacteristic sender, GattReadRequestedEventArgs ReadRequestEventArgs);
        public delegate void GattLocalCharacteristicWriteEventHandler(GattLocalCharacteristic sender, GattWriteRequestedEventArgs WriteRequestEventArgs);
        public delegate void GattLocalCharacteristicClientsChangedEventHandler(GattLocalCharacteristic sender, object args);
        public GattClientNotificationResult[] NotifyValue(Buffer value) { throw new NotSupportedException(); }
        public GattSubscribedClient[] SubscribedClients { get { throw new NotSupportedException(); } }
        public event GattLocalCharacteristicWriteEventHandler WriteRequested { add { throw new NotSupportedException(); } remove { throw new NotSupportedException(); } }
        public event GattLocalCharacteristicClientsChangedEventHandler SubscribedClientsChanged { add { throw new NotSupportedException(); } remove { throw new NotSupportedException(); } }
    }

    // GattLocalCharacteristicParameters.cs
    public class GattLocalCharacteristicParameters
    {
        public GattLocalCharacteristicParameters() { throw new NotSupportedException(); }
        public GattProtectionLevel WriteProtectionLevel { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public string UserDescription { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public Buffer StaticValue { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public GattCharacteristicProperties CharacteristicProperties { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
    }

    // GattLocalCharacteristicResult.cs
    public class GattLocalCharacteristicResult
    {
        private GattLocalCharacteristicResult() { }
        public GattLocalCharacteristic Characteristic { get { throw new NotSupportedException(); } }
        public BluetoothError Error { get { throw new NotSupportedException(); } }
    }

    // GattLocalService.cs
    public class GattLocalService
    {
        private GattLocalService() { }
        public GattLocalCharacteristicResult CreateCharacteristic(Guid characteristicUuid, GattLocalCharacteristicParameters parameters) { throw new NotSupportedException(); }
    }

    // GattProtectionLevel.cs
    public enum GattProtectionLevel
    {
        Plain = 0,
        AuthenticationRequired = 1,
        EncryptionRequired = 2,
        EncryptionAndAuthenticationRequired = 3
    }

    // GattReadRequestedEventArgs.cs
    public class GattReadRequestedEventArgs
    {
        private GattReadRequestedEventArgs() { }
    }

    // GattServiceProvider.cs
    public class GattServiceProvider
    {
        private GattServiceProvider() { }
        public void StartAdvertising(GattServiceProviderAdvertisingParameters parameters) { throw new NotSupportedException(); }
        public void StopAdvertising() { throw new NotSupportedException(); }
        public static GattServiceProviderResult Create(Guid serviceUuid) { throw new NotSupportedException(); }
        public GattLocalService Service { get { throw new NotSupportedException(); } }
    }

    // GattServiceProviderAdvertisingParameters.cs
    public class GattServiceProviderAdvertisingParameters
    {
        public GattServiceProviderAdvertisingParameters() { throw new NotSupportedException(); }
        public bool IsDiscoverable { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public bool IsConnectable { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
    }

    // GattServiceProviderResult.cs
    public class GattServiceProviderResult
    {
        private GattServiceProviderResult() { }
        public BluetoothError Error { get { throw new NotSupportedException(); } }
        public GattServiceProvider ServiceProvider { get { throw new NotSupportedException(); } }
    }

    // GattSession.cs
    public class GattSession
    {
        private GattSession() { }
        public delegate void GattSessionStatusChangedEventHandler(Object sender, GattSessionStatusChangedEventArgs args);
        public event GattSessionStatusChangedEventHandler SessionStatusChanged { add { throw new NotSupportedException(); } remove { throw new NotSupportedException(); } }
        public event EventHandler MaxPduSizeChanged { add { throw new NotSupportedException(); } remove { throw new NotSupportedException(); } }
        public ushort MaxMtuSize { get { throw new NotSupportedException(); } }
    }

    // GattSessionStatusChangedEventArgs.cs
    public class GattSessionStatusChangedEventArgs
    {
        private GattSessionStatusChangedEventArgs() { }
    }

    // GattSubscribedClient.cs
    public class GattSubscribedClient
    {
        private GattSubscribedClient() { }
        public GattSession Session { get { throw new NotSupportedException(); } }
    }

    // GattValueChangedEventArgs.cs
    public class GattValueChangedEventArgs
    {
        private GattValueChangedEventArgs() { }
        public Buffer CharacteristicValue { get { throw new NotSupportedException(); } }
    }

    // GattWriteRequest.cs
    public class GattWriteRequest
    {
        private GattWriteRequest() { }
        public void Respond() { throw new NotSupportedException(); }
        public Buffer Value { get { throw new NotSupportedException(); } }
    }

    // GattWriteRequestedEventArgs.cs
    public class GattWriteRequestedEventArgs
    {
        private GattWriteRequestedEventArgs() { }
        public GattWriteRequest GetRequest() { throw new NotSupportedException(); }
    }

    // GattWriteOption.cs
    public enum GattWriteOption
    {
        WriteWithResponse = 0,
        WriteWithoutResponse = 1
    }

    // GattWriteResult.cs
    public class GattWriteResult
    {
        private GattWriteResult() { }
        public byte ProtocolError { get { throw new NotSupportedException(); } }
        public GattCommunicationStatus Status { get { throw new NotSupportedException(); } }
    }
}
