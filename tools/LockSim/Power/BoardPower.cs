using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using LockFirmware.Core.Power;

namespace LockFirmware.LockSim.Power
{
    /// <summary>
    /// A board's power data, boards/&lt;board&gt;/power.json: the current in every <see cref="PowerState"/> (each with
    /// its source; docs/power.md is written from the same file), the battery, the deep-sleep wake-to-ready time and
    /// the sleep clock. Board.cs carries the same wake-to-ready figure for the device build (a test checks they agree).
    /// </summary>
    public sealed class BoardPower
    {
        private readonly double[] _ma = new double[StateCount];
        private readonly string[] _sources = new string[StateCount];

        public const int StateCount = (int)PowerState.ConnectedModemSleep + 1;

        public string Name { get; private set; }
        public string Chip { get; private set; }
        public bool MainsPowered { get; private set; }
        public int WakeToReadyMs { get; private set; }
        public string Battery { get; private set; }
        public double BatteryMah { get; private set; }

        /// <summary>Drawn in every state on top of the chip (regulator, motor driver asleep, wake-line pull resistors).</summary>
        public double QuiescentMa { get; private set; }

        /// <summary>The sleep clock: what it is and its worst-case rate error over temperature, in parts per million.</summary>
        public string SleepClock { get; private set; }
        public int SleepClockPpm { get; private set; }

        /// <summary>The sleep clock with the board's optional 32.768 kHz crystal fitted (the custom firmware option needs it).</summary>
        public int CrystalPpm { get; private set; }

        /// <summary>Board current in <paramref name="state"/> (the quiescent part included).</summary>
        public double Ma(PowerState state)
        {
            return _ma[(int)state] + QuiescentMa;
        }

        public string Source(PowerState state)
        {
            return _sources[(int)state];
        }

        /// <summary>boards/NAME/power.json found from the working directory or the program's folder upwards, or a path to a file.</summary>
        public static BoardPower Find(string nameOrPath)
        {
            string path = File.Exists(nameOrPath) ? nameOrPath : RepoFile(Path.Combine("boards", nameOrPath, "power.json"));
            if (path == null)
            {
                throw new InvalidDataException($"board '{nameOrPath}': no boards/{nameOrPath}/power.json (boards: see boards/README.md)");
            }

            return Load(path);
        }

        public static BoardPower Load(string path)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
                JsonElement root = doc.RootElement;
                var board = new BoardPower
                {
                    Name = Text(root, "board", path),
                    Chip = Text(root, "chip", path),
                    MainsPowered = root.GetProperty("mainsPowered").GetBoolean(),
                    WakeToReadyMs = root.GetProperty("wakeToReadyMs").GetInt32(),
                };
                JsonElement battery = root.GetProperty("battery");
                board.Battery = Text(battery, "what", path);
                board.BatteryMah = battery.GetProperty("usableMah").GetDouble();
                board.QuiescentMa = root.GetProperty("quiescent").GetProperty("ma").GetDouble();
                JsonElement clock = root.GetProperty("sleepClock");
                board.SleepClock = Text(clock, "what", path);
                board.SleepClockPpm = clock.GetProperty("ppm").GetInt32();
                board.CrystalPpm = clock.GetProperty("crystalPpm").GetInt32();

                JsonElement table = root.GetProperty("currentMa");
                for (int i = 0; i < StateCount; i++)
                {
                    string state = ((PowerState)i).ToString();
                    if (!table.TryGetProperty(state, out JsonElement row))
                    {
                        throw new InvalidDataException($"{path}: currentMa has no row '{state}'");
                    }

                    board._ma[i] = row.GetProperty("ma").GetDouble();
                    board._sources[i] = Text(row, "source", path);
                    if (board._ma[i] < 0)
                    {
                        throw new InvalidDataException($"{path}: currentMa.{state} is negative");
                    }
                }

                if (board.BatteryMah <= 0 || board.WakeToReadyMs < 0)
                {
                    throw new InvalidDataException($"{path}: battery.usableMah must be positive and wakeToReadyMs not negative");
                }

                return board;
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException || e is FormatException)
            {
                throw new InvalidDataException($"{path}: {e.Message}");
            }
        }

        /// <summary>A file under the repository root, searched from the working directory and from the program's folder upwards; null when absent.</summary>
        public static string RepoFile(string relative)
        {
            foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (DirectoryInfo dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    string candidate = Path.Combine(dir.FullName, relative);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            return null;
        }

        private static string Text(JsonElement element, string name, string path)
        {
            string value = element.GetProperty(name).GetString();
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidDataException($"{path}: '{name}' is empty");
            }

            return value;
        }
    }
}
