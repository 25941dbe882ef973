using System;
using System.IO;

namespace LockFirmware.LockCtl.Access
{
    /// <summary>Files lockctl writes: a path that cannot be written is a clear CLI error, not a stack trace.</summary>
    public static class CliFiles
    {
        public static void Write(string path, string text)
        {
            try
            {
                File.WriteAllText(path, text);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CliException($"cannot write '{path}': {e.Message}");
            }
        }
    }
}
