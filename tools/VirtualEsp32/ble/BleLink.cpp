//
// LockFirmware virtual ESP32: the radio model (see BleLink.h).
//
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <sstream>

#include "../host/HostPump.h"
#include "../host/LoopbackServer.h"
#include "BleLink.h"

#include <nanoCLR_Runtime.h>
#include <sys_dev_ble_native.h>

namespace
{
    const uint16_t Connection = 1; // NimBLE's first connection handle
    const int AnswerTimeoutMs = 2000; // esp32_nimble.cpp PostAndWaitManagedGapEvent
    const int NimbleNotConnected = 7; // BLE_HS_ENOTCONN
    const int NimbleNoAttribute = 1;

    struct Route
    {
        int channel;
        char kind; // 'w' write, 'n' notify
        std::string uuid;
    };

    std::mutex s_lock;
    std::condition_variable s_answered;
    std::vector<BleCharacteristic> s_table;
    std::vector<Route> s_routes;
    LoopbackServer s_server;
    bool s_serverStarted = false;
    bool s_advertising = false;
    bool s_connected = false;
    int s_mtu = 23;

    // the one write the stack holds until the app answers
    uint16_t s_nextEventId = 1;
    uint16_t s_pendingId = 0;
    std::vector<uint8_t> s_pendingData;
    bool s_pendingAnswered = false;

    // fragment reassembly on the reader thread
    uint8_t s_frame[2 + 255];
    size_t s_have = 0;

    int ExchangedMtu()
    {
        const char *text = getenv("VESP32_BLE_MTU");
        int mtu = text != nullptr ? atoi(text) : 247;
        return mtu < 23 ? 23 : (mtu > 517 ? 517 : mtu);
    }

    void ParseRoutes()
    {
        const char *text = getenv("VESP32_BLE_CHANNELS");
        std::istringstream words(text != nullptr ? text : "");
        std::string word;
        while (words >> word)
        {
            // CH:KIND:UUID
            size_t first = word.find(':'), second = word.find(':', first + 1);
            if (first == std::string::npos || second != first + 2)
            {
                fprintf(stderr, "virtual-esp32: VESP32_BLE_CHANNELS: bad entry '%s'\n", word.c_str());
                continue;
            }

            Route route{atoi(word.substr(0, first).c_str()), word[first + 1], word.substr(second + 1)};
            for (auto &c : route.uuid)
            {
                c = (char)tolower(c);
            }

            s_routes.push_back(route);
        }

        if (s_routes.empty())
        {
            fprintf(stderr, "virtual-esp32: no VESP32_BLE_CHANNELS: the Bluetooth link carries nothing\n");
        }
    }

    // The characteristic a channel reaches for kind, or nullptr. Caller holds s_lock.
    const BleCharacteristic *Find(int channel, char kind)
    {
        for (const auto &route : s_routes)
        {
            if (route.channel == channel && route.kind == kind)
            {
                for (const auto &c : s_table)
                {
                    if (c.uuid == route.uuid)
                    {
                        return &c;
                    }
                }
            }
        }

        return nullptr;
    }

    int ChannelOf(uint16_t characteristicId, char kind)
    {
        for (const auto &route : s_routes)
        {
            for (const auto &c : s_table)
            {
                if (c.id == characteristicId && c.uuid == route.uuid && route.kind == kind)
                {
                    return route.channel;
                }
            }
        }

        return -1;
    }

    void Post(uint8_t type, uint16_t data1, uint32_t data2)
    {
        HostPump_Post([type, data1, data2]() { PostManagedEvent(EVENT_BLUETOOTH, type, data1, data2); });
    }

    std::vector<uint16_t> NotifyIds()
    {
        std::vector<uint16_t> ids;
        for (const auto &route : s_routes)
        {
            for (const auto &c : s_table)
            {
                if (route.kind == 'n' && c.uuid == route.uuid)
                {
                    ids.push_back(c.id);
                }
            }
        }

        return ids;
    }

    void OnPeer(bool connected)
    {
        std::vector<uint16_t> notify;
        {
            std::lock_guard<std::mutex> guard(s_lock);
            s_have = 0;
            if (connected && !s_advertising)
            {
                // Nobody connects to a peripheral that does not advertise (asleep, or not started yet).
                fprintf(stderr, "virtual-esp32: ble: not advertising, connection refused\n");
                s_server.DropPeer();
                return;
            }

            if (!connected && !s_connected)
            {
                return; // a refused peer, or one the chip lost when it powered down
            }

            s_connected = connected;
            s_mtu = 23;
            notify = NotifyIds();
        }

        if (connected)
        {
            Post(BluetoothEventType_ClientConnected, Connection, 0);
            int mtu = ExchangedMtu();
            if (mtu > 23)
            {
                {
                    std::lock_guard<std::mutex> guard(s_lock);
                    s_mtu = mtu;
                }

                Post(BluetoothEventType_ClientSessionChanged, Connection, ((uint32_t)mtu << 16) + 4);
            }

            for (uint16_t id : notify)
            {
                Post(BluetoothEventType_ClientSubscribed, id, Connection);
            }
        }
        else
        {
            for (uint16_t id : notify)
            {
                Post(BluetoothEventType_ClientUnsubscribed, id, Connection);
            }

            Post(BluetoothEventType_ClientDisconnected, Connection, 0x13); // remote user terminated
        }
    }

    // One write, as NimBLE's access callback: post it, hold the link until the app answers or time runs out.
    void Write(int channel, const uint8_t *data, size_t length)
    {
        std::unique_lock<std::mutex> guard(s_lock);
        const BleCharacteristic *target = Find(channel, 'w');
        if (target == nullptr || !s_advertising)
        {
            return;
        }

        if ((int)length > s_mtu - 3)
        {
            // A central cannot put more than MTU-3 bytes in one write request.
            fprintf(stderr, "virtual-esp32: ble: %zu-byte write with MTU %d dropped\n", length, s_mtu);
            return;
        }

        uint16_t eventId = s_nextEventId++;
        uint16_t id = target->id;
        s_pendingId = eventId;
        s_pendingData.assign(data, data + length);
        s_pendingAnswered = false;
        guard.unlock();

        Post(BluetoothEventType_Write, id, eventId);

        guard.lock();
        if (!s_answered.wait_for(guard, std::chrono::milliseconds(AnswerTimeoutMs), []() { return s_pendingAnswered; }))
        {
            fprintf(stderr, "virtual-esp32: ble: write %u not answered within 2 s (the central gets an ATT error)\n", eventId);
        }

        s_pendingId = 0;
        s_pendingData.clear();
    }

    void OnBytes(const uint8_t *data, size_t length)
    {
        for (size_t i = 0; i < length; i++)
        {
            s_frame[s_have++] = data[i];
            if (s_have >= 2 && s_have == 2 + (size_t)s_frame[1])
            {
                s_have = 0;
                if (s_frame[1] > 0)
                {
                    Write(s_frame[0], s_frame + 2, s_frame[1]);
                }
            }
        }
    }
} // namespace

std::string BleLink_UuidText(const uint8_t *b)
{
    char text[40];
    snprintf(
        text,
        sizeof(text),
        "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
        b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return text;
}

void BleLink_SetTable(const std::vector<BleCharacteristic> &table)
{
    std::lock_guard<std::mutex> guard(s_lock);
    s_table = table;
    if (s_routes.empty())
    {
        ParseRoutes();
    }
}

void BleLink_Advertise(bool on, const std::string &deviceName)
{
    {
        std::lock_guard<std::mutex> guard(s_lock);
        s_advertising = on;
    }

    if (!on)
    {
        return;
    }

    // Tools take this line as "the device is up" (boot time to the first advertisement).
    printf("virtual-esp32: ble advertising as '%s'\n", deviceName.c_str());
    fflush(stdout);
    if (!s_serverStarted)
    {
        int port = LoopbackServer_PortFromEnv("VESP32_BLE_PORT");
        s_serverStarted = s_server.Start("ble", port < 0 ? 0 : port, OnBytes, OnPeer);
    }
}

void BleLink_PowerDown()
{
    {
        std::lock_guard<std::mutex> guard(s_lock);
        s_advertising = false;
        s_connected = false; // the app that knew this central is gone with the RAM
        s_table.clear();
    }

    s_server.DropPeer();
}

bool BleLink_WriteData(uint16_t eventId, std::vector<uint8_t> &data)
{
    std::lock_guard<std::mutex> guard(s_lock);
    if (eventId == 0 || eventId != s_pendingId)
    {
        return false;
    }

    data = s_pendingData;
    return true;
}

void BleLink_WriteAnswered(uint16_t eventId, int result)
{
    (void)result; // the fragment link has no ATT error frame: a refused write is only not acknowledged
    std::lock_guard<std::mutex> guard(s_lock);
    if (eventId != 0 && eventId == s_pendingId)
    {
        s_pendingAnswered = true;
        s_answered.notify_all();
    }
}

int BleLink_Notify(uint16_t connection, uint16_t characteristicId, const uint8_t *data, size_t length)
{
    int channel;
    size_t payload;
    {
        std::lock_guard<std::mutex> guard(s_lock);
        channel = ChannelOf(characteristicId, 'n');
        if (channel < 0)
        {
            return NimbleNoAttribute;
        }

        if (!s_connected || connection != Connection)
        {
            return NimbleNotConnected;
        }

        payload = (size_t)(s_mtu - 3);
    }

    if (length > payload)
    {
        length = payload; // NimBLE sends at most MTU-3 bytes of a notification
    }

    uint8_t frame[2 + 255];
    frame[0] = (uint8_t)channel;
    frame[1] = (uint8_t)(length > 255 ? 255 : length);
    memcpy(frame + 2, data, frame[1]);
    s_server.Send(frame, 2 + frame[1]);
    return 0;
}
