//
// LockFirmware virtual ESP32: the GATT server natives of nanoFramework.Device.Bluetooth (peripheral role), after
// targets/ESP32/_nanoCLR/nanoFramework.Device.Bluetooth: the service table the app declares, write requests
// (data and answer), notifications, read answers. The radio is ble/BleLink.cpp.
//
#include <cstring>
#include <vector>

#include "BleLink.h"

#include <nanoCLR_Runtime.h>
#include <corlib_native.h>
#include <sys_dev_ble_native.h>

typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattServiceProvider
    GattServiceProvider;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattLocalService
    GattLocalService;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattLocalCharacteristic
    GattLocalCharacteristic;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattWriteRequest
    GattWriteRequest;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_GenericAttributeProfile_GattReadRequest
    GattReadRequest;

namespace
{
    std::string UuidOf(CLR_RT_HeapBlock &field)
    {
        CLR_RT_HeapBlock_Array *bytes = field.DereferenceArray();
        return bytes != nullptr && bytes->m_numOfElements == 16 ? BleLink_UuidText(bytes->GetFirstElement()) : "";
    }

    void CopyUuid(CLR_RT_HeapBlock &field, uint8_t *to)
    {
        CLR_RT_HeapBlock_Array *bytes = field.DereferenceArray();
        memset(to, 0, 16);
        if (bytes != nullptr && bytes->m_numOfElements == 16)
        {
            memcpy(to, bytes->GetFirstElement(), 16);
        }
    }

    HRESULT ReadService(CLR_RT_HeapBlock *service, std::vector<BleCharacteristic> &table)
    {
        NANOCLR_HEADER();
        {
            std::string serviceUuid = UuidOf(service[GattLocalService::FIELD___serviceUuid]);
            printf("virtual-esp32: ble service %s\n", serviceUuid.c_str());

            CLR_RT_HeapBlock_ArrayList *characteristics =
                (CLR_RT_HeapBlock_ArrayList *)service[GattLocalService::FIELD___characteristics].Dereference();
            FAULT_ON_NULL(characteristics);
            for (int i = 0; i < characteristics->GetSize(); i++)
            {
                CLR_RT_HeapBlock *item;
                NANOCLR_CHECK_HRESULT(characteristics->GetItem(i, item));
                BleCharacteristic c;
                c.id = item[GattLocalCharacteristic::FIELD___characteristicId].NumericByRef().u2;
                c.uuid = UuidOf(item[GattLocalCharacteristic::FIELD___characteristicUuid]);
                CopyUuid(item[GattLocalCharacteristic::FIELD___characteristicUuid], c.uuidBytes);
                CopyUuid(service[GattLocalService::FIELD___serviceUuid], c.serviceBytes);
                c.properties = item[GattLocalCharacteristic::FIELD___properties].NumericByRef().u4;
                c.writeProtection = item[GattLocalCharacteristic::FIELD___writeProtectionLevel].NumericByRef().u4;
                printf(
                    "virtual-esp32: ble   characteristic %s id=%u properties=0x%x write-protection=%u\n",
                    c.uuid.c_str(),
                    c.id,
                    c.properties,
                    c.writeProtection);
                table.push_back(c);
            }
        }
        NANOCLR_NOCLEANUP();
    }
} // namespace

HRESULT GattServiceProvider::NativeInitializeServiceConfig___BOOLEAN__SystemCollectionsArrayList(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        std::vector<BleCharacteristic> table;
        CLR_RT_HeapBlock_ArrayList *providers = (CLR_RT_HeapBlock_ArrayList *)stack.Arg1().Dereference();
        FAULT_ON_NULL(providers);
        for (int i = 0; i < providers->GetSize(); i++)
        {
            CLR_RT_HeapBlock *provider;
            NANOCLR_CHECK_HRESULT(providers->GetItem(i, provider));
            CLR_RT_HeapBlock *service = provider[GattServiceProvider::FIELD___service].Dereference();
            FAULT_ON_NULL(service);
            NANOCLR_CHECK_HRESULT(ReadService(service, table));
        }

        fflush(stdout);
        BleLink_SetTable(table);
        stack.SetResult_Boolean(true);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT GattServiceProvider::NativeDisposeServiceConfig___VOID(CLR_RT_StackFrame &stack)
{
    (void)stack;
    BleLink_SetTable(std::vector<BleCharacteristic>());
    return S_OK;
}

HRESULT GattWriteRequest::NativeWriteGetData___SZARRAY_U1__U2(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        // As on the ESP32: the data of the write being held, or an empty array for any other event id.
        std::vector<uint8_t> data;
        BleLink_WriteData(stack.Arg1().NumericByRef().u2, data);
        NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_Array::CreateInstance(
            stack.PushValueAndClear(),
            (CLR_UINT32)data.size(),
            g_CLR_RT_WellKnownTypes.m_UInt8));
        if (!data.empty())
        {
            memcpy(stack.TopValue().DereferenceArray()->GetFirstElement(), data.data(), data.size());
        }
    }
    NANOCLR_NOCLEANUP();
}

HRESULT GattWriteRequest::NativeWriteRespond___VOID__U2(CLR_RT_StackFrame &stack)
{
    BleLink_WriteAnswered(stack.Arg1().NumericByRef().u2, 0);
    return S_OK;
}

HRESULT GattWriteRequest::NativeWriteRespondWithProtocolError___VOID__U2__U1(CLR_RT_StackFrame &stack)
{
    BleLink_WriteAnswered(stack.Arg1().NumericByRef().u2, stack.Arg2().NumericByRef().u1);
    return S_OK;
}

// Reads never reach the app over the fragment link (static values are answered by the stack on the ESP32 too).
HRESULT GattReadRequest::NativeReadRespondWithValue___VOID__U2__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    (void)stack;
    return S_OK;
}

HRESULT GattReadRequest::NativeReadRespondWithProtocolError___VOID__U2__U1(CLR_RT_StackFrame &stack)
{
    (void)stack;
    return S_OK;
}

HRESULT GattLocalCharacteristic::NativeNotifyClient___I4__U2__U2__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        CLR_RT_HeapBlock_Array *buffer = stack.Arg3().DereferenceArray();
        FAULT_ON_NULL(buffer);
        stack.SetResult_I4(BleLink_Notify(
            stack.Arg1().NumericByRef().u2,
            stack.Arg2().NumericByRef().u2,
            buffer->GetFirstElement(),
            buffer->m_numOfElements));
    }
    NANOCLR_NOCLEANUP();
}
