using System;
using System.IO;
using System.Text.Json;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Flash;

namespace LockFirmware.LockCtl.Tests
{
    [TestClass]
    public class LogCommandTests
    {
        private const long T = 1795615200000L;

        private static string Image(Action<SimNorFlash> damage = null)
        {
            var flash = new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount);
            var log = new EventLog(FlashLayout.Log(flash));
            log.Mount();
            log.Append(EventType.Boot, 5000, 0);
            log.Append(EventType.CodeAccepted, T, 0x01034193); // one-time, index 3, 2 h from 14:00 (hour 16646)
            log.Append(EventType.DoorOpened, T + 60_000, 0);
            log.Append((EventType)0xEE, T + 61_000, 9);
            damage?.Invoke(flash);
            string path = Path.Combine(Path.GetTempPath(), "lock-" + Guid.NewGuid().ToString("N") + ".flash");
            flash.Save(path);
            return path;
        }

        [TestMethod]
        public void CsvListsEventsWithNamesAndTimes()
        {
            var r = CliRunner.Run("log", "decode", Image());
            Assert.AreEqual(0, r.Code, r.Err);
            string[] lines = r.Out.Trim().Split('\n');
            Assert.AreEqual("sequence,time,type,data,local time,event", lines[0].Trim());
            Assert.AreEqual("1,clock-unknown+5s,Boot,0x00000000,clock unknown (+5 s),\"lock started\"", lines[1].Trim());
            Assert.AreEqual("2,2026-11-25T14:00:00Z,CodeAccepted,0x01034193,2026-11-25 14:00:00,\"one-time code #3 for 14:00-16:00 accepted\"", lines[2].Trim());
            StringAssert.Contains(lines[4], "Unknown(0xEE)");
            StringAssert.Contains(r.Err, "4 events, 0 damaged");
        }

        [TestMethod]
        public void JsonReportsDamagedRecords()
        {
            // Flip a bit inside the second record of the log partition.
            int second = FlashLayout.LogFirstSector * FlashLayout.SectorSize + EventLog.HeaderSize + EventLog.RecordSize + 4;
            var r = CliRunner.Run("log", "decode", Image(f => f.Corrupt(second, 0x10)), "--format", "json");
            Assert.AreEqual(0, r.Code, r.Err);
            using var doc = JsonDocument.Parse(r.Out);
            Assert.AreEqual(3, doc.RootElement.GetProperty("events").GetArrayLength());
            Assert.AreEqual(1, doc.RootElement.GetProperty("skipped").GetInt32());
        }

        [TestMethod]
        public void GarbageImageDecodesWithoutCrashing()
        {
            var rnd = new Random(5);
            var raw = new byte[FlashLayout.RegionSize];
            rnd.NextBytes(raw);
            string path = Path.Combine(Path.GetTempPath(), "garbage-" + Guid.NewGuid().ToString("N") + ".bin");
            File.WriteAllBytes(path, raw);
            var r = CliRunner.Run("log", "decode", path);
            Assert.AreEqual(0, r.Code, r.Err);
            StringAssert.Contains(r.Err, "damaged sector headers");
        }

        [TestMethod]
        public void BadImagesGiveOneLineErrors()
        {
            string truncated = Image();
            byte[] bytes = File.ReadAllBytes(truncated);
            File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
            string tiny = Path.Combine(Path.GetTempPath(), "tiny-" + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(tiny, new byte[] { 1, 2 });
            foreach (string[] args in new[]
            {
                new[] { "log", "decode", "/nonexistent.flash" },
                new[] { "log", "decode", truncated },
                new[] { "log", "decode", tiny },
                new[] { "log", "decode", Image(), "--format", "xml" },
            })
            {
                var r = CliRunner.Run(args);
                Assert.AreEqual(2, r.Code, string.Join(" ", args) + ": " + r.Err);
                StringAssert.StartsWith(r.Err, "lockctl: ");
            }
        }
    }
}
