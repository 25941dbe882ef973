//
// LockFirmware virtual ESP32: the scan (see BleScanner.h). A thread looks at the air every 50 ms while the scan
// runs (an advertising interval of the lock's order) and posts each new device's reports.
//
#include <algorithm>
#include <chrono>
#include <deque>
#include <mutex>
#include <thread>

#include "../host/HostPump.h"
#include "BleAir.h"
#include "BleScanner.h"

#include <nanoCLR_Runtime.h>
#include <sys_dev_ble_native.h>

namespace
{
    const int LookEveryMs = 50;
    const int ScanResponse = 4; // BLE_HCI_ADV_RPT_EVTYPE_SCAN_RSP
    const size_t KeepReports = 32;

    std::mutex s_lock;
    unsigned s_generation = 0;
    bool s_active = false;
    int s_nextEventId = 1;
    std::deque<std::pair<int, BleAdvertReport>> s_reports;

    void Report(const BleAdvertReport &report)
    {
        int eventId;
        {
            std::lock_guard<std::mutex> guard(s_lock);
            eventId = s_nextEventId++;
            s_reports.emplace_back(eventId, report);
            if (s_reports.size() > KeepReports)
            {
                s_reports.pop_front(); // the app never took it (upstream gives up after 2 s)
            }
        }

        HostPump_Post([eventId]() {
            PostManagedEvent(EVENT_BLUETOOTH, BluetoothEventType_AdvertisementDiscovered, 0, (uint32_t)eventId);
        });
    }

    void Scan(unsigned generation, bool active)
    {
        std::vector<uint64_t> seen; // filter_duplicates = 1
        while (true)
        {
            {
                std::lock_guard<std::mutex> guard(s_lock);
                if (generation != s_generation)
                {
                    return;
                }
            }

            for (const BlePeer &peer : BleAir_Peers())
            {
                if (std::find(seen.begin(), seen.end(), peer.address) != seen.end())
                {
                    continue;
                }

                seen.push_back(peer.address);
                Report(BleAdvertReport{peer.address, 0, peer.rssi, peer.advert});
                if (active && !peer.scanResponse.empty())
                {
                    Report(BleAdvertReport{peer.address, ScanResponse, peer.rssi, peer.scanResponse});
                }
            }

            std::this_thread::sleep_for(std::chrono::milliseconds(LookEveryMs));
        }
    }
} // namespace

void BleScanner_Start(bool active)
{
    unsigned generation;
    {
        std::lock_guard<std::mutex> guard(s_lock);
        generation = ++s_generation;
        s_active = true;
    }

    std::thread([generation, active]() { Scan(generation, active); }).detach();
}

void BleScanner_Stop()
{
    std::lock_guard<std::mutex> guard(s_lock);
    s_generation++;
    s_active = false;
}

bool BleScanner_Active()
{
    std::lock_guard<std::mutex> guard(s_lock);
    return s_active;
}

bool BleScanner_Take(int eventId, BleAdvertReport &report)
{
    std::lock_guard<std::mutex> guard(s_lock);
    for (auto at = s_reports.begin(); at != s_reports.end(); ++at)
    {
        if (at->first == eventId)
        {
            report = at->second;
            s_reports.erase(at);
            return true;
        }
    }

    return false;
}
