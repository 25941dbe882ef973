//
// LockFirmware virtual ESP32: a TCP listener on 127.0.0.1 for one peer at a time (a new peer replaces the
// old one), with a reader thread. Used by the bench link (lines) and the Bluetooth link (fragments).
//
#ifndef VESP32_LOOPBACK_SERVER_H
#define VESP32_LOOPBACK_SERVER_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

class LoopbackServer
{
  public:
    // Called on the reader thread: bytes received, a peer connected (true) or left (false).
    using OnBytes = std::function<void(const uint8_t *data, size_t length)>;
    using OnPeer = std::function<void(bool connected)>;

    // Listens on 127.0.0.1:port (0: any free port). Returns false (and prints why) when it cannot.
    bool Start(const char *name, int port, OnBytes onBytes, OnPeer onPeer);

    // Sends to the current peer; dropped when there is none. Any thread.
    void Send(const void *data, size_t length);
    void SendLine(const std::string &line);

    bool HasPeer();

    // Closes the current peer's connection (the reader thread reports it gone). Any thread.
    void DropPeer();
    int Port() const
    {
        return m_port;
    }

  private:
    void Run();

    std::string m_name;
    int m_listener = -1;
    int m_peer = -1;
    int m_port = 0;
    std::mutex m_sendLock;
    OnBytes m_onBytes;
    OnPeer m_onPeer;
};

// The port named by an environment variable, or -1 when it is unset or not a port.
int LoopbackServer_PortFromEnv(const char *variable);

#endif
