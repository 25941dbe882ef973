using System;
using System.IO;

namespace LockFirmware.LockSim
{
    public static class Program
    {
        private const string Help =
            "locksim: the LockFirmware lock on your PC (same Core as the ESP32 firmware, simulated hardware)\n" +
            "\n" +
            "  locksim [--flash FILE [--create]] [--speed N]   interactive view (80x24); N times real time\n" +
            "  locksim demo                                    a courier delivery on a fresh lock, no input needed\n" +
            "  " + ScriptCommand.Usage + "\n" +
            "  locksim serve --port N [--flash FILE [--create]] [--setup-window] [--web [--web-port M]]\n" +
            "                                                  serve the BLE protocol on 127.0.0.1:N for lockctl;\n" +
            "                                                  --web: the installer page and its WebSocket on 127.0.0.1:M (8080)\n" +
            "  locksim web --target sim://127.0.0.1:N [--web-port M]\n" +
            "                                                  the installer page bridged to a lock served elsewhere (the virtual ESP32)\n" +
            "  locksim power --board B --profile P [--firmware today|stock|custom] [--states]\n" +
            "                                                  battery life: mA average, mAh/day, days (docs/power.md)\n" +
            "  " + Device.DeviceCommand.Usage + "\n" +
            "\n" +
            "Interactive keys: 0-9 * # the BLE keypad (Enter is #, Backspace is *), k pair the keypad, o open/close the door, b press the inside\n" +
            "button, B hold it 6 s (setup window), n new courier code, j jam/unjam the bolt, p cut power and restart,\n" +
            "f +1 minute, h +1 hour, c clear the keypad lockout, q quit.\n" +
            "Scenario language: tools/LockSim/README.md.";

        public static int Main(string[] args)
        {
            try
            {
                if (args.Length > 0 && (args[0] == "--help" || args[0] == "-h" || args[0] == "help"))
                {
                    Console.WriteLine(Help);
                    return 0;
                }

                if (args.Length > 0 && args[0] == "demo")
                {
                    return Demo.Run();
                }

                if (args.Length > 0 && args[0] == "script")
                {
                    if (args.Length < 2)
                    {
                        Console.Error.WriteLine("locksim: script needs a scenario file");
                        return 2;
                    }

                    return ScriptCommand.Run(args, Console.Out);
                }

                if (args.Length > 0 && args[0] == "device")
                {
                    return Device.DeviceCommand.Run(args);
                }

                if (args.Length > 0 && args[0] == "power")
                {
                    return Power.PowerCommand.Run(args, Console.Out);
                }

                if (args.Length > 0 && args[0] == "serve")
                {
                    return Serve(args);
                }

                if (args.Length > 0 && args[0] == "web")
                {
                    return Web(args);
                }

                return RunInteractive(args);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine("locksim: " + e.Message);
                return 2;
            }
            catch (IOException e)
            {
                Console.Error.WriteLine("locksim: " + e.Message);
                return 2;
            }
            catch (UnauthorizedAccessException e)
            {
                Console.Error.WriteLine("locksim: " + e.Message);
                return 2;
            }
        }

        private static int Serve(string[] args)
        {
            int port = -1;
            string flash = null;
            bool create = false, setupWindow = false, web = false;
            int webPort = 8080;
            for (int i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out port) && port >= 0 && port <= 65535: i++; break;
                    case "--flash" when i + 1 < args.Length: flash = args[++i]; break;
                    case "--create": create = true; break;
                    case "--setup-window": setupWindow = true; break;
                    case "--web": web = true; break;
                    case "--web-port" when i + 1 < args.Length && int.TryParse(args[i + 1], out webPort) && webPort >= 0 && webPort <= 65535: i++; break;
                    default:
                        Console.Error.WriteLine($"locksim: serve: bad or unknown argument '{args[i]}' (serve --port N [--flash FILE [--create]] [--setup-window] [--web [--web-port M]])");
                        return 2;
                }
            }

            if (port < 0 && web)
            {
                port = 0; // the page needs no fixed TCP port
            }

            if (port < 0)
            {
                Console.Error.WriteLine("locksim: serve needs --port N (1-65535, or 0 for any free port)");
                return 2;
            }

            SimLock sim = OpenLock(flash, create);
            if (sim == null)
            {
                return 2;
            }

            Server server;
            try
            {
                server = new Server(sim, port);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                Console.Error.WriteLine($"locksim: cannot listen on 127.0.0.1:{port}: {e.Message}");
                return 2;
            }

            using (server)
            using (WebBridge page = web ? StartPage(server.Port, webPort) : null)
            {
                if (web && page == null)
                {
                    return 2;
                }

                if (setupWindow) server.OpenSetupWindow();
                server.Start();
                Console.WriteLine($"LockSim serving {server.Target}");
                if (page != null) Console.WriteLine($"installer page: {page.Url} (WebSocket {page.Url.Replace("http://", "ws://")}link)");
                Console.WriteLine($"setup key (the label on this lock): {Convert.ToHexString(sim.Core.SetupKey).ToLowerInvariant()}");
                Console.WriteLine(setupWindow ? "setup window open for 2 minutes" : "setup window closed (start with --setup-window to provision)");
                var done = new System.Threading.ManualResetEventSlim();
                Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.Set(); };
                // SIGTERM (a service manager, `kill`) stops as cleanly as Ctrl+C: the loop ends, the flash is saved.
                using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                    System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; done.Set(); });
                Console.WriteLine("Ctrl+C to stop.");
                done.Wait();
            }

            lock (sim)
            {
                sim.Save();
            }

            Console.WriteLine("LockSim stopped; flash saved.");
            return 0;
        }

        // The page and its bridge for a loopback link that another program serves (a second LockSim, the virtual ESP32).
        private static int Web(string[] args)
        {
            int port = -1, webPort = 8080;
            for (int i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--target" when i + 1 < args.Length && args[i + 1].StartsWith("sim://127.0.0.1:", StringComparison.Ordinal)
                        && int.TryParse(args[i + 1]["sim://127.0.0.1:".Length..], out port) && port > 0 && port <= 65535: i++; break;
                    case "--web-port" when i + 1 < args.Length && int.TryParse(args[i + 1], out webPort) && webPort >= 0 && webPort <= 65535: i++; break;
                    default:
                        Console.Error.WriteLine($"locksim: web: bad or unknown argument '{args[i]}' (web --target sim://127.0.0.1:N [--web-port M])");
                        return 2;
                }
            }

            if (port < 0)
            {
                Console.Error.WriteLine("locksim: web needs --target sim://127.0.0.1:N (the lock's loopback link)");
                return 2;
            }

            using WebBridge page = StartPage(port, webPort);
            if (page == null)
            {
                return 2;
            }

            Console.WriteLine($"installer page: {page.Url} (WebSocket {page.Url.Replace("http://", "ws://")}link -> sim://127.0.0.1:{port})");
            Console.WriteLine("Ctrl+C to stop.");
            var done = new System.Threading.ManualResetEventSlim();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.Set(); };
            done.Wait();
            return 0;
        }

        // The installer page and its WebSocket bridge; null (and a message) when the port is taken or the page is missing.
        private static WebBridge StartPage(int loopbackPort, int webPort)
        {
            string site = Path.Combine(AppContext.BaseDirectory, "installer");
            if (!File.Exists(Path.Combine(site, "index.html")))
            {
                Console.Error.WriteLine($"locksim: the installer page is missing from {site} (build tools/LockSim)");
                return null;
            }

            try
            {
                return new WebBridge(loopbackPort, webPort, site);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"locksim: cannot serve the installer page on 127.0.0.1:{webPort}: {e.Message}");
                return null;
            }
        }

        private static int RunInteractive(string[] args)
        {
            string flash = null;
            bool create = false;
            int speed = 1;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--flash" when i + 1 < args.Length: flash = args[++i]; break;
                    case "--create": create = true; break;
                    case "--speed" when i + 1 < args.Length && int.TryParse(args[i + 1], out speed) && speed > 0: i++; break;
                    default:
                        Console.Error.WriteLine($"locksim: unknown argument '{args[i]}'. Run 'locksim --help'.");
                        return 2;
                }
            }

            SimLock sim = OpenLock(flash, create);
            if (sim == null)
            {
                return 2;
            }

            return Interactive.Run(sim, speed);
        }

        /// <summary>A fresh lock in memory, or the lock saved in FLASH; null (and a message) when FLASH is missing without --create.</summary>
        private static SimLock OpenLock(string flash, bool create)
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (flash != null && !File.Exists(flash) && !create)
            {
                Console.Error.WriteLine($"locksim: flash file '{flash}' does not exist (add --create to start a new lock there)");
                return null;
            }

            if (flash == null)
            {
                return SimLock.Fresh(now);
            }

            SimLock sim = SimLock.Open(flash, now);
            try
            {
                sim.Save(); // a new lock's image is written now, so a path that cannot be written fails here, not later
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"locksim: cannot write the flash file '{flash}': {e.Message}");
                return null;
            }

            return sim;
        }
    }
}
