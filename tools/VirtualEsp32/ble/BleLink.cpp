//
// LockFirmware virtual ESP32: the radio model (see BleLink.h).
//
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sstream>
#include <thread>

#include "../host/HostPump.h"
#include "../host/LoopbackServer.h"
#include "BleAir.h"
#include "BleAtt.h"
#include "BleLink.h"

#include <nanoCLR_Runtime.h>
#include <sys_dev_ble_native.h>

namespace
{
    const uint16_t Connection = 1; // NimBLE's first connection handle
    const int AnswerTimeoutMs = 2000; // esp32_nimble.cpp PostAndWaitManagedGapEvent
    const int NimbleNotConnected = 7; // BLE_HS_ENOTCONN
    const int NimbleNoAttribute = 1;
    const uint8_t WriteProperty = 0x08;
    const int ChannelsGraceMs = 200;

    // How the connected central talks: not known until its first fragment (channel 0 'G': attribute protocol).
    // Another virtual ESP32 sends 'G' as soon as it connects; a central that has said nothing after
    // ChannelsGraceMs is a channel-routed one (lockctl), which on a real radio subscribes right after connecting.
    enum class Central
    {
        Unknown,
        Channels,
        Attributes
    };

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
    Central s_central = Central::Unknown;
    uint32_t s_peerGeneration = 0; // which connection a grace timer belongs to
    std::mutex s_fragmentLock;     // a fragment and the grace timer's subscriptions, one at a time, in order
    std::vector<uint16_t> s_subscribed;
    std::vector<uint8_t> s_advert, s_scanResponse;

    // the one write the stack holds until the app answers
    uint16_t s_nextEventId = 1;
    uint16_t s_pendingId = 0;
    std::vector<uint8_t> s_pendingData;
    bool s_pendingAnswered = false;
    int s_pendingResult = 0;

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

    // Seen by other virtual devices while advertising and not connected (a connected ESP32 peripheral stops
    // advertising until the central leaves).
    void Publish()
    {
        bool visible;
        std::vector<uint8_t> advert, scanResponse;
        {
            std::lock_guard<std::mutex> guard(s_lock);
            visible = s_advertising && !s_connected && s_serverStarted;
            advert = s_advert;
            scanResponse = s_scanResponse;
        }

        BleAir_Publish(visible ? s_server.Port() : 0, advert, scanResponse);
    }

    void Subscribe(uint16_t id, bool on)
    {
        {
            std::lock_guard<std::mutex> guard(s_lock);
            auto at = std::find(s_subscribed.begin(), s_subscribed.end(), id);
            if (on == (at != s_subscribed.end()))
            {
                return;
            }

            if (on)
                s_subscribed.push_back(id);
            else
                s_subscribed.erase(at);
        }

        Post(on ? BluetoothEventType_ClientSubscribed : BluetoothEventType_ClientUnsubscribed, id, Connection);
    }

    // A channel-routed central (lockctl, locksim's tools): the MTU exchange, then every notify characteristic
    // subscribed, before its first write reaches the app.
    void StartChannels()
    {
        int mtu = ExchangedMtu();
        if (mtu > 23)
        {
            {
                std::lock_guard<std::mutex> guard(s_lock);
                s_mtu = mtu;
            }

            Post(BluetoothEventType_ClientSessionChanged, Connection, ((uint32_t)mtu << 16) + 4);
        }

        std::vector<uint16_t> notify;
        {
            std::lock_guard<std::mutex> guard(s_lock);
            notify = NotifyIds();
        }

        for (uint16_t id : notify)
        {
            Subscribe(id, true);
        }
    }

    // Sets the kind of the connected central once; true when it is a channel-routed one to start.
    bool Decide(Central kind)
    {
        std::lock_guard<std::mutex> guard(s_lock);
        if (s_central != Central::Unknown)
        {
            return false;
        }

        s_central = kind;
        return kind == Central::Channels;
    }

    // The grace timer: a central still silent is channel-routed (it subscribes as it connects).
    void DecideSilentCentral(uint32_t generation)
    {
        std::lock_guard<std::mutex> order(s_fragmentLock);
        {
            std::lock_guard<std::mutex> guard(s_lock);
            if (generation != s_peerGeneration || !s_connected)
            {
                return;
            }
        }

        if (Decide(Central::Channels))
        {
            StartChannels();
        }
    }

    void OnPeer(bool connected)
    {
        std::vector<uint16_t> subscribed;
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
            s_central = Central::Unknown;
            s_peerGeneration++;
            subscribed = s_subscribed;
        }

        if (connected)
        {
            Post(BluetoothEventType_ClientConnected, Connection, 0);
            uint32_t generation;
            {
                std::lock_guard<std::mutex> guard(s_lock);
                generation = s_peerGeneration;
            }

            std::thread([generation]() {
                std::this_thread::sleep_for(std::chrono::milliseconds(ChannelsGraceMs));
                DecideSilentCentral(generation);
            }).detach();
        }
        else
        {
            for (uint16_t id : subscribed)
            {
                Subscribe(id, false);
            }

            Post(BluetoothEventType_ClientDisconnected, Connection, 0x13); // remote user terminated
        }

        Publish();
    }

    // One write, as NimBLE's access callback: post it, hold the link until the app answers or time runs out.
    // Returns what the central hears: 0, or BLE_HS_ERR_ATT_BASE + the ATT error.
    int Write(const BleCharacteristic *target, const uint8_t *data, size_t length)
    {
        std::unique_lock<std::mutex> guard(s_lock);
        uint16_t eventId = s_nextEventId++;
        uint16_t id = target->id;
        s_pendingId = eventId;
        s_pendingData.assign(data, data + length);
        s_pendingAnswered = false;
        s_pendingResult = 0;
        guard.unlock();

        Post(BluetoothEventType_Write, id, eventId);

        guard.lock();
        int status = 0;
        if (!s_answered.wait_for(guard, std::chrono::milliseconds(AnswerTimeoutMs), []() { return s_pendingAnswered; }))
        {
            fprintf(stderr, "virtual-esp32: ble: write %u not answered within 2 s (the central gets an ATT error)\n", eventId);
            status = BleAtt_ErrorBase + BleAtt_Unlikely;
        }
        else if (s_pendingResult != 0)
        {
            status = BleAtt_ErrorBase + s_pendingResult;
        }

        s_pendingId = 0;
        s_pendingData.clear();
        return status;
    }

    void WriteChannel(int channel, const uint8_t *data, size_t length)
    {
        const BleCharacteristic *target;
        {
            std::lock_guard<std::mutex> guard(s_lock);
            target = Find(channel, 'w');
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
        }

        Write(target, data, length);
    }

    void SendTable()
    {
        std::vector<BleAttribute> attributes;
        {
            std::lock_guard<std::mutex> guard(s_lock);
            attributes = BleAtt_Layout(s_table);
        }

        uint8_t frame[2 + 255];
        for (const auto &a : attributes)
        {
            s_server.Send(frame, BleAtt_Attribute(frame, a));
        }

        s_server.Send(frame, BleAtt_Message(frame, 'E', 0, nullptr, 0));
    }

    // A write request or command of an attribute-protocol central: a characteristic value goes to the app, a CCCD
    // (un)subscribes, anything else is refused as NimBLE refuses it.
    void WriteAttribute(bool withResponse, uint16_t handle, const uint8_t *value, size_t length)
    {
        BleAttribute attribute{};
        const BleCharacteristic *target = nullptr;
        bool found;
        {
            std::lock_guard<std::mutex> guard(s_lock);
            std::vector<BleAttribute> attributes = BleAtt_Layout(s_table);
            const BleAttribute *a = BleAtt_Find(attributes, handle);
            found = a != nullptr;
            if (found)
            {
                attribute = *a;
                for (const auto &c : s_table)
                {
                    target = c.id == a->characteristicId ? &c : target;
                }
            }
        }

        int status = BleAtt_ErrorBase + BleAtt_InvalidHandle;
        if (found && attribute.kind == 'C' && (attribute.properties & WriteProperty) && target != nullptr)
        {
            status = Write(target, value, length);
        }
        else if (found && attribute.kind == 'D' && attribute.characteristicId != 0 && length >= 1)
        {
            Subscribe(attribute.characteristicId, (value[0] & 0x03) != 0);
            status = 0;
        }
        else if (found)
        {
            status = BleAtt_ErrorBase + BleAtt_WriteNotPermitted;
        }

        if (withResponse)
        {
            uint8_t frame[2 + 255];
            s_server.Send(frame, BleAtt_Response(frame, handle, (uint16_t)status));
        }
    }

    void OnAttribute(const uint8_t *message, size_t length)
    {
        if (length >= 1 && message[0] == 'G')
        {
            SendTable();
        }
        else if (length >= 3 && (message[0] == 'W' || message[0] == 'w'))
        {
            WriteAttribute(message[0] == 'W', BleAtt_U16(message + 1), message + 3, length - 3);
        }
    }

    // The first fragment tells which kind of central this is (reader thread: the only one that sets s_central).
    void OnFragment(int channel, const uint8_t *data, size_t length)
    {
        std::lock_guard<std::mutex> order(s_fragmentLock);
        if (Decide(channel == BleAtt_Channel ? Central::Attributes : Central::Channels))
        {
            StartChannels();
        }

        Central central;
        {
            std::lock_guard<std::mutex> guard(s_lock);
            central = s_central;
        }

        if (central == Central::Attributes && channel == BleAtt_Channel)
        {
            OnAttribute(data, length);
        }
        else if (central == Central::Channels && channel != BleAtt_Channel && length > 0)
        {
            WriteChannel(channel, data, length);
        }
    }

    void OnBytes(const uint8_t *data, size_t length)
    {
        for (size_t i = 0; i < length; i++)
        {
            s_frame[s_have++] = data[i];
            if (s_have >= 2 && s_have == 2 + (size_t)s_frame[1])
            {
                s_have = 0;
                OnFragment(s_frame[0], s_frame + 2, s_frame[1]);
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

void BleLink_Advertise(
    bool on,
    const std::string &deviceName,
    const std::vector<uint8_t> &advert,
    const std::vector<uint8_t> &scanResponse)
{
    {
        std::lock_guard<std::mutex> guard(s_lock);
        s_advertising = on;
        if (on)
        {
            s_advert = advert;
            s_scanResponse = scanResponse;
        }
    }

    if (on)
    {
        // Tools take this line as "the device is up" (boot time to the first advertisement).
        printf("virtual-esp32: ble advertising as '%s'\n", deviceName.c_str());
        fflush(stdout);
        if (!s_serverStarted)
        {
            int port = LoopbackServer_PortFromEnv("VESP32_BLE_PORT");
            bool started = s_server.Start("ble", port < 0 ? 0 : port, OnBytes, OnPeer);
            std::lock_guard<std::mutex> guard(s_lock);
            s_serverStarted = started;
        }
    }

    Publish();
}

void BleLink_PowerDown()
{
    {
        std::lock_guard<std::mutex> guard(s_lock);
        s_advertising = false;
        s_connected = false; // the app that knew this central is gone with the RAM
        s_subscribed.clear();
        s_table.clear();
    }

    Publish();
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
    // A channel-routed central hears nothing of a refusal (the fragment link has no error frame); an
    // attribute-protocol central gets it in the write response.
    std::lock_guard<std::mutex> guard(s_lock);
    if (eventId != 0 && eventId == s_pendingId)
    {
        s_pendingAnswered = true;
        s_pendingResult = result;
        s_answered.notify_all();
    }
}

int BleLink_Notify(uint16_t connection, uint16_t characteristicId, const uint8_t *data, size_t length)
{
    int channel;
    size_t payload;
    uint16_t handle = 0;
    bool attributes;
    {
        std::lock_guard<std::mutex> guard(s_lock);
        attributes = s_central == Central::Attributes;
        channel = ChannelOf(characteristicId, 'n');
        for (const auto &a : BleAtt_Layout(s_table))
        {
            handle = a.kind == 'C' && a.characteristicId == characteristicId ? a.handle : handle;
        }

        if (attributes ? handle == 0 : channel < 0)
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
    if (attributes)
    {
        s_server.Send(frame, BleAtt_Message(frame, 'V', handle, data, length));
        return 0;
    }

    frame[0] = (uint8_t)channel;
    frame[1] = (uint8_t)(length > 255 ? 255 : length);
    memcpy(frame + 2, data, frame[1]);
    s_server.Send(frame, 2 + frame[1]);
    return 0;
}
