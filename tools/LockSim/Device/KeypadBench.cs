using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using LockFirmware.Core.Keypad;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// The keypad's hardware around the virtual ESP32, on its bench link (docs/virtual-esp32.md): a key press closes
    /// the switch between the key's row and column pins (the matrix scan then reads it as on the membrane), and the
    /// LED and buzzer outputs are recorded with their times, so the verdict the keypad shows can be read back as the
    /// courier would hear it (<see cref="VerdictSince"/>, against Core's <see cref="KeypadPatterns"/>).
    /// </summary>
    public sealed class KeypadBench : IDisposable
    {
        public const int PressMs = 150;   // a finger on a key: well over the 10 ms scan and two-scan debounce, on a loaded host too
        public const int ReleaseMs = 100;
        private const int QuietMs = 700;   // a pattern's gaps are at most 300 ms, more on a loaded host
        private const int ClickMs = 100;   // a key's click is 30 ms at its press; a loaded host stretches it

        private readonly KeypadPins _pins;
        private readonly BenchLink _link;
        private readonly object _gate = new object();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<(long StartMs, long EndMs)> _beeps = new List<(long, long)>();
        private readonly List<long> _keyDowns = new List<long>();
        private long _buzzerOnAt = -1;
        private bool _led;

        public KeypadBench(KeypadPins pins, int port)
        {
            _pins = pins;
            _link = new BenchLink(port, "keypad-bench", OnLine);
        }

        /// <summary>Milliseconds since the bench attached: the time base of <see cref="VerdictSince"/>.</summary>
        public long NowMs => _clock.ElapsedMilliseconds;

        public bool Led { get { lock (_gate) return _led; } }
        public bool Buzzer { get { lock (_gate) return _buzzerOnAt >= 0; } }

        /// <summary>Presses and releases each key in turn.</summary>
        public void Type(string keys)
        {
            foreach (char key in keys) Hold(PressMs, key);
        }

        /// <summary>Holds the keys together for <paramref name="ms"/>, then lets go.</summary>
        public void Hold(int ms, params char[] keys)
        {
            foreach (char key in keys) Switch(key, true);
            Thread.Sleep(ms);
            foreach (char key in keys) Switch(key, false);
            Thread.Sleep(ReleaseMs);
        }

        /// <summary>
        /// The verdict pattern whose beeps ended the buzzer's activity since <paramref name="sinceMs"/>: key clicks
        /// (under 60 ms, or under 100 ms and starting within 100 ms of a key press) are left out, the remaining beeps must match one pattern's beeps in number and length
        /// (the keypad's loop may stretch a beep by its scan period and a slow host). Null while the buzzer is still
        /// busy (a pattern's gaps are at most 300 ms) or when no pattern matches.
        /// </summary>
        public KeypadVerdict? VerdictSince(long sinceMs)
        {
            var beeps = new List<long>();
            lock (_gate)
            {
                long quietMs = _beeps.Count == 0 ? 0 : NowMs - _beeps[_beeps.Count - 1].EndMs;
                if (_buzzerOnAt >= 0 || quietMs < QuietMs) return null;
                foreach (var b in _beeps)
                    if (b.StartMs >= sinceMs && !IsClick(b.StartMs, b.EndMs - b.StartMs)) beeps.Add(b.EndMs - b.StartMs);
            }

            foreach (KeypadVerdict verdict in Enum.GetValues<KeypadVerdict>())
            {
                int[] pattern = KeypadPatterns.For(verdict);
                if (pattern != null && verdict != KeypadVerdict.Pairing && Matches(BeepsOf(pattern), beeps)) return verdict;
            }

            return null;
        }

        /// <summary>What the bench recorded since <paramref name="sinceMs"/>, for failure messages.</summary>
        public string BeepsText(long sinceMs)
        {
            var parts = new List<string>();
            lock (_gate)
            {
                foreach (var b in _beeps)
                    if (b.StartMs >= sinceMs) parts.Add($"{b.StartMs - sinceMs}+{b.EndMs - b.StartMs}ms");
            }

            return parts.Count == 0 ? "no beep" : "beeps at " + string.Join(", ", parts);
        }

        public void Dispose()
        {
            _link.Dispose();
        }

        // The buzzer's on-times of a pattern: consecutive steps with the buzzer bit make one beep.
        private static List<long> BeepsOf(int[] pattern)
        {
            var beeps = new List<long>();
            long current = 0;
            for (int i = 0; i < pattern.Length; i += 2)
            {
                if ((pattern[i] & KeypadPatterns.Buzzer) != 0) current += pattern[i + 1];
                else if (current > 0) { beeps.Add(current); current = 0; }
            }

            if (current > 0) beeps.Add(current);
            return beeps;
        }

        // Caller holds _gate.
        private bool IsClick(long startMs, long ms)
        {
            if (ms < 60) return true;
            if (ms >= ClickMs) return false;
            foreach (long down in _keyDowns)
                if (startMs >= down && startMs - down < ClickMs) return true;
            return false;
        }

        private static bool Matches(List<long> expected, List<long> seen)
        {
            if (expected.Count != seen.Count) return false;
            for (int i = 0; i < expected.Count; i++)
            {
                if (seen[i] < expected[i] - 40 || seen[i] > expected[i] + 150) return false;
            }

            return true;
        }

        private void Switch(char key, bool closed)
        {
            var (row, column) = _pins.PinsOf(key);
            if (closed) lock (_gate) _keyDowns.Add(NowMs);
            _link.Send($"switch {row} {column} {(closed ? 1 : 0)}");
        }

        private void OnLine(string line)
        {
            string[] w = line.Split(' ');
            if (w[0] != "out" || w.Length != 3 || !int.TryParse(w[1], out int pin)) return;
            bool high = w[2] == "1";
            lock (_gate)
            {
                if (pin == _pins.Led) _led = high;
                if (pin != _pins.Buzzer) return;
                if (high && _buzzerOnAt < 0) _buzzerOnAt = NowMs;
                else if (!high && _buzzerOnAt >= 0)
                {
                    _beeps.Add((_buzzerOnAt, NowMs));
                    _buzzerOnAt = -1;
                }
            }
        }
    }
}
