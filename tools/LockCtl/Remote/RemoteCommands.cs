using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using LockFirmware.Core.Access;
using LockFirmware.Core.Crypto;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.LockCtl.Access;

namespace LockFirmware.LockCtl.Remote
{
    /// <summary>The installer's and owner's commands over an admin session (docs/ble-protocol.md).</summary>
    public static class RemoteCommands
    {
        public const string Help =
            "Commands that talk to a lock take --target sim://127.0.0.1:PORT and a role key:\n" +
            "  --role owner|installer (default owner) --key-file F (32 hex characters)\n" +
            "  lockctl provision --target T --setup-key HEX --secret-file F --installer-key-file F --owner-key-file F\n" +
            "  lockctl status | lock | unlock | revoke | reset      (unlock, lock, revoke: owner; reset: owner + setup window)\n" +
            "  lockctl lockout clear                               (owner: the keypad throttle, after vandalism)\n" +
            "  lockctl time set [TIME|now]                         (owner; installer only while the lock's clock is lost)\n" +
            "  lockctl config get | config set [--relock-ms N] [--motor-ms N] [--door-sensor on|off] [--free-failures N]\n" +
            "                                  [--refill-hours N] [--utc-offset-minutes N] [--dst none|eu|us]\n" +
            "  lockctl keypad add --id N --keypad-key-file F | keypad remove --id N\n" +
            "  lockctl keypad enter DIGITS --id N --keypad-key-file F [--counter N] [--no-wait]   (acts as that keypad; prints the verdict)\n" +
            "  lockctl keypad pair                                 (opens a 5-minute pairing window: type the code shown on the keypad)\n" +
            "  lockctl pin add DIGITS | pin remove SLOT             (owner)\n" +
            "  lockctl log pull [--since SEQ] [--format csv|json] [--out FILE]";

        public static int Run(string verb, string[] args)
        {
            var a = new CliArgs(args, "--no-wait");
            if (verb == "provision")
            {
                return Provision(a);
            }

            if (verb == "keypad" && a.Words.Count > 0 && a.Words[0] == "enter")
            {
                return KeypadEnter(a);
            }

            using RemoteLock remote = RemoteLock.Connect(a.Text("--target", ""));
            AdminRole role = Role(a.Text("--role", "owner"));
            remote.Open(role, KeyFile.Read(a.Text("--key-file", ""), "--key-file"));
            switch (verb)
            {
                case "status": return Status(remote);
                case "lock": remote.Call(AdminCommand.Lock); Console.WriteLine("locking"); return 0;
                case "unlock": remote.Call(AdminCommand.Unlock); Console.WriteLine("unlocking"); return 0;
                case "revoke": remote.Call(AdminCommand.RevokeAll); Console.WriteLine("every code that started before this hour is revoked"); return 0;
                case "reset": remote.Call(AdminCommand.FactoryReset); Console.WriteLine("factory reset done: the lock is unprovisioned"); return 0;
                case "lockout":
                    if (a.Words.Count != 1 || a.Words[0] != "clear") throw new CliException("use: lockout clear");
                    remote.Call(AdminCommand.ClearLockout);
                    Console.WriteLine("keypad lockout cleared");
                    return 0;
                case "time": return Time(remote, a);
                case "config": return Config(remote, a);
                case "keypad": return Keypad(remote, a);
                case "pin": return Pin(remote, a);
                case "log": return LogPull(remote, a);
                default: throw new CliException($"unknown command '{verb}'");
            }
        }

        private static int Provision(CliArgs a)
        {
            byte[] setup = KeyFile.Parse(a.Text("--setup-key"), "--setup-key");
            byte[] secret = SecretFile.Read(a.Text("--secret-file", ""));
            byte[] installer = KeyFile.Read(a.Text("--installer-key-file", ""), "--installer-key-file");
            byte[] owner = KeyFile.Read(a.Text("--owner-key-file", ""), "--owner-key-file");
            using RemoteLock remote = RemoteLock.Connect(a.Text("--target", ""));
            remote.Open(AdminRole.Setup, setup);
            remote.Provision(secret, installer, owner);
            Console.WriteLine("provisioned: lock secret stored, installer and owner keys set");
            return 0;
        }

        private static int Status(RemoteLock remote)
        {
            byte[] info = remote.Call(AdminCommand.Info);
            RemoteStatus s = remote.Status();
            Console.WriteLine($"state        {s.State}");
            Console.WriteLine($"door         {(s.DoorClosed ? "closed" : "open")}");
            Console.WriteLine($"lockout      {(s.LockedOut ? "ON" : "off")}");
            Console.WriteLine($"clock        {(s.ClockUnknown ? "UNKNOWN" : CliArgs.Iso(s.NowMs))}");
            Console.WriteLine($"setup window {(s.SetupWindowOpen ? "open" : "closed")}");
            Console.WriteLine($"provisioned  {(info[1] == 1 ? "yes" : "no")}, keypads {info[2]}, PINs {info[3]}, next log sequence {BitConverter.ToUInt32(info, 4)}");
            return 0;
        }

        private static int Time(RemoteLock remote, CliArgs a)
        {
            if (a.Words.Count < 1 || a.Words[0] != "set") throw new CliException("use: time set [TIME|now]");
            long t = a.Words.Count < 2 || a.Words[1] == "now" ? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() : CliArgs.ParseTime("time", a.Words[1]);
            remote.SetTime(t);
            Console.WriteLine($"lock clock set to {CliArgs.Iso(t)}");
            return 0;
        }

        /// <summary>
        /// The counter lockctl sends as a keypad: whole seconds since 2025-01-01, plus one, so each entry beats the last
        /// one a second earlier and the range (1 to 4,294,967,294) lasts until 2161.
        /// </summary>
        public static uint KeypadCounterAt(long utcMs)
        {
            long seconds = (utcMs - LockFirmware.Core.Common.LockTime.EarliestValidMs) / 1000 + 1;
            return (uint)Math.Clamp(seconds, 1, uint.MaxValue - 1L);
        }

        private static int Config(RemoteLock remote, CliArgs a)
        {
            string what = a.Words.Count > 0 ? a.Words[0] : "";
            byte[] c = remote.Call(AdminCommand.GetConfig);
            if (what == "set")
            {
                Put(c, 0, a.Int("--relock-ms", BitConverter.ToInt32(c, 0)));
                Put(c, 4, a.Int("--motor-ms", BitConverter.ToInt32(c, 4)));
                if (a.Has("--door-sensor")) c[8] = a.Text("--door-sensor") switch { "on" => 1, "off" => 0, _ => throw new CliException("--door-sensor takes on or off") };
                c[9] = (byte)a.Int("--free-failures", c[9]);
                int refill = a.Int("--refill-hours", BitConverter.ToUInt16(c, 10));
                c[10] = (byte)refill; c[11] = (byte)(refill >> 8);
                int offset = a.Int("--utc-offset-minutes", BitConverter.ToInt16(c, 12));
                if (offset % 60 != 0)
                {
                    throw new CliException($"--utc-offset-minutes {offset}: the lock keeps weekly schedules on whole local hours and takes whole-hour offsets only (-720..840 in steps of 60); a half-hour zone such as +05:30 is not supported (docs/access-codes.md, \"Local time\")");
                }

                c[12] = (byte)offset; c[13] = (byte)(offset >> 8);
                if (a.Has("--dst")) c[15] = a.Text("--dst") switch { "none" => 0, "eu" => 1, "us" => 2, _ => throw new CliException("--dst takes none, eu or us") };
                try
                {
                    remote.Call(AdminCommand.SetConfig, c);
                }
                catch (CliException e) when (e.Message.Contains("Denied"))
                {
                    throw new CliException("the lock refused the configuration: the local offset and summer-time rule move weekly schedules, so only the owner may change them");
                }
                catch (CliException e) when (e.Message.Contains("BadArguments"))
                {
                    throw new CliException("the lock refused the configuration: relock 3,000-600,000 ms, motor 500-10,000 ms, free failures 1-5, refill 336-8,760 h, offset -720..840 min in whole hours, dst none|eu|us (the throttle may only get stricter)");
                }
            }
            else if (what != "get")
            {
                throw new CliException("use: config get | config set [options]");
            }

            Console.WriteLine($"relock-ms {BitConverter.ToInt32(c, 0)}");
            Console.WriteLine($"motor-ms {BitConverter.ToInt32(c, 4)}");
            Console.WriteLine($"door-sensor {(c[8] == 1 ? "on" : "off")}");
            Console.WriteLine($"free-failures {c[9]}");
            Console.WriteLine($"refill-hours {BitConverter.ToUInt16(c, 10)}");
            Console.WriteLine($"utc-offset-minutes {BitConverter.ToInt16(c, 12)}");
            Console.WriteLine($"code-length {c[14]}");
            Console.WriteLine($"dst {(c[15] == 1 ? "eu" : c[15] == 2 ? "us" : "none")}");
            return 0;
        }

        private static int Keypad(RemoteLock remote, CliArgs a)
        {
            string what = a.Words.Count > 0 ? a.Words[0] : "";
            if (what == "pair")
            {
                byte[] r = remote.Call(AdminCommand.PairKeypad);
                string code = Encoding.ASCII.GetString(r, 1, r.Length - 1);
                Console.WriteLine($"pairing open for 5 minutes: keypad id {r[0]}");
                Console.WriteLine("on the keypad: hold * and # for 3 s (the LED blinks), type this code, then #:");
                Console.WriteLine($"  {code[..5]} {code[5..10]} {code[10..15]} {code[15..]}");
                return 0;
            }

            int id = a.Int("--id");
            if (id < 0 || id > 255) throw new CliException("--id must be 0..255");
            if (what == "add")
            {
                remote.AddKeypad((byte)id, KeyFile.Read(a.Text("--keypad-key-file", ""), "--keypad-key-file"));
                Console.WriteLine($"keypad {id} registered");
            }
            else if (what == "remove")
            {
                remote.Call(AdminCommand.RemoveKeypad, new[] { (byte)id });
                Console.WriteLine($"keypad {id} removed");
            }
            else
            {
                throw new CliException("use: keypad add|remove|pair|enter");
            }

            return 0;
        }

        private static int KeypadEnter(CliArgs a)
        {
            if (a.Words.Count != 2 || a.Words[1].Length == 0 || a.Words[1].Length > KeypadChannel.MaxDigits)
            {
                throw new CliException($"use: keypad enter DIGITS (1-{KeypadChannel.MaxDigits} characters) --id N --keypad-key-file F");
            }

            int id = a.Int("--id");
            byte[] key = KeyFile.Read(a.Text("--keypad-key-file", ""), "--keypad-key-file");
            string given = a.Text("--counter", "");
            uint counter = KeypadCounterAt(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            if (given.Length > 0 && (!uint.TryParse(given, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out counter) || counter == 0 || counter == uint.MaxValue))
            {
                throw new CliException($"--counter: '{given}' is not a keypad counter (a whole number from 1 to {uint.MaxValue - 1})");
            }

            byte[] digits = Encoding.ASCII.GetBytes(a.Words[1]);
            bool wait = !a.Has("--no-wait");
            using RemoteLock remote = RemoteLock.Connect(a.Text("--target", ""));
            AccessResult? result = remote.Enter(id, key, counter, digits, wait);
            Console.WriteLine($"keypad {id} sent {digits.Length} digits (counter {counter})");
            if (result != null)
            {
                Console.WriteLine($"verdict: {KeypadVerdicts.For(result.Value)} ({result})");
            }
            else if (wait)
            {
                Console.WriteLine("verdict: none within the keypad's window (keypad not registered under this id and key, or the lock is out of reach)");
            }

            return 0;
        }

        private static int Pin(RemoteLock remote, CliArgs a)
        {
            string what = a.Words.Count > 0 ? a.Words[0] : "";
            if (what == "add" && a.Words.Count == 2)
            {
                byte[] digits = Encoding.ASCII.GetBytes(a.Words[1]);
                byte[] r = remote.Call(AdminCommand.AddPin, RemoteLock.Concat(new[] { (byte)digits.Length }, digits));
                Console.WriteLine($"PIN stored in slot {r[0]} (as a keyed digest)");
            }
            else if (what == "remove" && a.Words.Count == 2 && byte.TryParse(a.Words[1], out byte slot))
            {
                remote.Call(AdminCommand.RemovePin, new[] { slot });
                Console.WriteLine($"PIN slot {slot} removed");
            }
            else
            {
                throw new CliException("use: pin add DIGITS | pin remove SLOT");
            }

            return 0;
        }

        private static int LogPull(RemoteLock remote, CliArgs a)
        {
            if (a.Words.Count < 1 || a.Words[0] != "pull") throw new CliException("use: log pull [--since SEQ] [--format csv|json] [--out FILE]");
            string format = a.Text("--format", "csv");
            if (format != "csv" && format != "json") throw new CliException($"--format '{format}': use csv or json");
            uint since = (uint)a.Int("--since", 0);
            LogRows rows = LogRows.FromConfig(remote.Call(AdminCommand.GetConfig));
            var csv = new StringBuilder();
            var buffer = new MemoryStream();
            var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteStartArray("events");
            if (format == "csv") csv.AppendLine(LogRows.CsvHeader);
            foreach (EventRecord e in remote.ReadLog(since))
            {
                if (format == "csv") csv.AppendLine(rows.Csv(e));
                else rows.Json(json, e);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            string text = format == "csv" ? csv.ToString() : Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
            if (a.Has("--out")) CliFiles.Write(a.Text("--out"), text);
            else Console.Write(text);
            return 0;
        }

        private static AdminRole Role(string name) => name switch
        {
            "owner" => AdminRole.Owner,
            "installer" => AdminRole.Installer,
            "setup" => AdminRole.Setup,
            _ => throw new CliException($"--role '{name}': use owner, installer or setup"),
        };

        private static void Put(byte[] b, int at, int v) => BitConverter.GetBytes(v).CopyTo(b, at);
    }
}
