using LockFirmware.Core.Lock;

namespace LockFirmware.Core.Power
{
    /// <summary>
    /// Low battery from the pack voltage, with hysteresis so a cold morning or a motor pulse does not flap it. The
    /// controller logs LowBattery once and shows it (after each keypad verdict too: the person at the door sees it).
    /// Read the voltage with the motor off: alkaline cells sag under the motor's current.
    /// </summary>
    public sealed class BatteryMonitor
    {
        /// <summary>4x AA alkaline: 1.10 V a cell, about the last tenth of an E91's capacity at low drain (docs/power.md).</summary>
        public const int LowMv = 4400;

        /// <summary>Cleared only by fresh cells (1.20 V a cell), not by a pack recovering after a rest.</summary>
        public const int ClearMv = 4800;

        /// <summary>A reading of the pack, in millivolts.</summary>
        public void Reading(LockController controller, int millivolts, long nowMs)
        {
            if (!controller.LowBattery && millivolts <= LowMv)
            {
                controller.SetLowBattery(true, nowMs);
            }
            else if (controller.LowBattery && millivolts >= ClearMv)
            {
                controller.SetLowBattery(false, nowMs);
            }
        }
    }
}
