using System;
using System.Collections.Generic;
using System.Globalization;
using LockFirmware.Hal.Lock;

namespace LockFirmware.LockSim
{
    /// <summary>The interactive view as 24 lines of at most 80 characters: a pure function of the lock's state.</summary>
    public static class Screen
    {
        public const int Width = 79; // one column spare: an 80-column terminal must not wrap
        public const int Height = 24;

        public static string[] Render(SimLock sim, string message, string hint)
        {
            var c = sim.Core.Controller;
            var bolt = sim.Hardware.Bolt;
            int fill = (int)Math.Round(bolt.Position * 10);
            string bar = "[" + new string('#', fill) + new string('.', 10 - fill) + "]";
            string clock = DateTimeOffset.FromUnixTimeMilliseconds(sim.Now).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
            var lines = new List<string>
            {
                Pad(" LockFirmware LockSim", clock),
                new string('-', Width),
                $" Bolt   {bar} {c.State.ToString().ToUpperInvariant(),-10} motor {Motor(bolt.Drive),-8}{(bolt.Jammed ? " JAM INJECTED" : "")}",
                $" Door   {(sim.Hardware.DoorClosed.IsActive ? "closed" : "OPEN"),-10}  LED {(sim.Hardware.Led.On ? "(*)" : "( )")}  buzzer {(sim.Hardware.Buzzer.On ? "BEEP" : "----")}  feedback {c.Playing}",
                $" Access {(c.Unprovisioned ? "unprovisioned" : "provisioned"),-14} lockout {(c.LockedOut ? "ON" : "off"),-4} clock {(c.TimeUnknown ? "UNKNOWN" : "set"),-8} setup window {(c.SetupWindowOpen ? "OPEN" : "closed")}",
                $" Keypad {sim.Keypad.Describe()}",
                $" Keypad shows {sim.Keypad.Core.Verdict,-14} lock's last verdict: {sim.LastVerdict}",
                " " + Cut(hint ?? "", Width - 1),
                new string('-', Width),
                " Recent events",
            };

            List<string> events = EventText.Recent(sim, 10);
            for (int i = 0; i < 10; i++)
            {
                lines.Add(i < events.Count ? "  " + Cut(events[i], Width - 2) : "");
            }

            lines.Add(new string('-', Width));
            lines.Add(" " + Cut(message ?? "", Width - 1));
            lines.Add(" 0-9 keypad, Enter #, Backspace *, k pair keypad, o door, b/B button, n code, j jam");
            lines.Add(" p power cut, f +1 min, h +1 hour, c clear lockout, q quit");
            for (int i = 0; i < lines.Count; i++)
            {
                lines[i] = Cut(lines[i], Width);
            }

            return lines.ToArray();
        }

        private static string Motor(MotorDrive d) => d switch
        {
            MotorDrive.Forward => "locking",
            MotorDrive.Reverse => "opening",
            MotorDrive.Brake => "brake",
            _ => "off",
        };

        private static string Pad(string left, string right) => left + new string(' ', Math.Max(1, Width - left.Length - right.Length)) + right;

        private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
    }
}
