//
// LockFirmware virtual ESP32: the natives of BluetoothLEAdvertisementWatcher and of its received event's arguments
// (upstream: sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEAdvertisementWatcher.cpp). The scan
// itself is ble/BleScanner.cpp.
//
#include <cstring>

#include "BleScanner.h"

#include <nanoCLR_Runtime.h>
#include <sys_dev_ble_native.h>

typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEAdvertisementWatcher Watcher;
typedef Library_sys_dev_ble_native_nanoFramework_Device_Bluetooth_Advertisement_BluetoothLEAdvertisementReceivedEventArgs
    ReceivedEventArgs;

HRESULT Watcher::NativeStartAdvertisementWatcher___VOID__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    BleScanner_Start(stack.Arg1().NumericByRef().s4 == BluetoothLEScanningMode_Active);
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Watcher::NativeStopAdvertisementWatcher___VOID(CLR_RT_StackFrame &stack)
{
    (void)stack;
    BleScanner_Stop();
    return S_OK;
}

// Fills the event arguments from the report posted under the event id; false when that report is gone.
HRESULT ReceivedEventArgs::NativeCreateFromEvent___BOOLEAN__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        CLR_RT_HeapBlock *pThis = stack.This();
        FAULT_ON_NULL(pThis);

        BleAdvertReport report;
        bool found = BleScanner_Take(stack.Arg1().NumericByRef().s4, report);
        if (found)
        {
            pThis[FIELD___bluetoothAddress].NumericByRef().u8 = report.address;
            pThis[FIELD___bluetoothAddressType].NumericByRef().u1 = 0; // BLE_ADDR_PUBLIC
            pThis[FIELD___advertisementType].NumericByRef().s4 = report.eventType;
            pThis[FIELD___rawSignalStrengthInDBm].NumericByRef().s2 = (int16_t)report.rssi;
            NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_Array::CreateInstance(
                pThis[FIELD___rawAdvertData],
                (CLR_UINT32)report.data.size(),
                g_CLR_RT_WellKnownTypes.m_UInt8));
            if (!report.data.empty())
            {
                memcpy(
                    pThis[FIELD___rawAdvertData].DereferenceArray()->GetFirstElement(),
                    report.data.data(),
                    report.data.size());
            }
        }

        stack.SetResult_Boolean(found);
    }
    NANOCLR_NOCLEANUP();
}
