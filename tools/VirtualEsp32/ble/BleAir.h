//
// LockFirmware virtual ESP32: the air between virtual devices. Every device started with the same
// $VESP32_BLE_AIR folder is in range of the others. A device that advertises publishes there, under its
// address ($VESP32_BLE_ADDRESS, "24:0a:c4:00:00:01" by default), the advertising data and scan response its app
// built and the loopback port of its GATT server; it withdraws them when it stops advertising, when a central
// connects (a connected ESP32 peripheral stops advertising) and when it powers down. A scanner reads the folder;
// a central connects to the port. $VESP32_BLE_RSSI sets the signal strength others see (default -60 dBm).
//
#ifndef VESP32_BLE_AIR_H
#define VESP32_BLE_AIR_H

#include <cstdint>
#include <string>
#include <vector>

struct BlePeer
{
    uint64_t address; // NimBLE's order: BleAddressToUlong
    int port;
    int rssi;
    std::vector<uint8_t> advert;
    std::vector<uint8_t> scanResponse;
};

// This device's address.
uint64_t BleAir_Address();

// Publishes this device's advertisement (port > 0), or withdraws it (port 0).
void BleAir_Publish(int port, const std::vector<uint8_t> &advert, const std::vector<uint8_t> &scanResponse);

// The devices advertising now, this one excepted.
std::vector<BlePeer> BleAir_Peers();

// The device advertising with address, if any.
bool BleAir_Find(uint64_t address, BlePeer &peer);

#endif
