using System;
using System.Threading;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// `locksim device`: builds or reuses the device image and our nanoCLR host, boots the image, attaches the
    /// bench (Hal.Sim's bolt, door, button, LED, buzzer on the board's pins) and shows the lock. lockctl and the
    /// keypad reach it at the printed --target.
    /// </summary>
    public static class DeviceCommand
    {
        public const string Usage = "locksim device [--board B] [--release] [--flash FILE]\n" +
            "                                                  the device image on the virtual ESP32, its flash in FILE\n" +
            "                                                  (default: a fresh one); lockctl reaches it at the printed target";

        public static int Run(string[] args)
        {
            string board = "esp32-devkitc", configuration = "Debug", flash = null;
            for (int i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--board" when i + 1 < args.Length: board = args[++i]; break;
                    case "--release": configuration = "Release"; break;
                    case "--flash" when i + 1 < args.Length: flash = args[++i]; break;
                    default:
                        Console.Error.WriteLine($"locksim: device: unknown argument '{args[i]}' ({Usage})");
                        return 2;
                }
            }

            DeviceImage image;
            try
            {
                image = DeviceImage.Prepare(board, configuration, line => Console.WriteLine("locksim: " + line));
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine("locksim: " + e.Message);
                return 2;
            }

            Console.WriteLine($"locksim: image {image.SizeBytes} bytes ({image.AppBytes} ours), booting");
            flash ??= System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"locksim-{board}-{Environment.ProcessId}.flash");
            using var session = new DeviceSession(image, flash);
            Console.WriteLine("flash partition: " + flash);
            Console.WriteLine($"virtual {board} running: lockctl --target {session.Target}");
            Console.WriteLine("setup key (the label on this lock): " + session.Device.SetupKey);
            Console.WriteLine("keys: o door open/close, b press the inside button, B hold it 6 s (setup window), j jam/unjam, p power cut, q quit");
            return View(session);
        }

        private static int View(DeviceSession session)
        {
            bool interactive = !Console.IsInputRedirected;
            string last = null;
            int seen = 0;
            while (true)
            {
                string[] lines = session.Device.Lines;
                for (; seen < lines.Length; seen++)
                {
                    if (lines[seen].Length > 0 && !lines[seen].StartsWith("  ", StringComparison.Ordinal) && !lines[seen].StartsWith("Assembly:", StringComparison.Ordinal))
                        Console.WriteLine("  uart| " + lines[seen]);
                }

                string status = Status(session);
                if (status != last) Console.WriteLine(status);
                last = status;
                if (session.Device.HasExited)
                {
                    Console.WriteLine("locksim: the virtual device stopped");
                    return 1;
                }

                if (!interactive || !Console.KeyAvailable)
                {
                    Thread.Sleep(100);
                    continue;
                }

                switch (Console.ReadKey(true).KeyChar)
                {
                    case 'o': session.Bench.SetDoor(!session.Bench.Hardware.DoorClosed.IsActive); break;
                    case 'b': Press(session, 200); break;
                    case 'B': Press(session, 6000); break;
                    case 'j': session.Bench.SetJam(!session.Bench.Hardware.Bolt.Jammed); break;
                    case 'p':
                        Console.WriteLine("locksim: power cut");
                        session.PowerCut();
                        seen = 0;
                        break;
                    case 'q': return 0;
                }
            }
        }

        private static void Press(DeviceSession session, int ms)
        {
            session.Bench.SetButton(true);
            Thread.Sleep(ms);
            session.Bench.SetButton(false);
        }

        private static string Status(DeviceSession session)
        {
            var h = session.Bench.Hardware;
            return $"bolt {session.Bench.Bolt,-9} motor {session.Bench.Drive.ToString().ToLowerInvariant(),-7} door {(h.DoorClosed.IsActive ? "closed" : "open"),-6} " +
                   $"led {(h.Led.On ? "on" : "off"),-3} buzzer {(h.Buzzer.On ? "on" : "off")}{(h.Bolt.Jammed ? "  JAMMED" : "")}";
        }
    }
}
