// Contract of nanoFramework.Device.Bluetooth 1.1.123 (tag v1.1.123), only the members the GATT adapter uses,
// in the order of the source files (alphabetical by folder) and of their members.
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.1.123.0")]

namespace nanoFramework.Device.Bluetooth
{
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

namespace nanoFramework.Device.Bluetooth.GenericAttributeProfile
{
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

    // GattClientNotificationResult.cs
    public class GattClientNotificationResult
    {
        private GattClientNotificationResult() { }
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
}
