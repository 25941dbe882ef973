using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// A board's pins, read from boards/&lt;board&gt;/Board.cs (a board is data: the same file the device app
    /// compiles), so the bench wires the simulated hardware to the pins the image really drives.
    /// </summary>
    public sealed class BoardPins
    {
        public string Name { get; private init; }
        public int MotorIn1 { get; private init; }
        public int MotorIn2 { get; private init; }
        public int BoltExtended { get; private init; }
        public int BoltRetracted { get; private init; }
        public int DoorSensor { get; private init; }   // -1: no door sensor
        public int InsideButton { get; private init; }
        public int Led { get; private init; }
        public int Buzzer { get; private init; }
        public int OutsideTouchPad { get; private init; } // -1: none

        public static BoardPins Load(string repoRoot, string board)
        {
            string file = Path.Combine(repoRoot, "boards", board, "Board.cs");
            if (!File.Exists(file))
            {
                throw new InvalidDataException($"no board '{board}' (expected {file}; boards: see boards/README.md)");
            }

            var values = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"public const int (\w+) = (-?\d+);"))
            {
                values[m.Groups[1].Value] = int.Parse(m.Groups[2].Value);
            }

            int Pin(string name) => values.TryGetValue(name, out int pin) ? pin : throw new InvalidDataException($"{file} has no '{name}'");
            return new BoardPins
            {
                Name = board,
                MotorIn1 = Pin("MotorIn1"),
                MotorIn2 = Pin("MotorIn2"),
                BoltExtended = Pin("BoltExtendedSwitch"),
                BoltRetracted = Pin("BoltRetractedSwitch"),
                DoorSensor = Pin("DoorSensor"),
                InsideButton = Pin("InsideButton"),
                Led = Pin("Led"),
                Buzzer = Pin("Buzzer"),
                OutsideTouchPad = values.TryGetValue("OutsideTouchPad", out int pad) ? pad : -1,
            };
        }
    }
}
