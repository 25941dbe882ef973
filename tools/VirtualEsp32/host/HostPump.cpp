//
// LockFirmware virtual ESP32: the pump behind HostPump_Post (see HostPump.h).
//
#include <mutex>
#include <vector>

#include "HostPump.h"

#include <nanoHAL_v2.h>
#include <nanoPAL.h>

namespace
{
    std::mutex s_lock;
    std::vector<std::function<void()>> s_queue;
    HAL_CONTINUATION s_continuation;

    // Runs on the CLR thread from CLR_HW_Hardware::ProcessActivity, then queues itself again.
    void Drain(void *)
    {
        HostPump_RunPending();
        s_continuation.Enqueue();
    }
} // namespace

void HostPump_RunPending()
{
    std::vector<std::function<void()>> work;
    {
        std::lock_guard<std::mutex> guard(s_lock);
        work.swap(s_queue);
    }

    for (auto &fn : work)
    {
        fn();
    }
}

void HostPump_Start()
{
    s_continuation.InitializeCallback(Drain, nullptr);
    s_continuation.Enqueue();
}

// nanoHAL_Initialize (C++ linkage) empties the continuation list at every CLR start: the pump joins it after.
// Wrapped at link time (natives/Host.cmake).
extern "C" void __real__Z18nanoHAL_Initializev();
extern "C" void __wrap__Z18nanoHAL_Initializev()
{
    __real__Z18nanoHAL_Initializev();
    HostPump_Start();
}

void HostPump_Post(std::function<void()> fn)
{
    {
        std::lock_guard<std::mutex> guard(s_lock);
        s_queue.push_back(std::move(fn));
    }

    // Any wake-up flag of the scheduler makes it process hardware activity, hence the continuation.
    Events_Set(SYSTEM_EVENT_HW_INTERRUPT);
}
