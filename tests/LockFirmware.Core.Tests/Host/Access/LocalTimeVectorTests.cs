using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Tests.Access;
using LockFirmware.Core.Tests.Fakes;
using LockFirmware.Hal.Sim.Crypto;

namespace LockFirmware.Core.Tests.Host.Access
{
    /// <summary>
    /// docs/vectors/local-time.json (issue 15, items 15-17): when a weekly code starts and ends, weekly hours and
    /// activation under each supported time-zone rule, and "clock never set". Same schema as access-codes.json plus
    /// the lock's utcOffsetMinutes and dst per case. Regenerate with LOCKFW_WRITE_VECTORS=1 and review the diff.
    /// </summary>
    [TestClass]
    public class LocalTimeVectorTests
    {
        private static readonly string Path_ = RepoFiles.InRepo("docs/vectors/local-time.json");
        private const long H = AccessFixture.Hour;
        private const long M = LockTime.MsPerMinute;

        private sealed record Case(string Name, int Offset, int Dst, long First, int Weeks, int Days, int From, int Span, long[] At);

        private static long Utc(int y, int mo, int d, int h, int mi = 0) => LocalTime.DaysFromCivil(y, mo, d) * LockTime.MsPerDay + h * H + mi * M;

        private static readonly Case[] Cases =
        {
            // Item 15: a weekly code starts at its from-hour on its first day and ends at local midnight after its last day.
            new("weekly start and end (UTC)", 0, LocalTime.NoDst, Utc(2026, 11, 25, 0), 4, WeeklyDays.Weekdays, 14, 4,
                new[] { Utc(2026, 11, 25, 0), Utc(2026, 11, 25, 13, 59), Utc(2026, 11, 25, 14), Utc(2026, 11, 25, 18), Utc(2026, 12, 22, 17, 59), Utc(2026, 12, 23, 0), Utc(2024, 12, 31, 23, 59), 5000L }),
            // Item 16: whole-hour offsets; local hours are UTC plus the offset.
            new("UTC+5 mornings", 300, LocalTime.NoDst, Utc(2026, 11, 25, 0), 4, WeeklyDays.EveryDay, 9, 4,
                new[] { Utc(2026, 11, 25, 3, 59), Utc(2026, 11, 25, 4), Utc(2026, 11, 25, 8), Utc(2026, 11, 26, 4, 30) }),
            // EU rule at UTC+1: the schedule follows the wall clock across the spring change (2027-03-28 01:00 UTC).
            new("EU spring forward", 60, LocalTime.EuDst, Utc(2027, 3, 25, 0), 4, WeeklyDays.EveryDay, 9, 4,
                new[] { Utc(2027, 3, 25, 8, 30), Utc(2027, 3, 29, 6, 30), Utc(2027, 3, 29, 7), Utc(2027, 3, 29, 10, 59), Utc(2027, 3, 29, 11) }),
            // Activation runs 6 local hours in summer too (item 7): 15:30 local is the 7th hour after 09:00.
            new("EU summer activation", 60, LocalTime.EuDst, Utc(2027, 7, 1, 0), 4, WeeklyDays.EveryDay, 9, 12,
                new[] { Utc(2027, 7, 1, 13, 30), Utc(2027, 7, 1, 12, 30), Utc(2027, 7, 1, 13, 30) }),
            // US rule at UTC-5: the autumn change (2027-11-07 06:00 UTC) repeats 01:00-02:00 local; 02:00-04:00 follows the wall clock.
            new("US fall back", -300, LocalTime.UsDst, Utc(2027, 11, 6, 0), 4, WeeklyDays.EveryDay, 2, 2,
                new[] { Utc(2027, 11, 6, 6, 30), Utc(2027, 11, 7, 5, 30), Utc(2027, 11, 7, 6, 30), Utc(2027, 11, 7, 7, 30), Utc(2027, 11, 7, 9) }),
        };

        private static byte[] Secret() => GoldenVectorTests.Secret();

        private static AccessPolicy PolicyOf(Case c)
        {
            AccessPolicy p = AccessPolicy.Default();
            p.LocalOffsetMinutes = c.Offset;
            p.DstRule = c.Dst;
            return p;
        }

        private static string Issue(Case c) => new CodeIssuer(PolicyOf(c), new HostCrypto(), Secret()).Weekly(c.First, c.Weeks, c.Days, c.From, c.Span, 0);

        private static List<string> Verdicts(Case c, string code)
        {
            var v = new AccessVerifier(PolicyOf(c), new HostCrypto(), new MemoryAccessStore(), new MemoryEventLog());
            v.Provision(Secret());
            var verdicts = new List<string>();
            byte[] ascii = AccessFixture.Ascii(code);
            foreach (long at in c.At) verdicts.Add(v.Verify(ascii, 0, ascii.Length, at).ToString());
            return verdicts;
        }

        private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-ddTHH:mm:ssZ");

        [TestMethod]
        public void IssuerAndVerifierAgreeWithTheLocalTimeVectors()
        {
            if (Environment.GetEnvironmentVariable("LOCKFW_WRITE_VECTORS") == "1")
            {
                var cases = new JsonArray();
                foreach (Case c in Cases)
                {
                    string code = Issue(c);
                    List<string> verdicts = Verdicts(c, code);
                    var checks = new JsonArray();
                    for (int i = 0; i < c.At.Length; i++) checks.Add(new JsonObject { ["at"] = Iso(c.At[i]), ["atMs"] = c.At[i], ["result"] = verdicts[i] });
                    cases.Add(new JsonObject
                    {
                        ["name"] = c.Name, ["type"] = "weekly", ["utcOffsetMinutes"] = c.Offset, ["dst"] = new[] { "none", "eu", "us" }[c.Dst],
                        ["start"] = Iso(c.First), ["startMs"] = c.First, ["weeks"] = c.Weeks, ["days"] = c.Days, ["fromHour"] = c.From,
                        ["hours"] = c.Span, ["index"] = 0, ["code"] = code, ["checks"] = checks,
                    });
                }

                var root = new JsonObject
                {
                    ["description"] = "LockFirmware weekly codes in local time (docs/access-codes.md, \"Local time\"). Same fields as access-codes.json; "
                        + "utcOffsetMinutes and dst are the lock's configuration (dst: none, eu, us); start is the first local date; hours is the daily span. "
                        + "Checks run in order on one fresh lock per case.",
                    ["secretHex"] = Convert.ToHexString(Secret()).ToLowerInvariant(),
                    ["cases"] = cases,
                };
                File.WriteAllText(Path_, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            }

            using var doc = JsonDocument.Parse(File.ReadAllText(Path_));
            int n = 0, verdictsChecked = 0;
            foreach (JsonElement jc in doc.RootElement.GetProperty("cases").EnumerateArray())
            {
                Case c = Cases[n++];
                Assert.AreEqual(c.Name, jc.GetProperty("name").GetString());
                Assert.AreEqual(jc.GetProperty("code").GetString(), Issue(c), c.Name + ": issuer");
                List<string> verdicts = Verdicts(c, jc.GetProperty("code").GetString());
                int i = 0;
                foreach (JsonElement check in jc.GetProperty("checks").EnumerateArray())
                {
                    Assert.AreEqual(check.GetProperty("result").GetString(), verdicts[i++], $"{c.Name}: verdict at {check.GetProperty("at").GetString()}");
                    verdictsChecked++;
                }
            }

            Assert.AreEqual(Cases.Length, n);
            Console.WriteLine($"local-time vectors: {n} codes, {verdictsChecked} verdicts");
        }
    }
}
