//
// LockFirmware virtual ESP32: the central role's radio (see BleCentral.h).
//
#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "../host/HostPump.h"
#include "BleAir.h"
#include "BleCentral.h"
#include "BleScanner.h"

#include <nanoCLR_Runtime.h>
#include <sys_dev_ble_native.h>

namespace
{
    const int ConnectTimeoutMs = 7000; // upstream's connectTimeout for ble_gap_connect
    const size_t WritePayload = 20;    // ATT MTU 23: nobody exchanges a larger one
    const uint8_t SupervisionTimeout = 0x08;
    const uint8_t LocalTermination = 0x16;
    const size_t KeepNotifications = 16;

    struct Connection
    {
        uint16_t handle; // the routing handle until connected, then the connection handle
        uint64_t address;
        int socket = -1;
        bool connecting = false;
        bool connected = false;
        uint16_t serviceHandle = 0;  // the last service discovered into (upstream's con->serviceHandle)
        uint16_t pendingWrite = 0;   // the value handle of the write awaiting its response
        std::vector<BleAttribute> table;
        std::deque<BleAttribute> descriptors;
        std::deque<std::pair<uint16_t, std::vector<uint8_t>>> notifications;
    };

    std::mutex s_lock;
    std::vector<std::shared_ptr<Connection>> s_connections;
    uint16_t s_nextHandle = 1;

    // data2 as upstream's PostCentralEvent packs it.
    void Post(uint8_t op, uint16_t handle, uint16_t status, uint16_t service, uint16_t attribute)
    {
        uint32_t data2 = ((uint32_t)service << 24) + ((uint32_t)attribute << 8) + (status & 0xff);
        HostPump_Post([op, handle, data2]() { PostManagedEvent(EVENT_BLUETOOTH, op, handle, data2); });
    }

    // ConvertReadWriteStatus of upstream: 0 success, 5 access denied, anything else failure.
    uint16_t ReadWriteResult(uint16_t status)
    {
        return status == 0 ? BluetoothLEDevice_readWriteValueResult_success
                           : status == 5 ? BluetoothLEDevice_readWriteValueResult_acessDenied
                                         : BluetoothLEDevice_readWriteValueResult_failure;
    }

    std::shared_ptr<Connection> Find(uint16_t handle)
    {
        for (auto &c : s_connections)
        {
            if (c->handle == handle)
            {
                return c;
            }
        }

        return nullptr;
    }

    bool Listed(const std::shared_ptr<Connection> &connection)
    {
        for (auto &c : s_connections)
        {
            if (c == connection)
            {
                return true;
            }
        }

        return false;
    }

    void Remove(const std::shared_ptr<Connection> &connection)
    {
        for (auto at = s_connections.begin(); at != s_connections.end(); ++at)
        {
            if (*at == connection)
            {
                s_connections.erase(at);
                return;
            }
        }
    }

    bool SendAll(int socket, const uint8_t *data, size_t length)
    {
        while (length > 0)
        {
            ssize_t sent = send(socket, data, length, MSG_NOSIGNAL);
            if (sent <= 0)
            {
                return false;
            }

            data += sent;
            length -= (size_t)sent;
        }

        return true;
    }

    // Reads one fragment; false when the peer is gone.
    bool ReadFragment(int socket, uint8_t *frame)
    {
        size_t have = 0, need = 2;
        while (have < need)
        {
            ssize_t got = recv(socket, frame + have, need - have, 0);
            if (got <= 0)
            {
                return false;
            }

            have += (size_t)got;
            if (have == 2)
            {
                need = 2 + frame[1];
            }
        }

        return true;
    }

    int Dial(int port)
    {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons((uint16_t)port);
        if (connect(s, (sockaddr *)&address, sizeof(address)) != 0)
        {
            close(s);
            return -1;
        }

        int yes = 1;
        setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
        return s;
    }

    // Connects and reads the server's attribute table; -1 when the device is not there.
    int Open(uint64_t address, std::vector<BleAttribute> &table)
    {
        BlePeer peer;
        int s = BleAir_Find(address, peer) ? Dial(peer.port) : -1;
        uint8_t frame[2 + 255];
        if (s < 0 || !SendAll(s, frame, BleAtt_Message(frame, 'G', 0, nullptr, 0)))
        {
            if (s >= 0)
                close(s);
            return -1;
        }

        while (ReadFragment(s, frame))
        {
            BleAttribute attribute;
            if (frame[0] == BleAtt_Channel && frame[1] >= 1 && frame[2] == 'E')
            {
                return s;
            }

            if (frame[0] == BleAtt_Channel && BleAtt_ReadAttribute(frame + 2, frame[1], attribute))
            {
                table.push_back(attribute);
            }
        }

        close(s);
        return -1;
    }

    void OnMessage(const std::shared_ptr<Connection> &c, const uint8_t *m, size_t length)
    {
        if (length >= 5 && m[0] == 'R')
        {
            uint16_t handle = BleAtt_U16(m + 1), status = BleAtt_U16(m + 3), service;
            {
                std::lock_guard<std::mutex> guard(s_lock);
                c->pendingWrite = 0;
                service = c->serviceHandle;
            }

            Post(BluetoothEventType_AttributeWriteValueComplete, c->handle, ReadWriteResult(status), service, handle);
        }
        else if (length >= 3 && m[0] == 'V')
        {
            uint16_t handle = BleAtt_U16(m + 1);
            {
                std::lock_guard<std::mutex> guard(s_lock);
                c->notifications.emplace_back(handle, std::vector<uint8_t>(m + 3, m + length));
                if (c->notifications.size() > KeepNotifications)
                {
                    c->notifications.pop_front();
                }
            }

            Post(BluetoothEventType_AttributeValueChanged, c->handle, 0, 0, handle); // status 0: a notification
        }
    }

    // The connection's life on its own thread: wait for the device (up to the connect timeout), connect, then
    // read what the server sends until either side closes.
    void Run(std::shared_ptr<Connection> c, uint16_t routing)
    {
        std::vector<BleAttribute> table;
        int s = -1;
        auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ConnectTimeoutMs);
        while ((s = Open(c->address, table)) < 0 && std::chrono::steady_clock::now() < until)
        {
            table.clear();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }

        uint16_t handle = 0;
        {
            std::lock_guard<std::mutex> guard(s_lock);
            c->connecting = false;
            if (s >= 0 && Listed(c))
            {
                handle = s_nextHandle++;
                c->handle = handle;
                c->socket = s;
                c->connected = true;
                c->table = table;
            }
            else
            {
                Remove(c); // upstream: RemoveConnection of the routing handle
            }
        }

        if (handle == 0)
        {
            if (s >= 0)
                close(s); // disposed, or the stack stopped, while connecting
            fprintf(stderr, "virtual-esp32: ble central: %012llx not found within 7 s\n", (unsigned long long)c->address);
            Post(BluetoothEventType_ConnectComplete, routing, Nimble_ETimeout, 0, 0);
            return;
        }

        printf("virtual-esp32: ble central: connected to %012llx, handle %u\n", (unsigned long long)c->address, handle);
        fflush(stdout);
        Post(BluetoothEventType_ConnectComplete, routing, 0, 0, handle);

        uint8_t frame[2 + 255];
        while (ReadFragment(s, frame))
        {
            if (frame[0] == BleAtt_Channel)
            {
                OnMessage(c, frame + 2, frame[1]);
            }
        }

        uint16_t pending, service;
        bool wasConnected;
        {
            std::lock_guard<std::mutex> guard(s_lock);
            wasConnected = c->connected;
            c->connected = false;
            pending = c->pendingWrite;
            service = c->serviceHandle;
            c->pendingWrite = 0;
            close(c->socket);
            c->socket = -1;
        }

        if (wasConnected)
        {
            if (pending != 0)
            {
                Post(BluetoothEventType_AttributeWriteValueComplete, handle, ReadWriteResult(Nimble_ENotConn), service, pending);
            }

            Post(BluetoothEventType_ConnectionDisconnected, handle, SupervisionTimeout, 0, handle);
        }
    }

    std::vector<BleAttribute> Attributes(const std::shared_ptr<Connection> &c, char kind, uint16_t after, uint16_t last)
    {
        std::vector<BleAttribute> selected;
        for (const auto &a : c->table)
        {
            if (a.handle > after && a.handle <= last && (kind == 0 || a.kind == kind))
            {
                selected.push_back(a);
            }
        }

        return selected;
    }

    // The context for a GATT procedure: NoContext, Nimble_ENotConn, or 0 with c set.
    int Procedure(uint16_t handle, std::shared_ptr<Connection> &c)
    {
        c = Find(handle);
        return c == nullptr ? NoContext : c->connected ? 0 : Nimble_ENotConn;
    }
} // namespace

int BleCentral_Connect(uint64_t address, uint16_t routing)
{
    if (BleScanner_Active())
    {
        return Nimble_EAlready;
    }

    std::shared_ptr<Connection> c;
    {
        std::lock_guard<std::mutex> guard(s_lock);
        for (auto &other : s_connections)
        {
            if (other->connecting)
            {
                return Nimble_EAlready;
            }

            if (other->connected && other->address == address)
            {
                // Already connected (BLE_HS_EDONE upstream): completes at once with that connection.
                Post(BluetoothEventType_ConnectComplete, routing, 0, 0, other->handle);
                return 0;
            }
        }

        c = std::make_shared<Connection>();
        c->handle = routing;
        c->address = address;
        c->connecting = true;
        s_connections.push_back(c);
    }

    std::thread([c, routing]() { Run(c, routing); }).detach();
    return 0;
}

void BleCentral_Disconnect(uint16_t handle)
{
    std::lock_guard<std::mutex> guard(s_lock);
    std::shared_ptr<Connection> c = Find(handle);
    if (c == nullptr || !c->connected)
    {
        // ble_gap_terminate failed: upstream posts the disconnection itself, with the error as status.
        Post(BluetoothEventType_ConnectionDisconnected, handle, Nimble_ENotConn, 0, handle);
        return;
    }

    c->connected = false;
    shutdown(c->socket, SHUT_RDWR); // the reader thread ends; this side posts the event
    if (c->pendingWrite != 0)
    {
        Post(BluetoothEventType_AttributeWriteValueComplete, handle, ReadWriteResult(Nimble_ENotConn), c->serviceHandle, c->pendingWrite);
        c->pendingWrite = 0;
    }

    Post(BluetoothEventType_ConnectionDisconnected, handle, LocalTermination, 0, handle);
}

void BleCentral_Dispose(uint16_t handle)
{
    std::lock_guard<std::mutex> guard(s_lock);
    std::shared_ptr<Connection> c = Find(handle);
    if (c != nullptr)
    {
        Remove(c);
    }
}

void BleCentral_PowerDown()
{
    BleScanner_Stop();
    std::lock_guard<std::mutex> guard(s_lock);
    for (auto &c : s_connections)
    {
        c->connected = false;
        if (c->socket >= 0)
        {
            shutdown(c->socket, SHUT_RDWR);
        }

    }

    s_connections.clear();
}

int BleCentral_DiscoverServices(uint16_t handle)
{
    std::lock_guard<std::mutex> guard(s_lock);
    std::shared_ptr<Connection> c;
    int rc = Procedure(handle, c);
    if (rc != 0)
    {
        return rc;
    }

    for (const auto &a : Attributes(c, 'S', 0, 0xffff))
    {
        Post(BluetoothEventType_ServiceDiscovered, handle, 0, a.handle, 0);
    }

    Post(BluetoothEventType_ServiceDiscoveryComplete, handle, Nimble_EDone, 0, 0);
    return 0;
}

int BleCentral_DiscoverCharacteristics(uint16_t handle, uint16_t service, uint16_t start, uint16_t end)
{
    std::lock_guard<std::mutex> guard(s_lock);
    std::shared_ptr<Connection> c;
    int rc = Procedure(handle, c);
    if (rc != 0)
    {
        return rc;
    }

    c->serviceHandle = service;
    for (const auto &a : Attributes(c, 'C', start, end))
    {
        Post(BluetoothEventType_CharacteristicDiscovered, handle, 0, service, a.handle);
    }

    Post(BluetoothEventType_CharacteristicDiscoveryComplete, handle, Nimble_EDone, service, 0);
    return 0;
}

int BleCentral_DiscoverDescriptors(uint16_t handle, uint16_t valueHandle, uint16_t last)
{
    std::lock_guard<std::mutex> guard(s_lock);
    std::shared_ptr<Connection> c;
    int rc = Procedure(handle, c);
    if (rc != 0)
    {
        return rc;
    }

    for (const auto &a : Attributes(c, 0, valueHandle, last))
    {
        c->descriptors.push_back(a);
        Post(BluetoothEventType_DescriptorDiscovered, handle, 0, c->serviceHandle, valueHandle);
    }

    Post(BluetoothEventType_DescriptorDiscoveryComplete, handle, Nimble_EDone, c->serviceHandle, valueHandle);
    return 0;
}

bool BleCentral_Attribute(uint16_t handle, uint16_t attributeHandle, BleAttribute &attribute)
{
    std::lock_guard<std::mutex> guard(s_lock);
    std::shared_ptr<Connection> c = Find(handle);
    const BleAttribute *a = c != nullptr ? BleAtt_Find(c->table, attributeHandle) : nullptr;
    if (a != nullptr)
    {
        attribute = *a;
    }

    return a != nullptr;
}

bool BleCentral_NextDescriptor(uint16_t handle, BleAttribute &attribute)
{
    std::lock_guard<std::mutex> guard(s_lock);
    std::shared_ptr<Connection> c = Find(handle);
    if (c == nullptr || c->descriptors.empty())
    {
        return false;
    }

    attribute = c->descriptors.front();
    c->descriptors.pop_front();
    return true;
}

int BleCentral_Write(uint16_t handle, uint16_t valueHandle, bool withResponse, const uint8_t *data, size_t length)
{
    std::lock_guard<std::mutex> guard(s_lock);
    std::shared_ptr<Connection> c = Find(handle);
    if (c == nullptr || !c->connected)
    {
        return Nimble_ENotConn;
    }

    if (length > WritePayload)
    {
        length = WritePayload;
    }

    uint8_t frame[2 + 255];
    if (withResponse)
    {
        c->pendingWrite = valueHandle;
    }

    SendAll(c->socket, frame, BleAtt_Message(frame, withResponse ? 'W' : 'w', valueHandle, data, length));
    return 0;
}

bool BleCentral_TakeNotification(uint16_t handle, uint16_t valueHandle, std::vector<uint8_t> &value)
{
    std::lock_guard<std::mutex> guard(s_lock);
    std::shared_ptr<Connection> c = Find(handle);
    if (c == nullptr)
    {
        return false;
    }

    for (auto at = c->notifications.begin(); at != c->notifications.end(); ++at)
    {
        if (at->first == valueHandle)
        {
            value = at->second;
            c->notifications.erase(at);
            return true;
        }
    }

    return false;
}
