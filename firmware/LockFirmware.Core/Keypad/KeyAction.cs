namespace LockFirmware.Core.Keypad
{
    /// <summary>What one key press did to the entry.</summary>
    public enum KeyAction : byte
    {
        None = 0,
        Digit = 1,
        Cleared = 2,
        Send = 3,
    }
}
