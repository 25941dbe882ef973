//
// LockFirmware virtual ESP32: the rest of nanoFramework.Device.Bluetooth's native table (upstream's
// sys_dev_ble_native.cpp, checksum 0xE610B405): the central role, scanning and interactive pairing, which the
// lock does not use. They throw NotImplementedException, as the posix target's stubs do.
//
#include <nanoCLR_Runtime.h>
#include <sys_dev_ble_native.h>

#define VESP32_NOT_MODELLED(method)                                                                              \
    HRESULT method(CLR_RT_StackFrame &stack)                                                                     \
    {                                                                                                            \
        return stack.NotImplementedStub();                                                                       \
    }

VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_Advertisement_BluetoothLEAdvertisementReceivedEventArgs::NativeCreateFromEvent___BOOLEAN__I4)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEAdvertisementWatcher::NativeStartAdvertisementWatcher___VOID__I4)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEAdvertisementWatcher::NativeStopAdvertisementWatcher___VOID)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice::NativeConnect___U2__U8__nanoFrameworkDeviceBluetoothBluetoothAddressType__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice::NativeDisconnect___VOID__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice::NativeDiscoverServices___U2__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice::NativeDispose___VOID__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice::NativeReadValue___SZARRAY_U1__U2__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice::NativeStartReadValue___U2__U2__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice::NativeStartWriteValue___U2__U2__U2__BOOLEAN__SZARRAY_U1__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice::NativeUpdateService___VOID__U2__nanoFrameworkDeviceBluetoothGenericAttributeProfileGattDeviceService)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_DevicePairing::NativeStartPair___U2__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_DevicePairingRequestedEventArgs::NativeAcceptCredentials___U2__U2__nanoFrameworkDeviceBluetoothDevicePairingKinds__SZARRAY_U1__SZARRAY_U1)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_DevicePairingRequestedEventArgs::NativeAcceptPasskey___U2__U2__nanoFrameworkDeviceBluetoothDevicePairingKinds__I4)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_DevicePairingRequestedEventArgs::NativeAcceptYesNo___U2__U2__nanoFrameworkDeviceBluetoothDevicePairingKinds__I4)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattCharacteristic::NativeReadEventData___SZARRAY_U1__U2__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattCharacteristic::NativeStartDiscoveryDescriptors___U2__U2__U2__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattCharacteristic::NativeUpdateDescriptor___VOID__U2__U2__U2__nanoFrameworkDeviceBluetoothGenericAttributeProfileGattDescriptor)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattDeviceService::NativeDiscoverCharacteristics___U2__U2__U2__U2__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattDeviceService::NativeUpdateCharacteristic___VOID__U2__U2__U2__nanoFrameworkDeviceBluetoothGenericAttributeProfileGattCharacteristic)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_Security_DeviceBonding::GetBondInformationAt___STATIC__U8__I4)
