using System;

namespace LockFirmware.Hal.Sim.Lock
{
    /// <summary>
    /// Moves virtual time for a simulated lock, event by event: to the firmware's next deadline or to the bolt
    /// reaching a switch, whichever is first, calling the firmware there exactly as the device loop would.
    /// LockSim and the controller tests both step time with it.
    /// </summary>
    public static class VirtualTime
    {
        /// <summary>
        /// Runs from <paramref name="now"/> to <paramref name="end"/>. <paramref name="tick"/> is called at each
        /// step (and returns the next deadline), <paramref name="inputChanged"/> when a limit switch changed.
        /// Returns the deadline after the last step.
        /// </summary>
        public static long Run(SimBolt bolt, ref long now, long end, long deadline, Func<long, long> tick, Func<long, long> inputChanged)
        {
            while (now < end)
            {
                long next = end;
                if (deadline != long.MaxValue && deadline < next)
                {
                    next = Math.Max(deadline, now + 1);
                }

                long toSwitch = bolt.MsToEnd;
                if (toSwitch >= 0 && now + Math.Max(toSwitch, 1) < next)
                {
                    next = now + Math.Max(toSwitch, 1);
                }

                bool extended = bolt.Extended.IsActive, retracted = bolt.Retracted.IsActive;
                bolt.Advance(next - now);
                now = next;
                if (extended != bolt.Extended.IsActive || retracted != bolt.Retracted.IsActive)
                {
                    inputChanged(now);
                }

                deadline = tick(now);
            }

            return deadline;
        }
    }
}
