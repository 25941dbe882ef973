using LockFirmware.Hal.Lock;

namespace LockFirmware.Hal.Sim.Lock
{
    /// <summary>An LED or buzzer: remembers its state and counts how often it was switched on.</summary>
    public sealed class SimIndicator : IIndicator
    {
        public bool On { get; private set; }
        public int TimesOn { get; private set; }

        public void Set(bool on)
        {
            if (on && !On)
            {
                TimesOn++;
            }

            On = on;
        }
    }
}
