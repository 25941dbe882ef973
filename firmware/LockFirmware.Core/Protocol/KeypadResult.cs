namespace LockFirmware.Core.Protocol
{
    /// <summary>The verdict on one keypad-channel message, before the digits reach the access verifier.</summary>
    public enum KeypadResult : byte
    {
        /// <summary>Authentic and fresh: the digits are in <see cref="KeypadChannel.Digits"/>.</summary>
        Entry = 0,
        Malformed = 1,
        UnknownKeypad = 2,
        BadTag = 3,
        Replayed = 4,
        StoreFailed = 5,

        /// <summary>A pairing request with no pairing window open, or not sealed under its code.</summary>
        PairingRefused = 6,

        /// <summary>A pairing request that registered its keypad (KeypadPairing.Reply holds the answer).</summary>
        Paired = 7,
    }
}
