using System;
using System.Globalization;
using LockFirmware.Core.Access;

namespace LockFirmware.LockCtl
{
    /// <summary>lockctl security: the brute-force bound for the policy the firmware ships with.</summary>
    public static class SecurityCommand
    {
        public static int Run(string[] args)
        {
            var p = AccessPolicy.Default();
            var b = new SecurityBound(p);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine("Access-code security bound (docs/access-codes.md), default policy:");
            Console.WriteLine($"  short codes            {p.CodeLength} digits (one-time), long codes {p.LongCodeLength} digits (window, weekly, revoke-all)");
            Console.WriteLine($"  masking                up to {p.MaxMaskDigits} digits before a code");
            Console.WriteLine($"  owner PINs             up to {p.MaxPins}, at least {p.PinMinLength} digits");
            Console.WriteLine($"  activation period      {p.ActivationHours} h; activated-code table {p.ActivationTableSize}");
            Console.WriteLine($"  throttle               {p.FreeFailures} wrong entries, then 1 per {p.RefillHours} h (owner can clear)");
            Console.WriteLine($"  acceptable payloads    short {b.ShortAcceptable}, long {b.LongAcceptable} (window {b.WindowAcceptable}, weekly {b.WeeklyAcceptable}, table {p.ActivationTableSize})");
            string[] rules = { "none", "eu", "us" };
            for (int r = 0; r < SecurityBound.DstRules.Length; r++)
            {
                Console.WriteLine($"  weekly, worst hour     {SecurityBound.WorstWeeklyPairs(p, SecurityBound.DstRules[r])} (from, span) pairs, --dst {rules[r]}");
            }

            Console.WriteLine($"  per entry              {b.PerEntry.ToString("0.###E+0", inv)}  (the worst over every supported time-zone rule)");
            Console.WriteLine($"  entries per year       {b.EntriesPerYear}");
            Console.WriteLine($"P(open within a year) <= {b.PerYear.ToString("0.###E+0", inv)}  (target 1E-6: {(b.PerYear <= 1e-6 ? "met" : "NOT met")})");
            return b.PerYear <= 1e-6 ? 0 : 1;
        }
    }
}
