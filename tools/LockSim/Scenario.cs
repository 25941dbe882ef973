using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Crypto;

namespace LockFirmware.LockSim
{
    /// <summary>
    /// `locksim script FILE`: a line-based scenario (tools/LockSim/README.md). Stops at the first failed
    /// expectation (exit 1) or malformed line (exit 2), naming the file and line. Every scenario starts on a fresh
    /// lock made by the factory it is given: the simulated lock by default, the virtual device with `--device`.
    /// </summary>
    public sealed class Scenario
    {
        private readonly Dictionary<string, string> _codes = new Dictionary<string, string>(StringComparer.Ordinal);
        /// <summary>Every scenario starts at this time (the simulated lock's clock; the device's is set to it).</summary>
        public const string StartTime = "2026-11-25T09:00Z";

        private readonly HostCrypto _crypto = new HostCrypto();
        private readonly TextWriter _out;
        private readonly Func<long, IScenarioLock> _freshLock;
        private IScenarioLock _lock;
        private byte[] _secret;
        private AccessResult? _lastResult;

        /// <param name="freshLock">Makes the fresh lock a scenario starts on, its clock at the time given (default: a <see cref="SimScenarioLock"/>).</param>
        public Scenario(TextWriter output, Func<long, IScenarioLock> freshLock = null)
        {
            _out = output;
            _freshLock = freshLock ?? (start => new SimScenarioLock(start));
        }

        public int RunFile(string path)
        {
            if (!File.Exists(path))
            {
                _out.WriteLine($"locksim: scenario '{path}' does not exist");
                return 2;
            }

            return Run(File.ReadAllLines(path), path);
        }

        public int Run(string[] lines, string name)
        {
            _codes.Clear();
            _secret = null;
            _lastResult = null;
            try
            {
                _lock = _freshLock(Parse.Time(StartTime));
            }
            catch (Exception e) when (e is not ScenarioError)
            {
                _out.WriteLine($"FAIL {name}: the lock did not start: {e.Message}");
                return 1;
            }

            using (_lock)
            {
                return RunOn(lines, name);
            }
        }

        private int RunOn(string[] lines, string name)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                string where = $"{name}:{i + 1}";
                try
                {
                    string failure = Execute(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    if (failure != null)
                    {
                        _out.WriteLine($"FAIL {where}: {line}");
                        _out.WriteLine($"     {failure}");
                        return 1;
                    }
                }
                catch (ScenarioError e)
                {
                    _out.WriteLine($"locksim: {where}: {e.Message}: {line}");
                    return 2;
                }
                catch (Exception e)
                {
                    // The lock failed under the command (a device that stopped answering, a crash): the scenario fails.
                    _out.WriteLine($"FAIL {where}: {line}");
                    _out.WriteLine($"     the lock failed: {e.Message}");
                    return 1;
                }
            }

            _out.WriteLine($"ok {name}");
            return 0;
        }

        // Returns null when the line passed, or what an expectation found instead.
        private string Execute(string[] w)
        {
            switch (w[0])
            {
                case "clock": Need(w, 2); _lock.SetClock(Parse.Time(w[1])); return null;
                case "advance": Need(w, 2); _lock.Advance(Parse.Duration(w[1])); return null;
                case "provision":
                    _secret = _lock.Provision(w.Length > 1 ? Parse.Hex(w[1]) : null);
                    return null;
                case "issue": Issue(w); return null;
                case "type":
                    Need(w, 2);
                    _lastResult = _lock.Type(Digits(w[1]));
                    _out.WriteLine($"     typed {w[1]}: {_lastResult}");
                    return null;
                case "door":
                    Need(w, 2);
                    if (w[1] != "open" && w[1] != "close") throw new ScenarioError("door takes open or close");
                    _lock.SetDoor(w[1] == "close");
                    return null;
                case "button":
                    Need(w, 2);
                    long hold = w[1] == "press" ? 200 : w[1] == "hold" && w.Length > 2 ? Parse.Duration(w[2]) : throw new ScenarioError("button takes press or hold DURATION");
                    _lock.SetButton(true);
                    _lock.Advance(hold);
                    _lock.SetButton(false);
                    return null;
                case "power":
                    if (w.Length != 2 || w[1] != "cut") throw new ScenarioError("did you mean 'power cut'");
                    _lock.PowerCut();
                    return null;
                case "clock-lost": _lock.ClockLost(); return null;
                case "jam":
                    Need(w, 2);
                    _lock.SetJam(w[1] == "on" ? true : w[1] == "off" ? false : throw new ScenarioError("jam takes on or off"));
                    return null;
                case "clear-lockout": _lock.ClearLockout(); return null;
                case "keypad": Keypad(w); return null;
                case "battery":
                    Need(w, 2);
                    if (!w[1].EndsWith("mV") || !int.TryParse(w[1][..^2], out int mv) || mv < 0) throw new ScenarioError("battery takes a voltage like 4300mV");
                    _lock.SetBattery(mv);
                    return null;
                case "expect": return Expect(w);
                default: throw new ScenarioError($"unknown command '{w[0]}'");
            }
        }

        // keypad press KEYS | keypad hold-star-hash DURATION | keypad pair | keypad open-pairing as NAME |
        // keypad radio in|out | keypad reboot | keypad reset (the BLE keypad at the door, through the real frames)
        private void Keypad(string[] w)
        {
            Need(w, 2);
            SimKeypad k = _lock.Keypad;
            switch (w[1])
            {
                case "press":
                    Need(w, 3);
                    k.Press(Keys(w[2]));
                    _out.WriteLine($"     keypad {w[2]}: {k.Core.Verdict}");
                    return;
                case "hold-star-hash":
                    Need(w, 3);
                    k.HoldStarHash(Parse.Duration(w[2]));
                    return;
                case "pair":
                    _out.WriteLine($"     keypad paired: {k.PairAtTheDoor()}");
                    return;
                case "open-pairing":
                    if (w.Length != 4 || w[2] != "as") throw new ScenarioError("use: keypad open-pairing as NAME");
                    _codes[w[3]] = k.OpenPairing() ?? throw new ScenarioError("the lock has no free keypad slot");
                    return;
                case "radio":
                    Need(w, 3);
                    k.Radio.InRange = w[2] == "in" ? true : w[2] == "out" ? false : throw new ScenarioError("keypad radio takes in or out");
                    return;
                case "reboot": k.Reboot(false); return;
                case "reset": k.Reboot(true); return;
                default: throw new ScenarioError($"unknown keypad command '{w[1]}'");
            }
        }

        // Keys as typed: 0-9 * #, with $NAME standing for an issued code or a pairing code (123$parcel#).
        private string Keys(string word)
        {
            var keys = new System.Text.StringBuilder();
            for (int i = 0; i < word.Length; i++)
            {
                char c = word[i];
                if (c == '$')
                {
                    int end = i + 1;
                    while (end < word.Length && (char.IsLetterOrDigit(word[end]) || word[end] == '-' || word[end] == '_')) end++;
                    string key = word[(i + 1)..end];
                    keys.Append(_codes.TryGetValue(key, out string code) ? code : throw new ScenarioError($"no code named '{key}' was issued"));
                    i = end - 1;
                }
                else if ((c >= '0' && c <= '9') || c == '*' || c == '#')
                {
                    keys.Append(c);
                }
                else
                {
                    throw new ScenarioError($"'{c}' is not a keypad key (0-9, *, #)");
                }
            }

            return keys.ToString();
        }

        private void Issue(string[] w)
        {
            // issue TYPE ARGS... [index N] [start TIME] as NAME
            if (_secret == null) throw new ScenarioError("issue needs 'provision' first (the issuer holds the lock's secret)");
            int asAt = Array.IndexOf(w, "as");
            if (asAt < 0 || asAt != w.Length - 2) throw new ScenarioError("issue must end with 'as NAME'");
            string name = w[^1];
            int index = 0;
            long start = _lock.Now - (_lock.Now - LockTime.EarliestValidMs) % LockTime.MsPerHour;
            var args = new List<string>();
            for (int i = 2; i < asAt; i++)
            {
                if (w[i] == "index" && i + 1 < asAt) index = Parse.Int(w[++i]);
                else if (w[i] == "start" && i + 1 < asAt) start = Parse.Time(w[++i]);
                else args.Add(w[i]);
            }

            var issuer = new CodeIssuer(AccessPolicy.Default(), _crypto, _secret);
            try
            {
                _codes[name] = w[1] switch
                {
                    "one-time" => issuer.OneTime(start, (int)(Parse.Duration(Arg(args, 0)) / LockTime.MsPerHour), index),
                    "window" => issuer.Window(start, (int)(Parse.Duration(Arg(args, 0)) / LockTime.MsPerHour), index),
                    "weekly" => issuer.Weekly(Parse.Time(Arg(args, 0)), Parse.Int(Arg(args, 1)), Parse.Days(Arg(args, 2)), Parse.Int(Arg(args, 3)), Parse.Int(Arg(args, 4)), index),
                    "revoke-all" => issuer.RevokeAll(start, index),
                    _ => throw new ScenarioError($"unknown code type '{w[1]}'"),
                };
            }
            catch (ArgumentException e)
            {
                throw new ScenarioError(e.Message);
            }
        }

        private string Expect(string[] w)
        {
            Need(w, 3);
            string want = w[2];
            switch (w[1])
            {
                case "state":
                    return Same(want, _lock.State.ToString());
                case "result":
                    return Same(want, _lastResult?.ToString() ?? "(nothing typed)");
                case "last-event":
                    var types = _lock.Events;
                    return Same(want, types.Count == 0 ? "(empty log)" : types[^1].ToString());
                case "log-contains":
                    return _lock.Events.Contains(Parse.Event(want)) ? null : $"the log has no {want}";
                case "log-lacks":
                    return _lock.Events.Contains(Parse.Event(want)) ? $"the log has {want}" : null;
                case "bolt":
                    return Same(want, _lock.Bolt);
                case "lockout":
                    return Same(want, _lock.LockedOut ? "on" : "off");
                case "motor":
                    return Same(want, _lock.Motor.ToString().ToLowerInvariant());
                case "setup-window":
                    return Same(want, _lock.SetupWindowOpen ? "open" : "closed");
                case "keypad-verdict":
                    return Same(want, _lock.Keypad.Core.Verdict.ToString());
                case "keypad-mode":
                    return Same(want, _lock.Keypad.Core.Mode.ToString());
                case "keypad-paired":
                    return Same(want, _lock.Keypad.Core.IsPaired ? "yes" : "no");
                case "keypad-digits":
                    return Same(want, _lock.Keypad.Core.Entry.Count.ToString(CultureInfo.InvariantCulture));
                case "keypad-led":
                    return Same(want, _lock.Keypad.Core.Feedback.Led ? "on" : "off");
                case "low-battery":
                    return Same(want, _lock.LowBattery ? "on" : "off");
                case "feedback":
                    return Same(want, _lock.Playing.ToString());
                default:
                    throw new ScenarioError($"unknown expectation '{w[1]}'");
            }
        }

        private static string Same(string want, string got)
        {
            return string.Equals(want, got, StringComparison.OrdinalIgnoreCase) ? null : $"expected {want}, got {got}";
        }

        // DIGITS, $NAME, or masking digits then $NAME (918273$parcel).
        private string Digits(string word)
        {
            int at = word.IndexOf('$');
            if (at < 0) return word;
            string key = word[(at + 1)..];
            return word[..at] + (_codes.TryGetValue(key, out string code) ? code : throw new ScenarioError($"no code named '{key}' was issued"));
        }

        private static string Arg(List<string> args, int i) => i < args.Count ? args[i] : throw new ScenarioError("missing argument");

        private static void Need(string[] w, int count)
        {
            if (w.Length < count) throw new ScenarioError($"'{w[0]}' needs {count - 1} argument(s)");
        }

        /// <summary>A malformed line.</summary>
        public sealed class ScenarioError : Exception
        {
            public ScenarioError(string message) : base(message)
            {
            }
        }

        /// <summary>Value parsers that fail as scenario errors.</summary>
        public static class Parse
        {
            public static long Time(string s)
            {
                if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
                    throw new ScenarioError($"'{s}' is not a time (use ISO 8601, e.g. 2026-11-25T14:00Z)");
                return t.ToUnixTimeMilliseconds();
            }

            public static long Duration(string s)
            {
                string[] units = { "ms", "s", "m", "h", "d" };
                long[] scale = { 1, 1000, 60_000, 3_600_000, 86_400_000 };
                for (int u = 0; u < units.Length; u++)
                {
                    if (s.EndsWith(units[u], StringComparison.Ordinal) && long.TryParse(s[..^units[u].Length], NumberStyles.None, CultureInfo.InvariantCulture, out long n)
                        && !(units[u] == "s" && s.EndsWith("ms", StringComparison.Ordinal)))
                    {
                        return n * scale[u];
                    }
                }

                throw new ScenarioError($"'{s}' is not a duration (e.g. 500ms, 10s, 5m, 2h, 3d)");
            }

            public static int Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : throw new ScenarioError($"'{s}' is not a number");

            public static byte[] Hex(string s)
            {
                try
                {
                    byte[] b = Convert.FromHexString(s);
                    return b.Length == CodeKeys.SecretLength ? b : throw new ScenarioError("a secret is 64 hex characters");
                }
                catch (FormatException)
                {
                    throw new ScenarioError($"'{s}' is not hexadecimal");
                }
            }

            public static int Days(string s)
            {
                string[] names = { "everyday", "weekdays", "weekend", "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
                int i = Array.IndexOf(names, s);
                return i >= 0 ? i : throw new ScenarioError($"'{s}' is not a day set ({string.Join(", ", names)})");
            }

            public static EventType Event(string s) => Enum.TryParse(s, false, out EventType t) && Enum.IsDefined(t) ? t : throw new ScenarioError($"'{s}' is not an event type");
        }
    }
}
