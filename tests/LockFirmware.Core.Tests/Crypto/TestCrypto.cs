using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Tests.Crypto
{
    /// <summary>
    /// The crypto primitives the portable tests run on: the host provider on net10.0, the ESP32 adapter
    /// (nanoFramework's System.Security.Cryptography) when the nano1.0 flavor runs on a device.
    /// </summary>
    public static class TestCrypto
    {
        public static ICryptoPrimitives Create()
        {
#if NANOFRAMEWORK
            return new LockFirmware.Hal.Esp32.Esp32Crypto();
#else
            return new LockFirmware.Hal.Sim.Crypto.HostCrypto();
#endif
        }

        /// <summary>Parses hex for vectors written in tests.</summary>
        public static byte[] Hex(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[2 * i + 1]));
            }

            return bytes;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return c - 'A' + 10;
        }
    }
}
