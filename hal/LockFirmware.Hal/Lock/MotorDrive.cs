namespace LockFirmware.Hal.Lock
{
    /// <summary>
    /// The four states of a two-input H-bridge (DRV8833-style: IN1/IN2). One value at a time, so the bridge can
    /// never be told to drive both ways. Convention: Forward extends the bolt (locks), Reverse retracts it.
    /// </summary>
    public enum MotorDrive : byte
    {
        /// <summary>Both inputs low: outputs float, the motor spins down freely.</summary>
        Coast = 0,

        /// <summary>Extend the bolt (lock).</summary>
        Forward = 1,

        /// <summary>Retract the bolt (unlock).</summary>
        Reverse = 2,

        /// <summary>Both inputs high: the motor's terminals are shorted, it stops at once.</summary>
        Brake = 3,
    }
}
