//
// LockFirmware virtual ESP32: LoopbackServer (see LoopbackServer.h).
//
#include <arpa/inet.h>
#include <cstdio>
#include <cstdlib>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "LoopbackServer.h"


bool LoopbackServer::Start(const char *name, int port, OnBytes onBytes, OnPeer onPeer)
{
    m_name = name;
    m_onBytes = std::move(onBytes);
    m_onPeer = std::move(onPeer);

    m_listener = socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));

    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons((uint16_t)port);
    if (bind(m_listener, (sockaddr *)&address, sizeof(address)) != 0 || listen(m_listener, 1) != 0)
    {
        fprintf(stderr, "virtual-esp32: %s: cannot listen on 127.0.0.1:%d\n", name, port);
        close(m_listener);
        m_listener = -1;
        return false;
    }

    socklen_t length = sizeof(address);
    getsockname(m_listener, (sockaddr *)&address, &length);
    m_port = ntohs(address.sin_port);

    // Tools read this line to find the port (port 0 picks a free one).
    printf("virtual-esp32: %s on 127.0.0.1:%d\n", name, m_port);
    fflush(stdout);

    std::thread([this]() { Run(); }).detach();
    return true;
}

void LoopbackServer::Run()
{
    uint8_t buffer[512];
    while (true)
    {
        int peer = accept(m_listener, nullptr, nullptr);
        if (peer < 0)
        {
            continue;
        }

        int yes = 1;
        setsockopt(peer, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
        {
            std::lock_guard<std::mutex> guard(m_sendLock);
            m_peer = peer;
        }

        m_onPeer(true);
        while (true)
        {
            ssize_t got = recv(peer, buffer, sizeof(buffer), 0);
            if (got <= 0)
            {
                break;
            }

            m_onBytes(buffer, (size_t)got);
        }

        {
            std::lock_guard<std::mutex> guard(m_sendLock);
            m_peer = -1;
        }

        close(peer);
        m_onPeer(false);
    }
}

void LoopbackServer::Send(const void *data, size_t length)
{
    std::lock_guard<std::mutex> guard(m_sendLock);
    if (m_peer >= 0)
    {
        send(m_peer, data, length, MSG_NOSIGNAL);
    }
}

void LoopbackServer::SendLine(const std::string &line)
{
    std::string text = line + "\n";
    Send(text.data(), text.size());
}

void LoopbackServer::DropPeer()
{
    std::lock_guard<std::mutex> guard(m_sendLock);
    if (m_peer >= 0)
    {
        shutdown(m_peer, SHUT_RDWR);
    }
}

bool LoopbackServer::HasPeer()
{
    std::lock_guard<std::mutex> guard(m_sendLock);
    return m_peer >= 0;
}

int LoopbackServer_PortFromEnv(const char *variable)
{
    const char *text = getenv(variable);
    if (text == nullptr || *text == 0)
    {
        return -1;
    }

    char *end = nullptr;
    long port = strtol(text, &end, 10);
    return (*end == 0 && port >= 0 && port <= 65535) ? (int)port : -1;
}
