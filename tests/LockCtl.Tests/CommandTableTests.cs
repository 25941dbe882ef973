using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;

namespace LockFirmware.LockCtl.Tests
{
    /// <summary>
    /// docs/ble-protocol.md, "Commands: lockctl and the installer page": every AdminCommand has a row, and the lockctl
    /// words of each row, run against LockSim, make the lock log that command. (The page's column is checked by
    /// tools/WebInstaller/test/commands.test.mjs.)
    /// </summary>
    [TestClass]
    public class CommandTableTests
    {
        private static List<string[]> Rows()
        {
            string doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "ble-protocol.md"));
            int at = doc.IndexOf("## Commands: lockctl and the installer page", StringComparison.Ordinal);
            Assert.IsTrue(at >= 0, "docs/ble-protocol.md has the section 'Commands: lockctl and the installer page'");
            string section = doc[at..];
            int next = section.IndexOf("\n## ", 3, StringComparison.Ordinal);
            return section[..(next < 0 ? section.Length : next)].Split('\n')
                .Where(l => l.StartsWith("| ") && !l.StartsWith("| command") && !l.StartsWith("| ---"))
                .Select(l => l.Split('|')[1..^1].Select(c => c.Trim().Trim('`')).ToArray())
                .ToList();
        }

        private static string RepoRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(dir, "LockFirmware.sln"))) dir = Path.GetDirectoryName(dir);
            return dir;
        }

        [TestMethod]
        public void EveryCommandHasOneRowWithItsCode()
        {
            var rows = Rows();
            foreach (AdminCommand c in Enum.GetValues<AdminCommand>())
            {
                var row = rows.SingleOrDefault(r => r[0] == c.ToString());
                Assert.IsNotNull(row, $"no row for {c}");
                Assert.AreEqual((int)c, Convert.ToInt32(row[1], 16), $"{c}'s code");
            }

            Assert.AreEqual(Enum.GetValues<AdminCommand>().Length, rows.Count, "one row per command, no more");
        }

        [TestMethod]
        public void LockctlWordsOfEachRowSendThatCommand()
        {
            using var site = new EndToEndTests.Site();
            string[] provision = { "provision", "--target", site.Target, "--setup-key", site.SetupKey, "--secret-file", site.Secret,
                "--installer-key-file", site.Installer, "--owner-key-file", site.Owner };
            var ran = new Dictionary<string, HashSet<int>>();
            ran["provision"] = Logged(site, () => Assert.AreEqual(0, site.Run(provision).Code));

            var args = new Dictionary<string, string[]>
            {
                ["status"] = new[] { "status" },
                ["time set"] = new[] { "time", "set", "now" },
                ["config get"] = new[] { "config", "get" },
                ["config set"] = new[] { "config", "set", "--relock-ms", "20000" },
                ["keypad add"] = new[] { "keypad", "add", "--id", "3", "--keypad-key-file", site.KeypadKey },
                ["keypad remove"] = new[] { "keypad", "remove", "--id", "3" },
                ["keypad pair"] = new[] { "keypad", "pair" },
                ["pin add"] = new[] { "pin", "add", "4444333322" },
                ["pin remove"] = new[] { "pin", "remove", "0" },
                ["revoke"] = new[] { "revoke" },
                ["log pull"] = new[] { "log", "pull" },
                ["lock"] = new[] { "lock" },
                ["unlock"] = new[] { "unlock" },
                ["lockout clear"] = new[] { "lockout", "clear" },
                ["reset"] = new[] { "reset" }, // last: it erases the owner key
            };
            foreach (var (words, a) in args)
            {
                ran[words] = Logged(site, () =>
                {
                    var r = site.Owner_(a);
                    Assert.AreEqual(0, r.Code, $"lockctl {words}: {r.Out}{r.Err}");
                });
            }

            foreach (string[] row in Rows())
            {
                Assert.IsTrue(ran.ContainsKey(row[2]), $"row {row[0]}: 'lockctl {row[2]}' is not a lockctl command this test knows");
                Assert.IsTrue(ran[row[2]].Contains(Convert.ToInt32(row[1], 16)), $"'lockctl {row[2]}' did not send {row[0]}");
            }
        }

        // The commands the lock logged (AdminCommand records) while `action` ran.
        private static HashSet<int> Logged(EndToEndTests.Site site, Action action)
        {
            uint from;
            lock (site.Server.Sim) from = site.Server.Sim.Core.Log.NextSequence;
            action();
            var codes = new HashSet<int>();
            lock (site.Server.Sim)
            {
                var log = site.Server.Sim.Core.Log;
                var cursor = log.ReadFrom(log.NextSequence < from ? 0 : from); // a factory reset starts a new log
                var r = new EventRecord();
                while (cursor.Next(r))
                {
                    if (r.Type == EventType.AdminCommand) codes.Add((int)(r.Data & 0xFF));
                }
            }

            return codes;
        }
    }
}
