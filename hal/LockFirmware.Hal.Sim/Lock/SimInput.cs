using LockFirmware.Hal.Lock;

namespace LockFirmware.Hal.Sim.Lock
{
    /// <summary>A switch or sensor the simulation (or a test) sets.</summary>
    public sealed class SimInput : IDigitalInput
    {
        public SimInput(bool active = false)
        {
            IsActive = active;
        }

        public bool IsActive { get; set; }
    }
}
