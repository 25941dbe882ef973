//
// LockFirmware virtual ESP32: the GATT client natives of nanoFramework.Device.Bluetooth (central role) after
// upstream's ESP32 natives (sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice.cpp): connect,
// disconnect, discovery of services, characteristics and descriptors, writes, notifications. They return what
// upstream returns (NimBLE error codes), and fault where upstream's FAULT_ON_NULL faults: a GATT call on a context
// that a failed connect removed throws NullReferenceException in the app. The radio is ble/BleCentral.cpp.
// Reads are not modelled (BleNotModelled.cpp).
//
#include <cstring>
#include <vector>

#include "BleCentral.h"

#include <nanoCLR_Runtime.h>
#include <sys_dev_ble_native.h>

typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice BluetoothLEDevice;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattDeviceService
    GattDeviceService;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattCharacteristic
    GattCharacteristic;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattDescriptor GattDescriptor;

namespace
{
    uint16_t U2(CLR_RT_HeapBlock &argument)
    {
        return argument.NumericByRef().u2;
    }

    HRESULT CheckNotDisposed(CLR_RT_StackFrame &stack)
    {
        CLR_RT_HeapBlock *pThis = stack.This();
        if (pThis == nullptr)
        {
            return CLR_E_NULL_REFERENCE;
        }

        return pThis[BluetoothLEDevice::FIELD___disposed].NumericByRef().u1 != 0 ? CLR_E_OBJECT_DISPOSED : S_OK;
    }

    HRESULT SetUuid(CLR_RT_HeapBlock &field, const uint8_t *uuid)
    {
        CLR_RT_HeapBlock_Array *array = field.DereferenceArray();
        if (array == nullptr || array->m_numOfElements != 16)
        {
            return CLR_E_NULL_REFERENCE;
        }

        memcpy(array->GetFirstElement(), uuid, 16);
        return S_OK;
    }

    // A discovery's start: upstream faults without a context, else returns NimBLE's code.
    HRESULT Started(CLR_RT_StackFrame &stack, int rc)
    {
        if (rc == NoContext)
        {
            return CLR_E_NULL_REFERENCE;
        }

        stack.SetResult_U2((uint16_t)rc);
        return S_OK;
    }

    HRESULT ReturnBytes(CLR_RT_StackFrame &stack, const std::vector<uint8_t> &bytes)
    {
        NANOCLR_HEADER();
        NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_Array::CreateInstance(
            stack.PushValueAndClear(),
            (CLR_UINT32)bytes.size(),
            g_CLR_RT_WellKnownTypes.m_UInt8));
        if (!bytes.empty())
        {
            memcpy(stack.TopValue().DereferenceArray()->GetFirstElement(), bytes.data(), bytes.size());
        }
        NANOCLR_NOCLEANUP();
    }
} // namespace

HRESULT BluetoothLEDevice::NativeConnect___U2__U8__nanoFrameworkDeviceBluetoothBluetoothAddressType__U2(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    NANOCLR_CHECK_HRESULT(CheckNotDisposed(stack));
    stack.SetResult_U2((uint16_t)BleCentral_Connect(stack.Arg1().NumericByRef().u8, U2(stack.Arg3())));
    NANOCLR_NOCLEANUP();
}

HRESULT BluetoothLEDevice::NativeDisconnect___VOID__U2(CLR_RT_StackFrame &stack)
{
    BleCentral_Disconnect(U2(stack.Arg1()));
    return S_OK;
}

HRESULT BluetoothLEDevice::NativeDispose___VOID__U2(CLR_RT_StackFrame &stack)
{
    BleCentral_Dispose(U2(stack.Arg1()));
    return S_OK;
}

HRESULT BluetoothLEDevice::NativeDiscoverServices___U2__U2(CLR_RT_StackFrame &stack)
{
    return Started(stack, BleCentral_DiscoverServices(U2(stack.Arg1())));
}

HRESULT BluetoothLEDevice::
    NativeUpdateService___VOID__U2__nanoFrameworkDeviceBluetoothGenericAttributeProfileGattDeviceService(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        NANOCLR_CHECK_HRESULT(CheckNotDisposed(stack));
        CLR_RT_HeapBlock *service = stack.Arg2().Dereference();
        FAULT_ON_NULL(service);

        BleAttribute a;
        if (!BleCentral_Attribute(U2(stack.Arg1()), U2(service[GattDeviceService::FIELD___attributeHandle]), a))
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_NULL_REFERENCE);
        }

        NANOCLR_CHECK_HRESULT(SetUuid(service[GattDeviceService::FIELD___uuid], a.uuid));
        service[GattDeviceService::FIELD___startHandle].NumericByRef().u2 = a.handle;
        service[GattDeviceService::FIELD___endHandle].NumericByRef().u2 = a.end;
    }
    NANOCLR_NOCLEANUP();
}

HRESULT BluetoothLEDevice::NativeStartWriteValue___U2__U2__U2__BOOLEAN__SZARRAY_U1__U2(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        CLR_RT_HeapBlock_Array *value = stack.Arg4().DereferenceArray();
        FAULT_ON_NULL(value);
        size_t length = U2(stack.Arg5());
        if (length > value->m_numOfElements)
        {
            length = value->m_numOfElements;
        }

        stack.SetResult_U2((uint16_t)BleCentral_Write(
            U2(stack.Arg1()),
            U2(stack.Arg2()),
            stack.Arg3().NumericByRef().u4 != 0,
            value->GetFirstElement(),
            length));
    }
    NANOCLR_NOCLEANUP();
}

// Upstream throws when the characteristic discovery cannot start (CLR_E_FAIL), rather than returning the code.
HRESULT GattDeviceService::NativeDiscoverCharacteristics___U2__U2__U2__U2__U2(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        int rc = BleCentral_DiscoverCharacteristics(U2(stack.Arg1()), U2(stack.Arg2()), U2(stack.Arg3()), U2(stack.Arg4()));
        if (rc == NoContext)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_NULL_REFERENCE);
        }

        if (rc != 0)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
        }

        stack.SetResult_U2(0);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT GattDeviceService::
    NativeUpdateCharacteristic___VOID__U2__U2__U2__nanoFrameworkDeviceBluetoothGenericAttributeProfileGattCharacteristic(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        CLR_RT_HeapBlock *characteristic = stack.Arg4().Dereference();
        FAULT_ON_NULL(characteristic);

        BleAttribute a;
        if (!BleCentral_Attribute(U2(stack.Arg1()), U2(stack.Arg3()), a))
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
        }

        characteristic[GattCharacteristic::FIELD___characteristicProperties].NumericByRef().u4 = a.properties;
        NANOCLR_CHECK_HRESULT(SetUuid(characteristic[GattCharacteristic::FIELD___uuid], a.uuid));
    }
    NANOCLR_NOCLEANUP();
}

HRESULT GattCharacteristic::NativeStartDiscoveryDescriptors___U2__U2__U2__U2(CLR_RT_StackFrame &stack)
{
    return Started(stack, BleCentral_DiscoverDescriptors(U2(stack.Arg1()), U2(stack.Arg2()), U2(stack.Arg3())));
}

HRESULT GattCharacteristic::
    NativeUpdateDescriptor___VOID__U2__U2__U2__nanoFrameworkDeviceBluetoothGenericAttributeProfileGattDescriptor(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        CLR_RT_HeapBlock *descriptor = stack.Arg4().Dereference();
        FAULT_ON_NULL(descriptor);

        BleAttribute a;
        if (!BleCentral_NextDescriptor(U2(stack.Arg1()), a))
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
        }

        descriptor[GattDescriptor::FIELD___attributeHandle].NumericByRef().u2 = a.handle;
        NANOCLR_CHECK_HRESULT(SetUuid(descriptor[GattDescriptor::FIELD___uuid], a.uuid));
    }
    NANOCLR_NOCLEANUP();
}

HRESULT GattCharacteristic::NativeReadEventData___SZARRAY_U1__U2__U2(CLR_RT_StackFrame &stack)
{
    std::vector<uint8_t> value;
    BleCentral_TakeNotification(U2(stack.Arg1()), U2(stack.Arg2()), value);
    return ReturnBytes(stack, value);
}
