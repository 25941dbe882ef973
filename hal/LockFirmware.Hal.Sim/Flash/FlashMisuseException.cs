using System;

namespace LockFirmware.Hal.Sim.Flash
{
    /// <summary>A program that would set a bit from 0 to 1, or an access out of the region: a bug the real chip would hide.</summary>
    public sealed class FlashMisuseException : Exception
    {
        public FlashMisuseException(string message) : base(message)
        {
        }
    }
}
