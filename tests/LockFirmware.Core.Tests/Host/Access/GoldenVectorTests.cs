using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using LockFirmware.Core.Access;
using LockFirmware.Core.Tests.Access;
using LockFirmware.Core.Tests.Fakes;
using LockFirmware.Hal.Sim.Crypto;

namespace LockFirmware.Core.Tests.Host.Access
{
    /// <summary>
    /// docs/vectors/access-codes.json: secret, parameters, expected code and verdicts at several times.
    /// Issuer and verifier must both agree with the file, so a format change is a deliberate act:
    /// regenerate with LOCKFW_WRITE_VECTORS=1 and review the diff.
    /// </summary>
    [TestClass]
    public class GoldenVectorTests
    {
        private static readonly string Path_ = RepoFiles.InRepo("docs/vectors/access-codes.json");
        private const long T0 = AccessFixture.T0;
        private const long H = AccessFixture.Hour;

        private sealed record Case(string Name, string Type, long Start, int Hours, int Index, int Weeks, int Days, int From, long[] At);

        // Besides the window of each code: the same digits one period of the start modulus later (8192 h,
        // 65536 h for revoke-all), which must not open, and an entry with the clock lost (5 s after 1970).
        private static readonly Case[] Cases =
        {
            new("courier 2 h", "one-time", T0, 2, 0, 0, 0, 0, new[] { T0 - 1, T0 + 30 * 60000, T0 + H, T0 + 2 * H, T0 + 8192 * H + 30 * 60000, 5000L }),
            new("courier 8 h, index 15", "one-time", T0 + 24 * H, 8, 15, 0, 0, 0, new[] { T0, T0 + 30 * H, T0 + 33 * H }),
            new("cleaner week", "window", T0, 168, 3, 0, 0, 0, new[] { T0 + H, T0 + 50 * H, T0 + 168 * H, T0 + 8192 * H + H }),
            new("window first used too late", "window", T0, 720, 4, 0, 0, 0, new[] { T0 + 7 * H }),
            new("weekday afternoons", "weekly", T0 - 14 * H, 4, 0, 4, WeeklyDays.Weekdays, 14, new[] { T0 + H, T0 + 6 * H, T0 + 72 * H + H, T0 + 24 * H + 2 * H }),
            new("revoke all", "revoke-all", T0, 0, 0, 0, 0, 0, new[] { T0 + H, T0 + 2 * H, T0 + 65536 * H + H }),
        };

        private static string Issue(CodeIssuer issuer, Case c) => c.Type switch
        {
            "one-time" => issuer.OneTime(c.Start, c.Hours, c.Index),
            "window" => issuer.Window(c.Start, c.Hours, c.Index),
            "weekly" => issuer.Weekly(c.Start, c.Weeks, c.Days, c.From, c.Hours, c.Index),
            _ => issuer.RevokeAll(c.Start, c.Index),
        };

        internal static byte[] Secret()
        {
            byte[] s = new byte[32];
            for (int i = 0; i < 32; i++) s[i] = (byte)i;
            return s;
        }

        private static List<string> Verdicts(Case c, string code)
        {
            var policy = AccessPolicy.Default();
            var v = new AccessVerifier(policy, new HostCrypto(), new MemoryAccessStore(), new MemoryEventLog());
            v.Provision(Secret());
            var verdicts = new List<string>();
            byte[] ascii = AccessFixture.Ascii(code);
            foreach (long at in c.At)
            {
                verdicts.Add(v.Verify(ascii, 0, ascii.Length, at).ToString());
            }

            return verdicts;
        }

        /// <summary>The file is exactly what today's issuer and verifier produce for the cases above (the portable
        /// GoldenVectorTests then check it on the host and on the nanoCLR through Vectors/AccessCodeVectors.g.cs).</summary>
        [TestMethod]
        public void TheGoldenFileIsWhatTheIssuerAndVerifierProduce()
        {
            var issuer = new CodeIssuer(AccessPolicy.Default(), new HostCrypto(), Secret());
            var cases = new JsonArray();
            foreach (Case c in Cases)
            {
                string code = Issue(issuer, c);
                var checks = new JsonArray();
                List<string> verdicts = Verdicts(c, code);
                for (int i = 0; i < c.At.Length; i++)
                {
                    checks.Add(new JsonObject { ["at"] = DateTimeOffset.FromUnixTimeMilliseconds(c.At[i]).ToString("yyyy-MM-ddTHH:mm:ssZ"), ["atMs"] = c.At[i], ["result"] = verdicts[i] });
                }

                cases.Add(new JsonObject
                {
                    ["name"] = c.Name, ["type"] = c.Type,
                    ["start"] = DateTimeOffset.FromUnixTimeMilliseconds(c.Start).ToString("yyyy-MM-ddTHH:mm:ssZ"), ["startMs"] = c.Start,
                    ["hours"] = c.Hours, ["index"] = c.Index, ["weeks"] = c.Weeks, ["days"] = c.Days, ["fromHour"] = c.From,
                    ["code"] = code, ["checks"] = checks,
                });
            }

            var root = new JsonObject
            {
                ["description"] = "LockFirmware access-code golden vectors (docs/access-codes.md). Checks run in order on one fresh lock per case.",
                ["secretHex"] = Convert.ToHexString(Secret()).ToLowerInvariant(),
                ["policy"] = "AccessPolicy.Default(): 10-digit short codes, 12-digit long codes, local time = UTC",
                ["cases"] = cases,
            };
            string text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
            if (Environment.GetEnvironmentVariable("LOCKFW_WRITE_VECTORS") == "1")
            {
                File.WriteAllText(Path_, text);
                GeneratedVectorTests.CheckAccessCodes();
            }

            Assert.AreEqual(text, File.ReadAllText(Path_), "docs/vectors/access-codes.json differs from what the code produces; a deliberate format change is regenerated with LOCKFW_WRITE_VECTORS=1");
        }
    }
}
