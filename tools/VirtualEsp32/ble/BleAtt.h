//
// LockFirmware virtual ESP32: the attribute protocol two virtual ESP32s speak on channel 0 of the fragment link
// (BleLink.h), so one device's central role (BleCentral.h) reaches another device's GATT server. `locksim serve`
// and lockctl never use channel 0: a central that opens with 'G' is a GATT client, anything else is a
// channel-routed client as before. One fragment per message, handles little endian:
//
//   central -> server   'G'                          discover: the server answers with its attribute table
//                       'W' handle(2) value          write request (answered by 'R')
//                       'w' handle(2) value          write command (no answer)
//   server -> central   'A' kind handle(2) end(2) properties(1) uuid(16)   one attribute of the table:
//                                                    kind 'S' service (end: its last handle), 'C' characteristic
//                                                    value (end: its declaration handle), 'D' descriptor
//                       'E'                          end of the table
//                       'R' handle(2) status(2)      write response: 0, or NimBLE's BLE_HS_ERR_ATT_BASE + ATT error
//                       'V' handle(2) value          notification
//
// UUIDs travel as the 16 bytes of the managed Guid (Guid.ToByteArray order), as both apps hold them.
//
#ifndef VESP32_BLE_ATT_H
#define VESP32_BLE_ATT_H

#include <cstddef>
#include <cstdint>
#include <vector>

#include "BleLink.h"

const uint8_t BleAtt_Channel = 0;
const uint16_t BleAtt_ErrorBase = 0x100;      // BLE_HS_ERR_ATT_BASE
const uint8_t BleAtt_InvalidHandle = 0x01;    // BLE_ATT_ERR_INVALID_HANDLE
const uint8_t BleAtt_WriteNotPermitted = 0x03; // BLE_ATT_ERR_WRITE_NOT_PERMITTED
const uint8_t BleAtt_Unlikely = 0x0E;         // BLE_ATT_ERR_UNLIKELY: the app did not answer in time

struct BleAttribute
{
    char kind; // 'S', 'C', 'D'
    uint16_t handle;
    uint16_t end;       // service: last handle; characteristic: declaration handle
    uint8_t properties; // characteristic: the declaration's property byte
    uint8_t uuid[16];
    uint16_t characteristicId; // server side: the app's characteristic id ('C' and its CCCD)
};

// NimBLE's layout of the app's services: a service declaration, then per characteristic its declaration, its
// value and a client characteristic configuration descriptor when it notifies or indicates.
std::vector<BleAttribute> BleAtt_Layout(const std::vector<BleCharacteristic> &table);

// The attribute at handle, or nullptr.
const BleAttribute *BleAtt_Find(const std::vector<BleAttribute> &attributes, uint16_t handle);

// Encoders: each fills frame (channel, length, message) and returns its size.
size_t BleAtt_Attribute(uint8_t *frame, const BleAttribute &attribute);
size_t BleAtt_Message(uint8_t *frame, char op, uint16_t handle, const uint8_t *value, size_t length);
size_t BleAtt_Response(uint8_t *frame, uint16_t handle, uint16_t status);

// Decodes an 'A' message into attribute; false when it is not one.
bool BleAtt_ReadAttribute(const uint8_t *message, size_t length, BleAttribute &attribute);

uint16_t BleAtt_U16(const uint8_t *bytes);

// The managed Guid bytes of a 16-bit Bluetooth UUID (base UUID 0000xxxx-0000-1000-8000-00805f9b34fb).
void BleAtt_Uuid16(uint16_t uuid, uint8_t *guid);

#endif
