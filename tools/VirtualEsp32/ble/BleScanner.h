//
// LockFirmware virtual ESP32: the GAP discovery procedure behind BluetoothLEAdvertisementWatcher, after upstream's
// ESP32 natives (ble_gap_disc with BLE_HS_FOREVER, duplicates filtered, active or passive). Every device
// advertising in the air (BleAir.h) is reported once per scan with the advertising data its app built, and in an
// active scan its scan response as a second report (event type 4). Cancelling posts nothing, as
// ble_gap_disc_cancel does not. CLR thread.
//
#ifndef VESP32_BLE_SCANNER_H
#define VESP32_BLE_SCANNER_H

#include <cstdint>
#include <vector>

struct BleAdvertReport
{
    uint64_t address;
    int eventType; // BLE_HCI_ADV_RPT_EVTYPE_*: 0 connectable undirected, 4 scan response
    int rssi;
    std::vector<uint8_t> data;
};

void BleScanner_Start(bool active);
void BleScanner_Stop();
bool BleScanner_Active();

// The report posted under eventId (AdvertisementDiscovered's data2); false when it is gone.
bool BleScanner_Take(int eventId, BleAdvertReport &report);

#endif
