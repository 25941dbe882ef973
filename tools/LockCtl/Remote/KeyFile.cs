using System;
using System.IO;

namespace LockFirmware.LockCtl.Remote
{
    /// <summary>A 16-byte role or keypad key: a file of 32 hex characters, or the hex itself (--setup-key from a label).</summary>
    public static class KeyFile
    {
        public static byte[] Read(string path, string what)
        {
            if (string.IsNullOrEmpty(path))
            {
                throw new CliException($"{what} is required");
            }

            if (!File.Exists(path))
            {
                throw new CliException($"{what} '{path}' does not exist");
            }

            return Parse(File.ReadAllText(path).Trim(), $"{what} '{path}'");
        }

        public static byte[] Parse(string hex, string what)
        {
            if (hex.Length != 32)
            {
                throw new CliException($"{what} must hold 32 hex characters (a 16-byte key)");
            }

            try
            {
                return Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                throw new CliException($"{what} is not hexadecimal");
            }
        }
    }
}
