namespace LockFirmware.Core.Storage
{
    /// <summary>Erased NOR flash reads 0xFF: a record slot that is all 0xFF was never programmed.</summary>
    internal static class Erased
    {
        public static bool All(byte[] b, int offset, int count)
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
