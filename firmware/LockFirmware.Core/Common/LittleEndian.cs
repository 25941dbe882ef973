namespace LockFirmware.Core.Common
{
    /// <summary>
    /// Little-endian integers in byte buffers: every format of the lock (flash records, settings values,
    /// BLE messages) stores integers this way, and this is the one place that writes and reads them.
    /// </summary>
    internal static class LittleEndian
    {
        public static void PutUShort(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
        }

        public static int GetUShort(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        public static void PutUInt(byte[] b, int at, uint v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        public static uint GetUInt(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }

        public static void PutInt(byte[] b, int at, int v)
        {
            PutUInt(b, at, (uint)v);
        }

        public static int GetInt(byte[] b, int at)
        {
            return (int)GetUInt(b, at);
        }

        public static void PutLong(byte[] b, int at, long v)
        {
            PutUInt(b, at, (uint)v);
            PutUInt(b, at + 4, (uint)(v >> 32));
        }

        public static long GetLong(byte[] b, int at)
        {
            return GetUInt(b, at) | ((long)GetUInt(b, at + 4) << 32);
        }
    }
}
