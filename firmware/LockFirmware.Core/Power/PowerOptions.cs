namespace LockFirmware.Core.Power
{
    /// <summary>
    /// What the board and its firmware allow (boards/&lt;board&gt;/: Board.cs on the device, power.json for LockSim).
    /// </summary>
    public sealed class PowerOptions
    {
        /// <summary>Mains-powered board (or today's firmware): never sleeps, advertises all the time.</summary>
        public bool AlwaysAwake;

        /// <summary>
        /// Custom nanoFramework firmware with automatic light sleep, BLE modem sleep and a 32.768 kHz crystal: the
        /// lock stays connectable while it sleeps, so the policy never stops the radio and never deep-sleeps.
        /// </summary>
        public bool RadioWhileSleeping;

        /// <summary>Deep-sleep wake to advertising (ROM, bootloader, nanoCLR, Core.Boot, BLE up), this board's budget.</summary>
        public int WakeToReadyMs = 2500;

        /// <summary>Stock firmware on a battery board: sleeps, radio in windows.</summary>
        public static PowerOptions Battery(int wakeToReadyMs)
        {
            var options = new PowerOptions();
            options.WakeToReadyMs = wakeToReadyMs;
            return options;
        }
    }
}
