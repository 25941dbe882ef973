namespace LockFirmware.Hal.Sim.Lock
{
    /// <summary>A call into the firmware at virtual time <paramref name="nowMs"/>; returns its next deadline (no Func&lt;T&gt; on nanoFramework).</summary>
    public delegate long TimeStep(long nowMs);

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
        public static long Run(SimBolt bolt, ref long now, long end, long deadline, TimeStep tick, TimeStep inputChanged)
        {
            while (now < end)
            {
                long next = end;
                if (deadline != long.MaxValue && deadline < next)
                {
                    next = deadline > now + 1 ? deadline : now + 1;
                }

                long toSwitch = bolt.MsToEnd;
                long step = toSwitch > 1 ? toSwitch : 1;
                if (toSwitch >= 0 && now + step < next)
                {
                    next = now + step;
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
