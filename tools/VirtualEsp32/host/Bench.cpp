//
// LockFirmware virtual ESP32: the bench link (see Bench.h). Pin messages go to the GPIO model on the CLR thread.
//
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "../clock/VirtualClock.h"
#include "../esp32/Esp32Sleep.h"
#include "../gpio/VirtualGpio.h"
#include "Bench.h"
#include "HostPump.h"
#include "LoopbackServer.h"

#include <nanoCLR_Runtime.h>


namespace
{
    LoopbackServer s_server;
    std::string s_pending;

    void Handle(const std::string &line)
    {
        std::istringstream words(line);
        std::string verb;
        words >> verb;
        if (verb == "in")
        {
            int pin = -1;
            std::string level;
            words >> pin >> level;
            int external = level == "1" ? 1 : level == "0" ? 0 : -1;
            if (pin < 0 || (external < 0 && level != "z"))
            {
                Bench_Send("error bad line: " + line);
                return;
            }

            HostPump_Post([pin, external]() { VirtualGpio_Drive(pin, external); });
        }
        else if (verb == "switch")
        {
            int a = -1, b = -1;
            std::string state;
            words >> a >> b >> state;
            if (a < 0 || b < 0 || (state != "1" && state != "0"))
            {
                Bench_Send("error bad line: " + line);
                return;
            }

            bool closed = state == "1";
            HostPump_Post([a, b, closed]() { VirtualGpio_Switch(a, b, closed); });
        }
        else if (verb == "touch")
        {
            int pad = -1;
            words >> pad;
            if (pad < 0)
            {
                Bench_Send("error bad line: " + line);
                return;
            }

            HostPump_Post([pad]() { Esp32Sleep_Touch(pad); });
        }
        else if (verb == "advance")
        {
            long long ms = -1;
            words >> ms;
            if (ms < 0)
            {
                Bench_Send("error bad line: " + line);
                return;
            }

            VirtualClock_Advance(ms);
        }
        else if (verb == "pins?")
        {
            HostPump_Post([]() { VirtualGpio_Report(); });
        }
        else if (verb == "time?")
        {
            HostPump_Post([]() { VirtualGpio_ReportTime(); });
        }
        else if (verb == "heap?")
        {
            // As Debug.GC(true) / nanoFramework.Runtime.Native.GC.Run: a full collection, then the free bytes.
            HostPump_Post([]() {
                Bench_Send(
                    "heap free=" + std::to_string(g_CLR_RT_ExecutionEngine.PerformGarbageCollection()) +
                    " total=" + std::to_string((unsigned long)s_CLR_RT_Heap.m_size));
            });
        }
        else if (!verb.empty())
        {
            Bench_Send("error unknown: " + line);
        }
    }

    void OnBytes(const uint8_t *data, size_t length)
    {
        for (size_t i = 0; i < length; i++)
        {
            char c = (char)data[i];
            if (c == '\n')
            {
                Handle(s_pending);
                s_pending.clear();
            }
            else if (c != '\r' && s_pending.size() < 200)
            {
                s_pending += c;
            }
        }
    }

    void OnPeer(bool connected)
    {
        s_pending.clear();
        if (connected)
        {
            Bench_Send("hello virtual-esp32 1");
            HostPump_Post([]() { VirtualGpio_Report(); });
        }
    }

    // Starts with the process (before the CLR), so a bench can attach before the app opens its pins.
    struct BenchStarter
    {
        BenchStarter()
        {
            int port = LoopbackServer_PortFromEnv("VESP32_BENCH_PORT");
            if (port >= 0 && !s_server.Start("bench", port, OnBytes, OnPeer))
            {
                exit(3);
            }
        }
    } s_starter;
} // namespace

void Bench_Send(const std::string &line)
{
    s_server.SendLine(line);
}
