using System;
using System.Collections.Generic;
using System.Globalization;

namespace LockFirmware.LockCtl.Access
{
    /// <summary>--name value options and positional words, with typed readers that fail as clear CLI errors.</summary>
    public sealed class CliArgs
    {
        private readonly Dictionary<string, string> _options = new Dictionary<string, string>(StringComparer.Ordinal);
        public readonly List<string> Words = new List<string>();

        public CliArgs(string[] args, params string[] flags)
        {
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    if (Array.IndexOf(flags, args[i]) >= 0)
                    {
                        _options[args[i]] = "true";
                    }
                    else if (i + 1 >= args.Length)
                    {
                        throw new CliException($"{args[i]} needs a value");
                    }
                    else
                    {
                        _options[args[i]] = args[++i];
                    }
                }
                else
                {
                    Words.Add(args[i]);
                }
            }
        }

        public bool Has(string name) => _options.ContainsKey(name);

        /// <summary>Refuses any option not named: a mistyped or unsupported option is an error, not silently ignored.</summary>
        public CliArgs Allow(params string[] names)
        {
            foreach (string option in _options.Keys)
            {
                if (Array.IndexOf(names, option) < 0)
                {
                    throw new CliException($"unknown option {option} (this command takes {string.Join(", ", names)})");
                }
            }

            return this;
        }

        public string Text(string name, string fallback = null)
        {
            if (_options.TryGetValue(name, out string v)) return v;
            if (fallback != null) return fallback;
            throw new CliException($"{name} is required");
        }

        public int Int(string name, int? fallback = null)
        {
            if (!_options.TryGetValue(name, out string v))
            {
                if (fallback.HasValue) return fallback.Value;
                throw new CliException($"{name} is required");
            }

            if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n))
            {
                throw new CliException($"{name}: '{v}' is not a whole number");
            }

            return n;
        }

        /// <summary>An ISO 8601 time with a zone (2026-11-25T14:00Z), as UTC ms since 1970.</summary>
        public long Time(string name, long? fallback = null)
        {
            if (!_options.TryGetValue(name, out string v))
            {
                if (fallback.HasValue) return fallback.Value;
                throw new CliException($"{name} is required");
            }

            return ParseTime(name, v);
        }

        public static long ParseTime(string name, string v)
        {
            if (!DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t))
            {
                throw new CliException($"{name}: '{v}' is not a time (use ISO 8601, e.g. 2026-11-25T14:00Z)");
            }

            return t.ToUnixTimeMilliseconds();
        }

        public static string Iso(long ms) => ms >= -62135596800000L && ms <= 253402300799999L
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture)
            : (ms < 0 ? "before 0001-01-01" : "after 9999-12-31");
    }
}
