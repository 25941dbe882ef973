namespace LockFirmware.Core.Power
{
    /// <summary>
    /// What the lock is drawing current for, as the sleep policy decides it: the rows of a board's current table
    /// (boards/&lt;board&gt;/power.json). LockSim's energy meter integrates these; docs/power.md cites each figure.
    /// </summary>
    public enum PowerState : byte
    {
        /// <summary>RTC only; waking restarts the nanoCLR (see <see cref="Booting"/>).</summary>
        DeepSleep = 0,

        /// <summary>CPU paused, RAM kept, radio off (stack stopped).</summary>
        LightSleep = 1,

        /// <summary>CPU running, radio off.</summary>
        AwakeRadioOff = 2,

        /// <summary>CPU running, BLE advertising (stock firmware: no modem sleep, the radio never rests).</summary>
        Advertising = 3,

        /// <summary>CPU running, a BLE peer connected (keypad or installer).</summary>
        Connected = 4,

        /// <summary>The bolt motor turning (plus the CPU awake).</summary>
        MotorRunning = 5,

        /// <summary>After a deep sleep: ROM, bootloader, nanoCLR start, Core.Boot, BLE start.</summary>
        Booting = 6,

        /// <summary>Custom firmware: automatic light sleep with BLE modem sleep; connectable while sleeping.</summary>
        LightSleepRadio = 7,

        /// <summary>Custom firmware: connected with BLE modem sleep between connection events.</summary>
        ConnectedModemSleep = 8,
    }
}
