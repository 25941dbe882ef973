//
// LockFirmware virtual ESP32: the rest of nanoFramework.Device.Bluetooth's native table (upstream's
// sys_dev_ble_native.cpp, checksum 0xE610B405): reads by a central, interactive pairing and the bond list, which
// neither the lock nor the keypad uses (the loopback link counts as encrypted and bonded). They throw
// NotImplementedException, as the posix target's stubs do.
//
#include <nanoCLR_Runtime.h>
#include <sys_dev_ble_native.h>

#define VESP32_NOT_MODELLED(method)                                                                              \
    HRESULT method(CLR_RT_StackFrame &stack)                                                                     \
    {                                                                                                            \
        return stack.NotImplementedStub();                                                                       \
    }

VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice::NativeReadValue___SZARRAY_U1__U2__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice::NativeStartReadValue___U2__U2__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_DevicePairing::NativeStartPair___U2__U2)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_DevicePairingRequestedEventArgs::NativeAcceptCredentials___U2__U2__nanoFrameworkDeviceBluetoothDevicePairingKinds__SZARRAY_U1__SZARRAY_U1)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_DevicePairingRequestedEventArgs::NativeAcceptPasskey___U2__U2__nanoFrameworkDeviceBluetoothDevicePairingKinds__I4)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_DevicePairingRequestedEventArgs::NativeAcceptYesNo___U2__U2__nanoFrameworkDeviceBluetoothDevicePairingKinds__I4)
VESP32_NOT_MODELLED(Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_Security_DeviceBonding::GetBondInformationAt___STATIC__U8__I4)
