using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.LockCtl.Access;

namespace LockFirmware.LockCtl
{
    /// <summary>lockctl code issue | inspect: the issuer and the explainer, on Core's code format.</summary>
    public static class CodeCommand
    {
        public const string Help =
            "lockctl code issue --secret-file F --type one-time --start 2026-11-25T14:00Z --hours 2 [--index N]\n" +
            "lockctl code issue --secret-file F --type window --start TIME --hours 12|24|48|72|168|336|720|2160 [--index N]\n" +
            "lockctl code issue --secret-file F --type weekly --first 2026-11-25 --weeks 4|13|26|52 --days everyday|weekdays|weekend|mon..sun\n" +
            "                   --from HOUR --span 2|4|8|12 [--index N]        (local time of the lock)\n" +
            "lockctl code issue --secret-file F --type revoke-all --start TIME [--index N]\n" +
            "lockctl code inspect CODE --secret-file F [--at TIME] [--utc-offset-minutes N] [--dst none|eu|us]\n" +
            "                   (the lock's local time, as `config get` shows it; weekly codes need it)\n" +
            "  one-time hours: 1, 2, 4, 8. --index 0..15 (default 0) makes distinct codes for the same parameters.\n" +
            "  The secret file holds the lock's 32-byte secret as 64 hex characters.";

        public static int Run(string[] args)
        {
            if (args.Length == 0 || args[0] == "--help")
            {
                Console.WriteLine(Help);
                return args.Length == 0 ? 2 : 0;
            }

            var rest = args[1..];
            switch (args[0])
            {
                case "issue": return Issue(new CliArgs(rest).Allow("--secret-file", "--type", "--start", "--hours", "--first", "--weeks", "--days", "--from", "--span", "--index"));
                case "inspect": return Inspect(new CliArgs(rest).Allow("--secret-file", "--at", "--utc-offset-minutes", "--dst"));
                default: throw new CliException($"unknown code command '{args[0]}' (issue, inspect)");
            }
        }

        private static int Issue(CliArgs a)
        {
            var crypto = new HostCrypto();
            var issuer = new CodeIssuer(AccessPolicy.Default(), crypto, SecretFile.Read(a.Text("--secret-file")));
            int index = a.Int("--index", 0);
            string code;
            try
            {
                switch (a.Text("--type"))
                {
                    case "one-time": code = issuer.OneTime(a.Time("--start"), a.Int("--hours"), index); break;
                    case "window": code = issuer.Window(a.Time("--start"), a.Int("--hours"), index); break;
                    case "weekly": code = issuer.Weekly(a.Time("--first"), a.Int("--weeks"), Days(a.Text("--days")), a.Int("--from"), a.Int("--span"), index); break;
                    case "revoke-all": code = issuer.RevokeAll(a.Time("--start"), index); break;
                    default: throw new CliException($"unknown --type '{a.Text("--type")}' (one-time, window, weekly, revoke-all)");
                }
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }

            Console.WriteLine(code);
            return 0;
        }

        private static int Inspect(CliArgs a)
        {
            if (a.Words.Count != 1)
            {
                throw new CliException("inspect takes one code");
            }

            string code = a.Words[0];
            long at = a.Time("--at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var policy = AccessPolicy.Default();
            policy.LocalOffsetMinutes = a.Int("--utc-offset-minutes", 0);
            if (policy.LocalOffsetMinutes < -720 || policy.LocalOffsetMinutes > 840 || policy.LocalOffsetMinutes % 60 != 0)
            {
                throw new CliException("--utc-offset-minutes: whole hours from -720 to 840, as the lock takes them");
            }

            policy.DstRule = Dst(a.Text("--dst", "none"));
            var crypto = new HostCrypto();
            byte[] secret = SecretFile.Read(a.Text("--secret-file"));
            var format = new CodeFormat(policy, crypto, new CodeKeys(crypto, secret));
            bool longCode;
            if (code.Length == policy.CodeLength) longCode = false;
            else if (code.Length == policy.LongCodeLength) longCode = true;
            else throw new CliException($"a code has {policy.CodeLength} or {policy.LongCodeLength} digits; '{code}' has {code.Length}");
            if (!ulong.TryParse(code, out ulong value))
            {
                throw new CliException($"'{code}' is not all digits");
            }

            // Without a set clock no code can be told from a guess: the lock answers ClockUnknown (verification step 4).
            if (!LockTime.IsSet(at))
            {
                Console.WriteLine($"at {CliArgs.Iso(at)}: ClockUnknown (a lock whose clock was never set opens no code)");
                return 1;
            }

            var c = new Credential();
            if (!format.Open(longCode, value, CodeFormat.HourOf(at), c))
            {
                Console.WriteLine($"{code}: not a code of this lock (wrong secret, mistyped, or not a code)");
                return 1;
            }

            Console.WriteLine($"code      {code}");
            Console.WriteLine($"type      {c.Type}, index {c.Index}");
            if (c.Type == CredentialType.Weekly)
            {
                Console.WriteLine($"schedule  {DaysName(c.Days)} {c.FromHour:00}:00-{c.FromHour + c.SpanHours:00}:00 local, {policy.WeeklyWeeks[c.DurationClass]} weeks from local day {Iso(c.FirstLocalDay * 24)[..10]}");
            }
            else if (c.Type == CredentialType.RevokeAll)
            {
                Console.WriteLine($"revokes   every code that started before {Iso(c.StartHour)}; enter by {Iso(c.EndHour)}");
            }
            else
            {
                Console.WriteLine($"valid     {Iso(c.StartHour)} to {Iso(c.EndHour)}");
            }

            // What a freshly provisioned lock would answer at that time (a real lock also knows used codes).
            var verifier = new AccessVerifier(policy, crypto, new ScratchAccessStore(), null);
            verifier.Provision(secret);
            byte[] ascii = new byte[code.Length];
            for (int i = 0; i < code.Length; i++) ascii[i] = (byte)code[i];
            AccessResult r = verifier.Verify(ascii, 0, ascii.Length, at);
            Console.WriteLine($"at {CliArgs.Iso(at)}: {r} (on a fresh lock)");
            return r == AccessResult.Accepted || r == AccessResult.RevokeApplied ? 0 : 1;
        }

        private static string Iso(long hourSince2025) => CliArgs.Iso(LockTime.EarliestValidMs + hourSince2025 * LockTime.MsPerHour);

        private static readonly string[] DayNames = { "everyday", "weekdays", "weekend", "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

        private static int Days(string name)
        {
            int i = Array.IndexOf(DayNames, name.ToLowerInvariant());
            if (i < 0) throw new CliException($"--days '{name}': use {string.Join(", ", DayNames)}");
            return i;
        }

        private static string DaysName(int days) => DayNames[days];

        /// <summary>The summer-time rule as `config set --dst` names it.</summary>
        public static int Dst(string name) => name switch
        {
            "none" => LocalTime.NoDst,
            "eu" => LocalTime.EuDst,
            "us" => LocalTime.UsDst,
            _ => throw new CliException($"--dst '{name}': use none, eu or us"),
        };
    }
}
