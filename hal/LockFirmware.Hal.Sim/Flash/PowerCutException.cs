using System;

namespace LockFirmware.Hal.Sim.Flash
{
    /// <summary>The simulated power failed: thrown by the flash at the cut and by every call until <see cref="SimNorFlash.PowerOn"/>.</summary>
    public sealed class PowerCutException : Exception
    {
        public PowerCutException() : base("simulated power cut")
        {
        }
    }
}
