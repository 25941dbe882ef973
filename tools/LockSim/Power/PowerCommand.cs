using System;
using System.Globalization;
using System.IO;
using LockFirmware.Core.Power;

namespace LockFirmware.LockSim.Power
{
    /// <summary>
    /// <c>locksim power --board B --profile P [--firmware today|stock|custom]</c>: runs the profile on the board with
    /// each firmware option (or one) and prints the average current, mAh per day and days on the board's battery.
    /// </summary>
    public static class PowerCommand
    {
        public const string Usage = "power --board B --profile P [--firmware today|stock|custom] [--states]";

        public static int Run(string[] args, TextWriter output)
        {
            string board = null, profile = null;
            bool states = false;
            FirmwareOption[] options = { FirmwareOption.Today, FirmwareOption.Stock, FirmwareOption.Custom };
            for (int i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--board" when i + 1 < args.Length: board = args[++i]; break;
                    case "--profile" when i + 1 < args.Length: profile = args[++i]; break;
                    case "--states": states = true; break;
                    case "--firmware" when i + 1 < args.Length && Enum.TryParse(args[i + 1], true, out FirmwareOption one) && !int.TryParse(args[i + 1], out _):
                        options = new[] { one };
                        i++;
                        break;
                    case "--firmware" when i + 1 < args.Length:
                        Console.Error.WriteLine($"locksim: power: unknown firmware '{args[i + 1]}' (today, stock or custom)");
                        return 2;
                    default:
                        Console.Error.WriteLine($"locksim: power: bad or unknown argument '{args[i]}' ({Usage})");
                        return 2;
                }
            }

            if (board == null || profile == null)
            {
                Console.Error.WriteLine($"locksim: power needs --board and --profile ({Usage}); boards: boards/*/power.json, profiles: tools/LockSim/profiles/*.json");
                return 2;
            }

            BoardPower power = BoardPower.Find(board);
            TrafficProfile traffic = TrafficProfile.Find(profile);
            output.WriteLine($"board {power.Name} ({power.Chip}), battery {power.Battery}: {F(power.BatteryMah, 0)} mAh usable");
            output.WriteLine($"profile: {traffic.Name}; {traffic.Days} days simulated");
            output.WriteLine("firmware  avg mA   mAh/day   days on battery  months  deep-sleep wakes  entries accepted");
            foreach (FirmwareOption option in options)
            {
                var run = new PowerRun(power, option);
                run.Run(traffic);
                EnergyMeter m = run.Meter;
                string name = run.Firmware == option ? option.ToString().ToLowerInvariant() : option.ToString().ToLowerInvariant() + "*";
                output.WriteLine($"{name,-9} {F(m.AverageMa, 3),7} {F(m.MahPerDay, 2),9} {F(m.BatteryDays, 0),17} {F(m.BatteryDays / 30.44, 1),7} {run.DeepSleepWakes,17}  {run.Accepted}/{run.Entries}"
                    + (run.KeypadGaveUp > 0 ? $"  keypad gave up {run.KeypadGaveUp}x" : ""));
                if (states)
                {
                    for (int s = 0; s < BoardPower.StateCount; s++)
                    {
                        var state = (PowerState)s;
                        if (m.TimeIn(state) > 0)
                        {
                            output.WriteLine($"    {state,-20} {F(m.TimeIn(state) / 1000.0 / traffic.Days, 1),9} s/day at {F(power.Ma(state), 3),8} mA = {F(m.MahIn(state) / traffic.Days, 3),8} mAh/day");
                        }
                    }
                }
            }

            if (power.MainsPowered)
            {
                output.WriteLine("* mains-powered board: always awake whatever the firmware");
            }

            output.WriteLine($"sleep clock: {power.SleepClock}: {ClockLine(power.SleepClockPpm)}; with a 32.768 kHz crystal: {ClockLine(power.CrystalPpm)}");
            return 0;
        }

        private static string ClockLine(int ppm)
        {
            long perDayMs = ClockBudget.DriftMs(ppm, Core.Common.LockTime.MsPerDay);
            long lostAfter = ClockBudget.LostAfterMs(ppm);
            return $"{F(perDayMs / 60000.0, 1)} min/day, lost after {Human(lostAfter)}";
        }

        private static string Human(long ms)
        {
            double hours = ms / 3_600_000.0;
            return hours < 48 ? F(hours, 1) + " h" : F(hours / 24, 0) + " days";
        }

        private static string F(double value, int decimals)
        {
            return double.IsInfinity(value) ? "inf" : value.ToString("F" + decimals, CultureInfo.InvariantCulture);
        }
    }
}
