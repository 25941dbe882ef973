using LockFirmware.Core.Common;

namespace LockFirmware.Core.Storage
{
    /// <summary>
    /// Event-log records as words a homeowner reads ("one-time code #3 for 14:00-16:00 accepted"), with times in
    /// the lock's local zone. The one decoder of the log: lockctl (log pull, log decode) and LockSim print it, and
    /// the installer page's JavaScript copy is checked against it (docs/vectors/event-words.json). Integer and
    /// string concatenation only, so it also runs on the lock. Data words: docs/flash-format.md, "Event data".
    /// </summary>
    public static class EventWords
    {
        private const long Epoch2025Seconds = 1735689600L;
        private static readonly int[] OneTimeHours = { 1, 2, 4, 8 };
        private static readonly int[] WindowHours = { 12, 24, 48, 72, 168, 336, 720, 2160 };
        private static readonly int[] SpanHours = { 2, 4, 8, 12 };
        private static readonly string[] Roles = { "setup", "installer", "owner" };

        private static readonly string[] Commands =
        {
            "?", "read info", "read status", "set the time", "read the configuration", "change the configuration",
            "store the lock secret", "set a role key", "register a keypad", "remove a keypad", "add a PIN",
            "remove a PIN", "revoke all codes", "read the log", "lock", "unlock", "factory reset", "clear the keypad lockout",
        };

        private static readonly string[] Statuses =
        {
            "done", "not allowed for this role", "bad arguments", "failed", "unknown command", "no session",
            "role not available", "handshake failed", "too many attempts, wait", "session ended",
        };

        private static readonly string[] FrameErrors =
        {
            "?", "bad size", "bad length", "no start", "out of order", "overrun", "truncated",
        };

        private static readonly string[] KeypadReasons =
        {
            "?", "malformed", "unknown keypad", "bad tag (wrong key or tampered)", "replayed", "could not be recorded",
        };

        /// <summary>Local time of a record: "2026-11-30 14:05:12", or "clock unknown (+N s)" before the clock was set.</summary>
        public static string Time(uint seconds, int offsetMinutes, int dstRule)
        {
            if (seconds < Epoch2025Seconds)
            {
                return "clock unknown (+" + seconds.ToString() + " s)";
            }

            long local = Local(seconds, offsetMinutes, dstRule);
            long day = Floor(local, 86400);
            long s = local - day * 86400;
            return Date(day) + " " + Two((int)(s / 3600)) + ":" + Two((int)(s / 60 % 60)) + ":" + Two((int)(s % 60));
        }

        /// <summary>What a record says, in words (no time; see <see cref="Time"/>).</summary>
        public static string Describe(EventRecord r, int offsetMinutes, int dstRule)
        {
            uint d = r.Data;
            switch (r.Type)
            {
                case EventType.Boot: return "lock started";
                case EventType.PowerLossRecovered: return "recovered after a power loss";
                case EventType.ClockSet: return d < Epoch2025Seconds ? "clock set (it was unknown)" : "clock set (it read " + Time(d, offsetMinutes, dstRule) + ")";
                case EventType.ClockUnknown: return "clock unknown: codes refused until the time is set";
                case EventType.ClockWentBackwards: return "clock went back " + (d < 1000 ? d.ToString() + " ms" : (d / 1000).ToString() + " s");
                case EventType.LowBattery: return "battery low";
                case EventType.StorageCorruptionSkipped: return "damaged storage skipped";
                case EventType.FactoryReset: return "factory reset";
                case EventType.Provisioned: return "provisioned: lock secret stored";
                case EventType.ConfigChanged: return "configuration changed";
                case EventType.SoftwareFault: return d == 0 ? "software fault: an event was dropped, the lock carried on" : "software fault: a " + (d == 2 ? "keypad" : "admin") + " message was dropped, the lock carried on";

                case EventType.CodeAccepted: return Code(r, offsetMinutes, dstRule) + " accepted";
                case EventType.CodeRejectedFormat: return "entry of " + d.ToString() + " digits refused: not a code";
                case EventType.CodeRejectedTag: return "wrong code (" + d.ToString() + " digits)";
                case EventType.CodeRejectedNotYetValid: return Code(r, offsetMinutes, dstRule) + " refused: not valid yet";
                case EventType.CodeRejectedExpired: return Code(r, offsetMinutes, dstRule) + " refused: expired";
                case EventType.CodeRejectedReplayed: return Code(r, offsetMinutes, dstRule) + " refused: already used";
                case EventType.CodeRejectedRevoked: return Code(r, offsetMinutes, dstRule) + " refused: revoked";
                case EventType.CodeRejectedClockUnknown: return "code refused: the clock is unknown (" + d.ToString() + " digits)";
                case EventType.CodeRejectedLockedOut: return "entry refused: keypad locked out until " + Time(d, offsetMinutes, dstRule);
                case EventType.CodeRejectedNotActivated: return Code(r, offsetMinutes, dstRule) + " refused: first use came too late";
                case EventType.CodeRejectedOutsideSchedule: return Code(r, offsetMinutes, dstRule) + " refused: outside its days or hours";
                case EventType.LockoutStarted: return "keypad locked out until " + Time(d, offsetMinutes, dstRule) + " (too many wrong entries)";
                case EventType.LockoutEnded: return "keypad lockout cleared";
                case EventType.RevokeAllApplied: return d >> 24 == 0 ? "all earlier codes revoked" : Code(r, offsetMinutes, dstRule) + " applied: earlier codes refused";
                case EventType.PinAccepted: return "owner PIN accepted";
                case EventType.PinRejected: return "owner PIN refused";
                case EventType.CodeRejectedUnprovisioned: return "entry refused: the lock is not provisioned";
                case EventType.CodeRejectedStoreFailed:
                    return d >> 24 == 0 ? "entry refused: could not be recorded (flash failure)" : Code(r, offsetMinutes, dstRule) + " refused: could not be recorded (flash failure)";
                case EventType.CodeRejectedTableFull: return Code(r, offsetMinutes, dstRule) + " refused: table of live codes full";

                case EventType.UnlockRequested: return d == 1 ? "unlock: code or PIN" : d == 2 ? "unlock: owner's command" : d == 3 ? "unlock: inside button" : "unlock";
                case EventType.BoltRetracted: return "bolt retracted (" + d.ToString() + " ms)";
                case EventType.BoltExtended: return "bolt thrown: locked (" + d.ToString() + " ms)";
                case EventType.BoltJammed: return d == 1 ? "bolt jammed while locking" : "bolt jammed while unlocking";
                case EventType.BoltRetry: return d == 1 ? "bolt stuck while locking: retrying" : "bolt stuck while unlocking: retrying";
                case EventType.BoltPositionUnknown: return "bolt position unknown";
                case EventType.DoorOpened: return "door opened";
                case EventType.DoorClosed: return "door closed";
                case EventType.AutoRelock: return "relocking";
                case EventType.LockRequested: return "lock requested";
                case EventType.InsideButton: return d == 1 ? "inside button held" : "inside button pressed";
                case EventType.SetupWindowOpened: return "setup window opened for " + d.ToString() + " s";
                case EventType.SetupWindowClosed: return "setup window closed";
                case EventType.SwitchFault: return "bolt switches disagree";
                case EventType.DoorOpenWhileLocking: return "door opened while locking";

                case EventType.KeypadEntryRejected:
                    return "keypad " + (d & 0xFF).ToString() + ": entry refused (" + Pick(KeypadReasons, (int)(d >> 8)) + ")";
                case EventType.AdminSessionOpened: return Pick(Roles, (int)d) + " signed in";
                case EventType.AdminSessionFailed: return "sign-in as " + Pick(Roles, (int)d) + " failed (wrong key, or setup window closed)";
                case EventType.AdminSessionEnded: return "admin session ended";
                case EventType.AdminCommand:
                    int status = (int)(d >> 8 & 0xFF);
                    string done = Pick(Roles, (int)(d >> 16 & 0xFF)) + ": " + Pick(Commands, (int)(d & 0xFF));
                    return status == 0 ? done : status == 3 ? done + " failed" : done + " refused (" + Pick(Statuses, status) + ")";
                case EventType.FrameRejected:
                    return d >> 8 == 0
                        ? "admin message refused (" + Pick(Statuses, (int)d) + ")"
                        : (d >> 8 == 1 ? "admin" : "keypad") + " radio fragment refused (" + Pick(FrameErrors, (int)(d & 0xFF)) + ")";
                case EventType.RejectionsSuppressed: return d.ToString() + " more refused radio messages not logged";
                case EventType.AdminRecordsSuppressed: return d.ToString() + " more installer or setup commands not logged";
                default: return "unknown event 0x" + Hex((uint)r.Type, 2) + " (data 0x" + Hex(d, 8) + ")";
            }
        }

        // "one-time code #3 for 14:00-16:00": the credential in a code event's data (type << 24 | index << 16 | payload's low 16 bits),
        // its start resolved from the low payload bits and the record's time (docs/access-codes.md, Payloads).
        private static string Code(EventRecord r, int offsetMinutes, int dstRule)
        {
            uint d = r.Data;
            int type = (int)(d >> 24);
            string index = " #" + (d >> 16 & 0xFF).ToString();
            uint p = d & 0xFFFF;
            bool timed = r.TimeSeconds >= Epoch2025Seconds;
            long hour = timed ? (r.TimeSeconds - Epoch2025Seconds) / 3600 : 0;
            switch (type)
            {
                case 1:
                    int hours = OneTimeHours[p >> 4 & 3];
                    string oneTime = "one-time code" + index;
                    return timed ? oneTime + " for " + Span(Nearest(hour, p >> 6, 1024), hours, hour, offsetMinutes, dstRule) : oneTime + " (" + hours.ToString() + " h)";
                case 2:
                    int windowHours = WindowHours[p >> 4 & 7];
                    return "window code" + index + " (" + Length(windowHours) + ")";
                case 3:
                    return "weekly code" + index + " (" + SpanHours[p >> 4 & 3].ToString() + " h a day)";
                case 4:
                    string revoke = "revoke-all code" + index;
                    return timed ? revoke + " of " + Clock(Nearest(hour, p >> 4, 4096), hour, offsetMinutes, dstRule) : revoke;
                case 5:
                    return "owner PIN (slot " + (d >> 16 & 0xFF).ToString() + ")";
                default:
                    return "code of unknown type " + type.ToString();
            }
        }

        // The hour nearest `hour` whose value modulo `period` is `low`.
        private static long Nearest(long hour, uint low, long period)
        {
            long back = (hour - low) % period;
            if (back < 0) back += period;
            long start = hour - back;
            return back > period / 2 ? start + period : start;
        }

        // "14:00-16:00", with the start's date when it is not the record's local day.
        private static string Span(long startHour, int hours, long hourNow, int offsetMinutes, int dstRule)
        {
            long end = Seconds(startHour + hours);
            return Clock(startHour, hourNow, offsetMinutes, dstRule) + "-" + HourMinute(Local((uint)end, offsetMinutes, dstRule));
        }

        private static string Clock(long hour, long hourNow, int offsetMinutes, int dstRule)
        {
            long at = Local((uint)Seconds(hour), offsetMinutes, dstRule);
            long now = Local((uint)Seconds(hourNow), offsetMinutes, dstRule);
            string hm = HourMinute(at);
            return Floor(at, 86400) == Floor(now, 86400) ? hm : Date(Floor(at, 86400)) + " " + hm;
        }

        private static string Length(int hours)
        {
            return hours % 24 == 0 ? (hours / 24).ToString() + (hours == 24 ? " day" : " days") : hours.ToString() + " h";
        }

        private static long Seconds(long hourSince2025)
        {
            return Epoch2025Seconds + hourSince2025 * 3600;
        }

        private static long Local(uint seconds, int offsetMinutes, int dstRule)
        {
            return seconds + 60L * LocalTime.OffsetMinutes(offsetMinutes, dstRule, seconds * LockTime.MsPerSecond);
        }

        private static string HourMinute(long localSeconds)
        {
            long s = localSeconds - Floor(localSeconds, 86400) * 86400;
            return Two((int)(s / 3600)) + ":" + Two((int)(s / 60 % 60));
        }

        // yyyy-mm-dd of a day since 1970 (civil-from-days, proleptic Gregorian).
        private static string Date(long day)
        {
            long z = day + 719468;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long doe = z - era * 146097;
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            long d = doy - (153 * mp + 2) / 5 + 1;
            long m = mp < 10 ? mp + 3 : mp - 9;
            long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
            return y.ToString() + "-" + Two((int)m) + "-" + Two((int)d);
        }

        private static string Two(int v)
        {
            return v < 10 ? "0" + v.ToString() : v.ToString();
        }

        private static string Hex(uint v, int digits)
        {
            const string hex = "0123456789ABCDEF";
            string s = "";
            for (int i = digits - 1; i >= 0; i--)
            {
                s += hex[(int)(v >> (4 * i) & 0xF)].ToString();
            }

            return s;
        }

        private static string Pick(string[] words, int i)
        {
            return i >= 0 && i < words.Length ? words[i] : "#" + i.ToString();
        }

        private static long Floor(long a, long b)
        {
            long q = a / b;
            return (a % b != 0 && a < 0) ? q - 1 : q;
        }
    }
}
