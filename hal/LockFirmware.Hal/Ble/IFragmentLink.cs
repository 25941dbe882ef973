namespace LockFirmware.Hal.Ble
{
    /// <summary>
    /// A link that carries fragments (docs/ble-protocol.md) on two channels: the GATT service on the ESP32,
    /// loopback TCP on a host. Polled by the lock's loop; never blocks.
    /// </summary>
    public interface IFragmentLink
    {
        /// <summary>Largest fragment the link carries now (20 for a default BLE MTU, up to 244).</summary>
        int Payload { get; }

        /// <summary>True when a peer is connected; a drop ends any admin session.</summary>
        bool Connected { get; }

        /// <summary>Takes one received fragment if there is one: its channel (1 admin, 2 keypad) and length.</summary>
        bool TryReceive(byte[] buffer, out int channel, out int length);

        /// <summary>Sends one fragment on a channel (a notification on BLE).</summary>
        void Send(int channel, byte[] fragment, int length);
    }
}
