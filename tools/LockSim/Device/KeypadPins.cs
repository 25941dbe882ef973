using System;
using System.IO;
using System.Text.RegularExpressions;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// A keypad board's pins, read from boards/&lt;board&gt;/Board.cs (the file the keypad app compiles): the
    /// matrix rows and columns, the key layout, LED and buzzer.
    /// </summary>
    public sealed class KeypadPins
    {
        public string Name { get; private init; }
        public int[] Rows { get; private init; }
        public int[] Columns { get; private init; }
        public string Layout { get; private init; }
        public int Led { get; private init; }
        public int Buzzer { get; private init; }

        public static KeypadPins Load(string repoRoot, string board)
        {
            string file = Path.Combine(repoRoot, "boards", board, "Board.cs");
            if (!File.Exists(file)) throw new InvalidDataException($"no board '{board}' (expected {file}; boards: see boards/README.md)");
            string text = File.ReadAllText(file);

            string Value(string pattern, string name)
            {
                Match m = Regex.Match(text, pattern.Replace("NAME", name));
                return m.Success ? m.Groups[1].Value : throw new InvalidDataException($"{file} has no '{name}'");
            }

            int[] Pins(string name) =>
                Array.ConvertAll(Value(@"int\[\] NAME = \{([^}]*)\}", name).Split(',', StringSplitOptions.RemoveEmptyEntries), s => int.Parse(s.Trim()));

            var pins = new KeypadPins
            {
                Name = board,
                Rows = Pins("RowPins"),
                Columns = Pins("ColumnPins"),
                Layout = Value("const string NAME = \"([^\"]*)\"", "Layout"),
                Led = int.Parse(Value(@"const int NAME = (-?\d+);", "Led")),
                Buzzer = int.Parse(Value(@"const int NAME = (-?\d+);", "Buzzer")),
            };
            if (pins.Layout.Length != pins.Rows.Length * pins.Columns.Length)
                throw new InvalidDataException($"{file}: the layout has {pins.Layout.Length} keys for {pins.Rows.Length}x{pins.Columns.Length} pins");
            return pins;
        }

        /// <summary>The row and column pins a key joins when pressed.</summary>
        public (int Row, int Column) PinsOf(char key)
        {
            int i = Layout.IndexOf(key);
            if (i < 0) throw new ArgumentException($"no key '{key}' on {Name} ({Layout})");
            return (Rows[i / Columns.Length], Columns[i % Columns.Length]);
        }
    }
}
