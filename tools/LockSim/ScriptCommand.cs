using System;
using System.Collections.Generic;
using System.IO;
using LockFirmware.LockSim.Device;

namespace LockFirmware.LockSim
{
    /// <summary>
    /// `locksim script [--device [--board B] [--release]] FILE...`: runs each scenario on a fresh lock, the simulated one
    /// or, with --device, the device image on the virtual ESP32 (a fresh flash image per scenario). Exit code: the worst
    /// of the scenarios' (0 ok, 1 a failed expectation, 2 a bad line or a command the lock cannot do).
    /// </summary>
    public static class ScriptCommand
    {
        public const string Usage = "locksim script [--device [--board B] [--release]] FILE...\n" +
            "                                                  run scenarios; exit 1 at a failed expectation, 2 at a bad line;\n" +
            "                                                  --device: each on the device image on the virtual ESP32";

        public static int Run(string[] args, TextWriter output)
        {
            bool device = false, deviceOption = false;
            string board = "esp32-devkitc", configuration = "Debug";
            var files = new List<string>();
            for (int i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--device": device = true; break;
                    case "--board" when i + 1 < args.Length: board = args[++i]; deviceOption = true; break;
                    case "--release": configuration = "Release"; deviceOption = true; break;
                    default:
                        if (args[i].StartsWith("--", StringComparison.Ordinal))
                        {
                            output.WriteLine($"locksim: script: unknown option '{args[i]}' ({Usage})");
                            return 2;
                        }

                        files.Add(args[i]);
                        break;
                }
            }

            if (files.Count == 0 || (deviceOption && !device))
            {
                output.WriteLine($"locksim: script needs scenario files; --board and --release go with --device ({Usage})");
                return 2;
            }

            Func<long, IScenarioLock> freshLock = null;
            if (device)
            {
                DeviceImage image;
                try
                {
                    image = DeviceImage.Prepare(board, configuration, line => output.WriteLine("locksim: " + line));
                }
                catch (Exception e) when (e is InvalidOperationException || e is InvalidDataException)
                {
                    output.WriteLine("locksim: " + e.Message);
                    return 2;
                }

                freshLock = start => new DeviceScenarioLock(image, start);
            }

            int worst = 0;
            foreach (string file in files)
            {
                worst = Math.Max(worst, new Scenario(output, freshLock).RunFile(file));
            }

            return worst;
        }
    }
}
