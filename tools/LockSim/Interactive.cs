using System;
using System.Diagnostics;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;

namespace LockFirmware.LockSim
{
    /// <summary>`locksim`: the lock in the terminal, in real time (or faster with --speed).</summary>
    public static class Interactive
    {
        public static int Run(SimLock sim, int speed)
        {
            if (Console.IsInputRedirected)
            {
                Console.Error.WriteLine("locksim: the interactive view needs a terminal; use 'locksim demo' or 'locksim script FILE'");
                return 2;
            }

            byte[] secret = null;
            if (sim.Core.Controller.Unprovisioned)
            {
                secret = sim.Provision();
                sim.Keypad.PairAtTheDoor(); // the installer pairs the keypad at the door (as with `lockctl keypad pair`)
            }

            string hint = secret != null ? "Press n for a courier code." : "This lock was provisioned elsewhere: type a code you issued for it.";
            string message = "Welcome. The lock is on your desk; the door is shut.";
            var watch = Stopwatch.StartNew();
            long last = 0;
            Console.CursorVisible = false;
            try
            {
                while (true)
                {
                    Draw(Screen.Render(sim, message, hint));
                    while (!Console.KeyAvailable)
                    {
                        System.Threading.Thread.Sleep(50);
                        long elapsed = watch.ElapsedMilliseconds;
                        if (elapsed - last >= 100)
                        {
                            sim.Advance((elapsed - last) * speed);
                            last = elapsed;
                            Draw(Screen.Render(sim, message, hint));
                        }
                    }

                    ConsoleKeyInfo key = Console.ReadKey(true);
                    char ch = key.KeyChar;
                    // The keys go through the keypad's logic and over the simulated radio, in the same frames as on the ESP32.
                    if ((ch >= '0' && ch <= '9') || ch == '*' || ch == '#') { sim.Keypad.Press(ch.ToString()); continue; }
                    switch (key.Key)
                    {
                        case ConsoleKey.Enter:
                            sim.Keypad.Press("#");
                            message = "Keypad: " + sim.Keypad.Core.Verdict;
                            continue;
                        case ConsoleKey.Backspace:
                            sim.Keypad.Press("*");
                            continue;
                    }

                    switch (ch)
                    {
                        case 'q': return 0;
                        case 'o': sim.SetDoor(!sim.Hardware.DoorClosed.IsActive); message = sim.Hardware.DoorClosed.IsActive ? "Door closed." : "Door opened."; break;
                        case 'b': sim.SetButton(true); sim.Advance(200); sim.SetButton(false); message = "Inside button pressed."; break;
                        case 'B': sim.SetButton(true); sim.Advance(6000); sim.SetButton(false); message = "Inside button held 6 s."; break;
                        case 'p': sim.PowerCut(); message = "Power cut and restored."; break;
                        case 'j': sim.SetJam(!sim.Hardware.Bolt.Jammed); message = sim.Hardware.Bolt.Jammed ? "Bolt jammed (injected)." : "Jam cleared."; break;
                        case 'f': sim.Advance(60_000); message = "One minute later."; break;
                        case 'h': sim.Advance(3_600_000); message = "One hour later."; break;
                        case 'c': sim.ClearLockout(); message = "Owner cleared the lockout."; break;
                        case 'k': message = "Installer paired the keypad at the door: " + sim.Keypad.PairAtTheDoor(); break;
                        case 'n':
                            if (secret == null) { message = "This lock's secret is not known here."; break; }
                            long hour = sim.Now - (sim.Now - LockTime.EarliestValidMs) % LockTime.MsPerHour;
                            string code = new CodeIssuer(AccessPolicy.Default(), sim.Crypto, secret).OneTime(hour, 2, (int)(sim.Now / 1000 % 16));
                            hint = "Courier code valid this hour and next: " + code;
                            break;
                    }
                }
            }
            finally
            {
                Console.CursorVisible = true;
                Console.WriteLine();
            }
        }

        private static void Draw(string[] lines)
        {
            Console.SetCursorPosition(0, 0);
            foreach (string line in lines)
            {
                Console.Write(line.PadRight(Screen.Width));
                Console.WriteLine();
            }
        }
    }
}
