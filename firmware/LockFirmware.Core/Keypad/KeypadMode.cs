namespace LockFirmware.Core.Keypad
{
    /// <summary>What the keypad is doing.</summary>
    public enum KeypadMode : byte
    {
        /// <summary>Taking a code (or asleep with nothing typed).</summary>
        Entry = 0,

        /// <summary>An entry is on its way; waiting for the lock's verdict.</summary>
        Sending = 1,

        /// <summary>Pairing mode: taking the pairing code the installer's session shows.</summary>
        Pairing = 2,

        /// <summary>The pairing request is on its way to the locks in range.</summary>
        PairingSending = 3,
    }
}
