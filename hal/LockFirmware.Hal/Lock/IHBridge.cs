namespace LockFirmware.Hal.Lock
{
    /// <summary>The bolt motor's H-bridge: two GPIO outputs on the device.</summary>
    public interface IHBridge
    {
        void Drive(MotorDrive drive);
    }
}
