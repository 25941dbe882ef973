namespace LockFirmware.Core.Common
{
    /// <summary>
    /// Big-endian integers in crypto inputs (HMAC and AES blocks, CCM nonces), where the specs fix network byte
    /// order; the lock's own records use <see cref="LittleEndian"/>.
    /// </summary>
    internal static class BigEndian
    {
        public static void PutUInt(byte[] b, int at, uint v)
        {
            b[at] = (byte)(v >> 24);
            b[at + 1] = (byte)(v >> 16);
            b[at + 2] = (byte)(v >> 8);
            b[at + 3] = (byte)v;
        }

        public static void PutULong(byte[] b, int at, ulong v)
        {
            PutUInt(b, at, (uint)(v >> 32));
            PutUInt(b, at + 4, (uint)v);
        }

        public static ulong GetULong(byte[] b, int at)
        {
            ulong v = 0;
            for (int i = 0; i < 8; i++)
            {
                v = (v << 8) | b[at + i];
            }

            return v;
        }
    }
}
