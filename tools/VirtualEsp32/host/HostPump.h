//
// LockFirmware virtual ESP32: runs work from host threads (the bench and Bluetooth sockets) on the CLR's own
// thread, where natives may touch the CLR (post managed events, read heap blocks). On the ESP32 that is what an
// ISR does under GLOBAL_LOCK; the posix GLOBAL_LOCK is empty, so here the work waits in a queue that a
// HAL_CONTINUATION drains whenever the interpreter processes hardware activity.
//
#ifndef VESP32_HOST_PUMP_H
#define VESP32_HOST_PUMP_H

#include <functional>

// Queues fn to run on the CLR thread and wakes the interpreter. Any thread.
void HostPump_Post(std::function<void()> fn);

// Runs what is queued now; CLR thread only (a native that blocks, such as light sleep, keeps the pins alive).
void HostPump_RunPending();

// (Re)starts the pump on the CLR thread; called after nanoHAL_Initialize.
void HostPump_Start();

#endif
