//
// LockFirmware virtual ESP32: the central role's radio, after upstream's ESP32 natives over NimBLE
// (sys_dev_ble_native_nanoFramework_Device_Bluetooth_BluetoothLEDevice.cpp). A connection is a TCP connection to
// the GATT server of another virtual device found in the air (BleAir.h), speaking the attribute protocol on
// channel 0 of the fragment link (BleAtt.h). What it keeps of NimBLE and the library's natives:
//  - connection contexts as upstream keeps them: one per NativeConnect under the managed routing handle, renamed to
//    the connection handle when the connection completes, removed when it fails or the app disposes it;
//  - a connect to a device that does not advertise (out of range, asleep, already connected to someone) waits
//    for it up to NimBLE's 7 s and then completes with BLE_HS_ETIMEOUT; a connect while scanning is refused with
//    BLE_HS_EALREADY (one GAP master procedure at a time);
//  - no MTU exchange (the library starts none): writes carry at most 20 bytes, a longer one is cut to 20
//    (ble_att_tx truncates to the MTU); one write with response at a time, completed by the server's answer;
//  - discovery of services, characteristics and descriptors (Find Information: every attribute after a
//    characteristic's value up to the next one's declaration, which the library asks for too);
//  - events posted as PostCentralEvent posts them (data1 the handle, data2 service<<24 | attribute<<8 | status);
//  - the peer vanishing is a disconnection (reason 0x08, supervision timeout); pending writes fail first.
// Everything here is called on the CLR thread; socket threads post through HostPump.
//
#ifndef VESP32_BLE_CENTRAL_H
#define VESP32_BLE_CENTRAL_H

#include <cstddef>
#include <cstdint>
#include <vector>

#include "BleAtt.h"

const int Nimble_EAlready = 2;  // BLE_HS_EALREADY
const int Nimble_ENotConn = 7;  // BLE_HS_ENOTCONN
const int Nimble_ETimeout = 13; // BLE_HS_ETIMEOUT
const int Nimble_EDone = 14;    // BLE_HS_EDONE
const int NoContext = -1;       // upstream's GetContext returned NULL: the native faults (NullReferenceException)

// ble_gap_connect: 0 when the connect started (the result comes as ConnectComplete), else a NimBLE error.
int BleCentral_Connect(uint64_t address, uint16_t routing);

// ble_gap_terminate; ConnectionDisconnected follows (at once, with BLE_HS_ENOTCONN, when there is no connection).
void BleCentral_Disconnect(uint16_t handle);

// Forgets the context (upstream's RemoveConnection).
void BleCentral_Dispose(uint16_t handle);

// The stack stops (operation mode NotRunning, deep sleep): every connection drops, the scan stops.
void BleCentral_PowerDown();

// Discovery: 0 when started, Nimble_ENotConn without a connection, NoContext without a context.
int BleCentral_DiscoverServices(uint16_t handle);
int BleCentral_DiscoverCharacteristics(uint16_t handle, uint16_t service, uint16_t start, uint16_t end);
int BleCentral_DiscoverDescriptors(uint16_t handle, uint16_t valueHandle, uint16_t last);

// What the Update natives copy into the managed objects; false without a context or such an attribute.
bool BleCentral_Attribute(uint16_t handle, uint16_t attributeHandle, BleAttribute &attribute);
bool BleCentral_NextDescriptor(uint16_t handle, BleAttribute &attribute);

// ble_gattc_write_flat / ble_gattc_write_no_rsp_flat: 0 when sent, else a NimBLE error.
int BleCentral_Write(uint16_t handle, uint16_t valueHandle, bool withResponse, const uint8_t *data, size_t length);

// The value of the notification posted for valueHandle; false when none waits.
bool BleCentral_TakeNotification(uint16_t handle, uint16_t valueHandle, std::vector<uint8_t> &value);

#endif
