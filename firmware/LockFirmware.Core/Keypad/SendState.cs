namespace LockFirmware.Core.Keypad
{
    /// <summary>Where one message of the keypad channel stands.</summary>
    public enum SendState : byte
    {
        Idle = 0,

        /// <summary>Sealed; waiting for a link to the lock to send it on.</summary>
        Pending = 1,

        /// <summary>Sent; waiting for the lock's sealed reply.</summary>
        Sent = 2,

        /// <summary>The lock's reply is in <see cref="KeypadSender.Reply"/>.</summary>
        Replied = 3,

        /// <summary>No reply within the reply window.</summary>
        TimedOut = 4,
    }
}
