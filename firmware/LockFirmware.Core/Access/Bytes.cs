namespace LockFirmware.Core.Access
{
    /// <summary>Little-endian integers in byte records.</summary>
    internal static class Bytes
    {
        public static void PutInt(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        public static int GetInt(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        public static void PutLong(byte[] b, int at, long v)
        {
            PutInt(b, at, (int)v);
            PutInt(b, at + 4, (int)(v >> 32));
        }

        public static long GetLong(byte[] b, int at)
        {
            return (uint)GetInt(b, at) | ((long)GetInt(b, at + 4) << 32);
        }
    }
}
