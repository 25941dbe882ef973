//
// LockFirmware virtual ESP32: the device-level natives of nanoFramework.Device.Bluetooth used by a peripheral:
// stack start (operation mode, device name), legacy advertising (classic ESP32: no extended advertising),
// pairing attributes, and an empty bond store (the loopback link is taken as an encrypted, bonded link).
//
#include <string>
#include <vector>

#include "BleCentral.h"
#include "BleLink.h"

#include <nanoCLR_Runtime.h>
#include <sys_dev_ble_native.h>

typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothNanoDevice BluetoothNanoDevice;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_Advertisement_BluetoothLEAdvertisementPublisher
    AdvertisementPublisher;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_DevicePairing DevicePairing;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_Security_DeviceBonding DeviceBonding;

namespace
{
    std::string s_deviceName = "nanoFramework";

    std::vector<uint8_t> BytesOf(CLR_RT_HeapBlock &argument)
    {
        CLR_RT_HeapBlock_Array *array = argument.DereferenceArray();
        if (array == nullptr)
        {
            return std::vector<uint8_t>();
        }

        uint8_t *first = array->GetFirstElement();
        return std::vector<uint8_t>(first, first + array->m_numOfElements);
    }
} // namespace

HRESULT BluetoothNanoDevice::NativeInitilise___STATIC__VOID(CLR_RT_StackFrame &stack)
{
    (void)stack;
    return S_OK;
}

HRESULT BluetoothNanoDevice::NativeSetOperationMode___STATIC__VOID__nanoFrameworkDeviceBluetoothBluetoothNanoDeviceMode__STRING__U2(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        const char *name = stack.Arg1().RecoverString();
        if (name != nullptr)
        {
            s_deviceName = name;
        }

        if (stack.Arg0().NumericByRef().s4 == 0)
        {
            // NotRunning: the stack stops (the library sets it when its last central connection is disposed).
            BleLink_Advertise(false, s_deviceName);
            BleCentral_PowerDown();
        }
    }
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT AdvertisementPublisher::NativeStartLegacyAdvertising___BOOLEAN__SZARRAY_U1__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    BleLink_Advertise(true, s_deviceName, BytesOf(stack.Arg1()), BytesOf(stack.Arg2()));
    stack.SetResult_Boolean(true);
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT AdvertisementPublisher::NativeStartExtendedAdvertising___BOOLEAN__I2__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_Boolean(false);
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT AdvertisementPublisher::NativeStopAdvertising___VOID(CLR_RT_StackFrame &stack)
{
    (void)stack;
    BleLink_Advertise(false, s_deviceName);
    return S_OK;
}

HRESULT AdvertisementPublisher::NativeIsExtendedAdvertisingAvailable___BOOLEAN(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_Boolean(false);
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT DevicePairing::NativeSetPairAttributes___VOID(CLR_RT_StackFrame &stack)
{
    (void)stack;
    return S_OK;
}

HRESULT DeviceBonding::IsBonded___STATIC__BOOLEAN__U8(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_Boolean(false);
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT DeviceBonding::DeleteAllBonds___STATIC__VOID(CLR_RT_StackFrame &stack)
{
    (void)stack;
    return S_OK;
}

HRESULT DeviceBonding::DeleteBondForPeer___STATIC__VOID__U8__nanoFrameworkDeviceBluetoothBluetoothAddressType(
    CLR_RT_StackFrame &stack)
{
    (void)stack;
    return S_OK;
}

HRESULT DeviceBonding::Count___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_I4(0);
    NANOCLR_NOCLEANUP_NOLABEL();
}
