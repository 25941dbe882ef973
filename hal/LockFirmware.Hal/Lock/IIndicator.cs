namespace LockFirmware.Hal.Lock
{
    /// <summary>An on/off output: the indicator LED or the buzzer. Core plays patterns by switching it.</summary>
    public interface IIndicator
    {
        void Set(bool on);
    }
}
