using System;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Lock;

namespace LockFirmware.LockBench
{
    /// <summary>Bytes allocated per tick and per event by the lock controller, in steady state (target: zero).</summary>
    public static class LockBenchmark
    {
        private sealed class NullLog : IEventLog
        {
            public bool Append(EventType type, long nowMs, uint data) => true;
        }

        public static int Run()
        {
            var hw = new SimLockHardware();
            var controller = new LockController(new LockConfig(), hw.Ports, new NullLog());
            long now = 1795615200000L;
            controller.Start(now);

            // Warm up: one full cycle, so every path has run once.
            Cycle(controller, hw, ref now);

            const int ticks = 100_000;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < ticks; i++)
            {
                now += 10;
                controller.Tick(now);
            }

            long tickBytes = GC.GetAllocatedBytesForCurrentThread() - before;

            const int cycles = 1_000;
            int events = 0;
            before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < cycles; i++)
            {
                events += Cycle(controller, hw, ref now);
            }

            long eventBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine("lock: controller allocations in steady state");
            Console.WriteLine($"  {ticks} idle ticks: {tickBytes} bytes ({(double)tickBytes / ticks:0.00} per tick)");
            Console.WriteLine($"  {cycles} unlock/door/relock cycles, {events} calls: {eventBytes} bytes ({(double)eventBytes / events:0.00} per event)");

            // The whole core as the device loop drives it: controller, session timeout, lockout, rejection log.
            var core = new LockFirmware.Core.LockCore(
                new LockFirmware.Hal.Sim.Flash.SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount), new SimLockHardware().Ports,
                new LockFirmware.Hal.Sim.Crypto.HostCrypto(), new LockFirmware.Hal.Sim.Crypto.HostCrypto(), null,
                LockFirmware.Core.Access.AccessPolicy.Default(), new LockConfig());
            core.Boot(now);
            core.Provision(new byte[32], now);
            core.Tick(now);
            before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < ticks; i++)
            {
                now += 10;
                core.Tick(now);
            }

            long coreBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine($"  LockCore.Tick (the device loop), {ticks} idle ticks: {coreBytes} bytes ({(double)coreBytes / ticks:0.00} per tick)");
            return 0;
        }

        // Unlock, wait for the bolt, open and close the door, wait for the relock: the calls a delivery makes.
        private static int Cycle(LockController c, SimLockHardware hw, ref long now)
        {
            int calls = 0;
            c.RequestUnlock(UnlockReason.Credential, now);
            calls++;
            calls += RunFor(c, hw, ref now, 1500);
            hw.DoorClosed.IsActive = false;
            c.OnInputChanged(now);
            calls++;
            calls += RunFor(c, hw, ref now, 3000);
            hw.DoorClosed.IsActive = true;
            c.OnInputChanged(now);
            calls++;
            calls += RunFor(c, hw, ref now, 5000);
            return calls;
        }

        private static int RunFor(LockController c, SimLockHardware hw, ref long now, int ms)
        {
            int calls = 0;
            for (int t = 0; t < ms; t += 10)
            {
                hw.Bolt.Advance(10);
                now += 10;
                c.Tick(now);
                calls++;
            }

            return calls;
        }
    }
}
