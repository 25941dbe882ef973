//
// LockFirmware virtual ESP32: the radio. A central reaches the GATT server the app builds over a loopback TCP
// port ($VESP32_BLE_PORT, 0: any) that speaks the fragment link of `locksim serve`
// (hal/LockFirmware.Hal.Sim/Ble/LoopbackLink.cs): each fragment is [channel][length][bytes]. Which
// characteristic a channel writes to, and which notifies on it, is given by $VESP32_BLE_CHANNELS:
//   "CH:w:UUID CH:n:UUID ..."   e.g. "1:w:<admin in> 1:n:<admin out> 2:w:<keypad in>"
// What the model keeps of NimBLE on the ESP32: the server is reachable only once advertising started; a TCP
// connect is a connection (ClientConnected). A channel-routed central (lockctl) then gets, 200 ms after connecting
// (a real central subscribes as it connects, which keeps the lock awake) or before its first write reaches the app,
// an MTU exchange ($VESP32_BLE_MTU, default 247; 23 means none, so payloads stay at 20 bytes and
// longer writes cannot be sent) and a subscription to every notify characteristic. A central that opens with
// channel 0 is another virtual ESP32 and speaks the attribute protocol of BleAtt.h instead: no MTU exchange,
// subscriptions by CCCD writes, a response to each write request. A write is held until the app answers it or
// 2 s pass, one at a time, with no session (the managed request carries none); a notification longer than MTU-3
// is cut to MTU-3; a TCP close is unsubscribe + ClientDisconnected, and advertising resumes. While advertising
// and not connected, the device is visible in the air (BleAir.h).
//
#ifndef VESP32_BLE_LINK_H
#define VESP32_BLE_LINK_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct BleCharacteristic
{
    uint16_t id;
    std::string uuid; // lower case, 8-4-4-4-12
    uint32_t properties;
    uint32_t writeProtection;
    uint8_t uuidBytes[16];    // the managed Guid's bytes
    uint8_t serviceBytes[16]; // its service's
};

// The GATT table the app built (GattServiceProvider.NativeInitializeServiceConfig). CLR thread.
void BleLink_SetTable(const std::vector<BleCharacteristic> &table);

// Advertising started/stopped, with the advertising data and scan response the library built: the central can
// connect only while the server advertises; other virtual devices see it in the air (BleAir.h). CLR thread.
void BleLink_Advertise(
    bool on,
    const std::string &deviceName,
    const std::vector<uint8_t> &advert = std::vector<uint8_t>(),
    const std::vector<uint8_t> &scanResponse = std::vector<uint8_t>());

// The chip powers down (deep sleep): advertising stops, the central is disconnected, the table is gone.
void BleLink_PowerDown();

// GattWriteRequest natives: the data of write eventId, and its answer. CLR thread.
bool BleLink_WriteData(uint16_t eventId, std::vector<uint8_t> &data);
void BleLink_WriteAnswered(uint16_t eventId, int result);

// GattLocalCharacteristic.NotifyValue: 0 when sent, else a NimBLE error code. CLR thread.
int BleLink_Notify(uint16_t connection, uint16_t characteristicId, const uint8_t *data, size_t length);

// The Guid bytes (Guid.ToByteArray order) as the usual text.
std::string BleLink_UuidText(const uint8_t *bytes);

#endif
