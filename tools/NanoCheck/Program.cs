using System;
using System.Collections.Generic;
using System.IO;

namespace LockFirmware.NanoCheck
{
    /// <summary>
    /// nanocheck ASSEMBLY... [--allow NAME]... [--mscorlib VERSION]
    /// Exit 0: clean. Exit 1: violations (one line each on stderr). Exit 2: usage or unreadable file.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var options = new CheckOptions();
            var files = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--allow" when i + 1 < args.Length:
                        foreach (string name in args[++i].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            options.AllowedAssemblies.Add(name);
                        }

                        break;
                    case "--mscorlib" when i + 1 < args.Length:
                        if (!Version.TryParse(args[++i], out Version v))
                        {
                            return Usage($"'{args[i]}' is not a version");
                        }

                        options.MscorlibVersion = v;
                        break;
                    case "-h":
                    case "--help":
                        return Usage(null);
                    default:
                        if (args[i].StartsWith("--", StringComparison.Ordinal))
                        {
                            return Usage($"unknown option '{args[i]}'");
                        }

                        files.Add(args[i]);
                        break;
                }
            }

            if (files.Count == 0)
            {
                return Usage("no assembly given");
            }

            int bad = 0;
            foreach (string file in files)
            {
                List<Violation> found;
                try
                {
                    found = NanoChecker.Check(file, options);
                }
                catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"NanoCheck: {file}: cannot read: {e.Message}");
                    return 2;
                }

                foreach (Violation v in found)
                {
                    Console.Error.WriteLine("NanoCheck: error: " + v);
                }

                bad += found.Count;
                Console.WriteLine(found.Count == 0
                    ? $"NanoCheck: {Path.GetFileName(file)}: ok"
                    : $"NanoCheck: {Path.GetFileName(file)}: {found.Count} problem(s): will not run on nanoFramework");
            }

            return bad == 0 ? 0 : 1;
        }

        private static int Usage(string error)
        {
            if (error != null)
            {
                Console.Error.WriteLine("NanoCheck: " + error);
            }

            Console.Error.WriteLine("usage: NanoCheck ASSEMBLY... [--allow NAME[;NAME]]... [--mscorlib 1.17.11.0]");
            return error == null ? 0 : 2;
        }
    }
}
