namespace LockFirmware.Core.Storage
{
    /// <summary>Little-endian integers in flash records.</summary>
    internal static class LittleEndian
    {
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

        public static void PutUShort(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
        }

        public static int GetUShort(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        public static bool AllErased(byte[] b, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                if (b[i] != 0xFF)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
