namespace LockFirmware.Core.Protocol
{
    /// <summary>
    /// The fragment header every BLE write or notification (and every loopback datagram) starts with
    /// (docs/ble-protocol.md): one control byte, FIRST (0x80) | LAST (0x40) | index 0-63, and on a FIRST
    /// fragment the message length (2 bytes, little-endian). Messages are at most <see cref="MaxMessage"/> bytes;
    /// a fragment carries at least 20 bytes (the smallest BLE payload) and at most 244.
    /// </summary>
    public static class Fragments
    {
        public const byte First = 0x80;
        public const byte Last = 0x40;
        public const byte IndexMask = 0x3F;
        public const int MinPayload = 20;
        public const int MaxPayload = 244;
        public const int MaxMessage = 1024;
    }
}
