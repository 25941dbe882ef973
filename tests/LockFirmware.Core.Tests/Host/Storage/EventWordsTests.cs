using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using LockFirmware.Core.Storage;

namespace LockFirmware.Core.Tests.Host.Storage
{
    /// <summary>
    /// EventWords, the one decoder of log records: spot checks of the words, and docs/vectors/event-words.json, the
    /// records and words the installer page's JavaScript decoder is checked against (tools/WebInstaller/test).
    /// LOCKFW_WRITE_VECTORS=1 rewrites the file after a deliberate change of words.
    /// </summary>
    [TestClass]
    public class EventWordsTests
    {
        private const uint Nov25At14 = 1795615200; // 2026-11-25T14:00:00Z, hour 16646 since 2025
        private const string Fixture = "docs/vectors/event-words.json";

        private static string Words(EventType type, uint time, uint data, int offset = 0, int dst = 0)
        {
            return EventWords.Describe(new EventRecord { Type = type, TimeSeconds = time, Data = data }, offset, dst);
        }

        // The log data of a code event: type << 24 | index << 16 | the payload's low 16 bits (docs/access-codes.md).
        private static uint OneTime(long startHour, int durationClass, int index)
        {
            long payload = ((startHour % 8192) * 4 + durationClass) * 16 + index;
            return (1u << 24) | ((uint)index << 16) | (uint)(payload & 0xFFFF);
        }

        [TestMethod]
        public void CourierCodesReadAsTheirWindowInLocalTime()
        {
            Assert.AreEqual("one-time code #3 for 14:00-16:00 accepted", Words(EventType.CodeAccepted, Nov25At14 + 1800, OneTime(16646, 1, 3)));
            Assert.AreEqual("one-time code #3 for 15:00-17:00 accepted", Words(EventType.CodeAccepted, Nov25At14 + 1800, OneTime(16646, 1, 3), 60, 1));
            Assert.AreEqual("one-time code #0 for 2026-11-26 06:00-14:00 refused: not valid yet", Words(EventType.CodeRejectedNotYetValid, Nov25At14, OneTime(16646 + 16, 3, 0)));
            Assert.AreEqual("one-time code #15 for 13:00-14:00 refused: already used", Words(EventType.CodeRejectedReplayed, Nov25At14 + 60, OneTime(16645, 0, 15)));
        }

        [TestMethod]
        public void RadioAndAdminRecordsNameWhoAndWhy()
        {
            Assert.AreEqual("installer: set the time refused (not allowed for this role)", Words(EventType.AdminCommand, Nov25At14, 1u << 16 | 1u << 8 | 0x03));
            Assert.AreEqual("owner: register a keypad", Words(EventType.AdminCommand, Nov25At14, 2u << 16 | 0x08));
            Assert.AreEqual("sign-in as setup failed (wrong key, or setup window closed)", Words(EventType.AdminSessionFailed, Nov25At14, 0));
            Assert.AreEqual("keypad 4: entry refused (replayed)", Words(EventType.KeypadEntryRejected, Nov25At14, 4u << 8 | 4));
            Assert.AreEqual("keypad radio fragment refused (out of order)", Words(EventType.FrameRejected, Nov25At14, 2u << 8 | 4));
            Assert.AreEqual("unknown event 0xEE (data 0x00000009)", Words((EventType)0xEE, Nov25At14, 9));
            Assert.AreEqual("clock unknown (+5 s)", EventWords.Time(5, 0, 0));
            Assert.AreEqual("2026-11-25 09:00:00", EventWords.Time(Nov25At14, -300, 2));
        }

        [TestMethod]
        public void EveryEventTypeHasItsOwnWords()
        {
            var seen = new Dictionary<string, EventType>();
            foreach (EventType type in Enum.GetValues<EventType>())
            {
                if (type == EventType.None) continue;
                string words = Words(type, Nov25At14, 0x01034193);
                Assert.IsFalse(words.StartsWith("unknown event"), $"{type} has no words");
                Assert.IsFalse(seen.ContainsKey(words), $"{type} reads like {(seen.TryGetValue(words, out var other) ? other : type)}: {words}");
                seen[words] = type;
            }
        }

        [TestMethod]
        public void FixtureMatchesTheDecoder()
        {
            string path = RepoFiles.InRepo(Fixture);
            string want = Build();
            if (Environment.GetEnvironmentVariable("LOCKFW_WRITE_VECTORS") == "1")
            {
                File.WriteAllText(path, want);
            }

            Assert.IsTrue(File.Exists(path), Fixture + " missing: run this test with LOCKFW_WRITE_VECTORS=1");
            Assert.AreEqual(want, File.ReadAllText(path).Replace("\r\n", "\n"), Fixture + " is stale: the page's decoder is checked against it; run with LOCKFW_WRITE_VECTORS=1 and review the diff");
        }

        // Every event type with typical and edge data, and every credential type and duration, in four zones.
        private static string Build()
        {
            var records = new List<(EventType Type, uint Time, uint Data)>();
            uint[] times = { Nov25At14 + 1800, 1782900000 /* 2026-07-01T10:00Z, summer */, 42 /* clock unknown */ };
            foreach (EventType type in Enum.GetValues<EventType>())
            {
                foreach (uint data in new uint[] { 0, 1, 2, 0x0204, 1795700000 })
                {
                    records.Add((type, times[records.Count % 3], data));
                }
            }

            foreach (uint time in times)
            {
                long hour = time >= 1735689600 ? (time - 1735689600) / 3600 : 0;
                for (int d = 0; d < 4; d++)
                {
                    foreach (long start in new[] { hour, hour - 1, hour + 5, hour - 9, hour + 20 })
                    {
                        foreach (EventType type in new[] { EventType.CodeAccepted, EventType.CodeRejectedNotYetValid, EventType.CodeRejectedExpired, EventType.CodeRejectedStoreFailed })
                        {
                            records.Add((type, time, OneTime(start, d, (int)(start & 15))));
                        }
                    }
                }

                for (int d = 0; d < 8; d++) records.Add((EventType.CodeAccepted, time, (2u << 24) | (7u << 16) | (uint)((((hour - 3) % 8192 * 8 + d) * 16 + 7) & 0xFFFF)));
                for (int s = 0; s < 4; s++) records.Add((EventType.CodeRejectedOutsideSchedule, time, (3u << 24) | (1u << 16) | (uint)((1048576 + ((((300L * 4 + 1) * 10 + 1) * 24 + 14) * 4 + s) * 16 + 1) & 0xFFFF)));
                records.Add((EventType.RevokeAllApplied, time, (4u << 24) | (2u << 16) | (uint)((((hour - 2) % 65536) * 16 + 2) & 0xFFFF)));
                records.Add((EventType.CodeAccepted, time, (5u << 24) | (3u << 16)));
                records.Add((EventType.CodeAccepted, time, (9u << 24)));
                records.Add((EventType.KeypadEntryRejected, time, 6u << 8));
                records.Add((EventType.AdminCommand, time, 1u << 16 | 0x12));
                records.Add(((EventType)0xEE, time, 0xDEADBEEF));
            }

            var zones = new[] { (0, 0), (60, 1), (-300, 2), (330, 0) };
            var lines = new List<string>();
            foreach (var (offset, dst) in zones)
            {
                foreach (var (type, time, data) in records)
                {
                    var r = new EventRecord { Sequence = 7, Type = type, TimeSeconds = time, Data = data };
                    lines.Add(JsonSerializer.Serialize(new
                    {
                        offset, dst, type = (byte)type, time, data,
                        localTime = EventWords.Time(time, offset, dst),
                        words = EventWords.Describe(r, offset, dst),
                    }));
                }
            }

            // One case a line, so a change of words reads as a small diff.
            string head = "{\"description\": \"Event-log records and their words from LockFirmware.Core.Storage.EventWords (C#), in four zones (offset minutes, dst rule). Written by EventWordsTests; the installer page's decoder must print the same.\",\n\"cases\": [\n";
            return head + string.Join(",\n", lines) + "\n]}\n";
        }
    }
}
