using System;
using System.IO;
using LockFirmware.Core.Access;

namespace LockFirmware.LockCtl.Access
{
    /// <summary>A lock secret file: 64 hexadecimal characters (32 bytes), surrounding whitespace allowed.</summary>
    public static class SecretFile
    {
        public static byte[] Read(string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                throw new CliException("--secret-file is required");
            }

            if (!File.Exists(path))
            {
                throw new CliException($"secret file '{path}' does not exist");
            }

            string text = File.ReadAllText(path).Trim();
            if (text.Length != 2 * CodeKeys.SecretLength)
            {
                throw new CliException($"secret file '{path}' must hold {2 * CodeKeys.SecretLength} hex characters (a {CodeKeys.SecretLength}-byte secret); it holds {text.Length} characters");
            }

            try
            {
                return Convert.FromHexString(text);
            }
            catch (FormatException)
            {
                throw new CliException($"secret file '{path}' is not hexadecimal");
            }
        }
    }
}
