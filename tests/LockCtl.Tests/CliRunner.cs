using System;
using System.IO;

namespace LockFirmware.LockCtl.Tests
{
    /// <summary>Runs lockctl in-process and captures what it prints.</summary>
    public static class CliRunner
    {
        private static readonly object Gate = new object();

        public static (int Code, string Out, string Err) Run(params string[] args)
        {
            lock (Gate)
            {
                var output = new StringWriter();
                var error = new StringWriter();
                TextWriter oldOut = Console.Out, oldErr = Console.Error;
                Console.SetOut(output);
                Console.SetError(error);
                try
                {
                    int code = Program.Main(args);
                    return (code, output.ToString(), error.ToString());
                }
                finally
                {
                    Console.SetOut(oldOut);
                    Console.SetError(oldErr);
                }
            }
        }

        public static string SecretFile(string hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
        {
            string path = Path.Combine(Path.GetTempPath(), "lockctl-secret-" + Guid.NewGuid().ToString("N") + ".hex");
            File.WriteAllText(path, hex + "\n");
            return path;
        }
    }
}
