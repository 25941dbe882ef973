using System;
using System.IO;
using System.Text.Json.Nodes;
using LockFirmware.Core.Power;
using LockFirmware.LockSim.Power;

namespace LockFirmware.LockSim.Tests
{
    [TestClass]
    public class PowerTests
    {
        private static string Repo(string relative)
        {
            string path = BoardPower.RepoFile(relative);
            Assert.IsNotNull(path, relative + " not found above " + AppContext.BaseDirectory);
            return path;
        }

        /// <summary>The devkitc table with round figures: every state 1 mA except the ones given, quiescent 0.5 mA, 1000 mAh.</summary>
        private static BoardPower RoundBoard(double deepMa, double advertisingMa)
        {
            JsonNode json = JsonNode.Parse(File.ReadAllText(Repo("boards/esp32-devkitc/power.json")));
            foreach (var row in json["currentMa"].AsObject()) row.Value["ma"] = 1.0;
            json["currentMa"]["DeepSleep"]["ma"] = deepMa;
            json["currentMa"]["Advertising"]["ma"] = advertisingMa;
            json["quiescent"]["ma"] = 0.5;
            json["battery"]["usableMah"] = 1000;
            return FromTempFile(json.ToJsonString(), BoardPower.Load);
        }

        /// <summary>Loads <paramref name="content"/> through a temporary file, deleted afterwards.</summary>
        private static T FromTempFile<T>(string content, Func<string, T> load)
        {
            string path = Path.Combine(Path.GetTempPath(), "locksim-power-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, content);
            try
            {
                return load(path);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        public void MeterIntegratesTheTableOverTime()
        {
            var meter = new EnergyMeter(RoundBoard(0.5, 99.5));
            meter.Add(PowerState.Advertising, 3_600_000);      // 1 h at 99.5 + 0.5 = 100 mA: 100 mAh
            meter.Add(PowerState.DeepSleep, 23 * 3_600_000L);  // 23 h at 0.5 + 0.5 = 1 mA: 23 mAh
            Assert.AreEqual(123.0, meter.Mah, 1e-9);
            Assert.AreEqual(100.0, meter.MahIn(PowerState.Advertising), 1e-9);
            Assert.AreEqual(123.0 / 24, meter.AverageMa, 1e-9);
            Assert.AreEqual(123.0, meter.MahPerDay, 1e-9);
            Assert.AreEqual(1000.0 / 123, meter.BatteryDays, 1e-9);
            Assert.AreEqual(1.0, meter.Days, 1e-12);
            Assert.AreEqual(23 * 3_600_000L, meter.TimeIn(PowerState.DeepSleep));
        }

        [TestMethod]
        public void MeterRefusesTimeGoingBackwardsAndStartsEmpty()
        {
            var meter = new EnergyMeter(RoundBoard(1, 1));
            Assert.AreEqual(0.0, meter.AverageMa);
            Assert.IsTrue(double.IsPositiveInfinity(meter.BatteryDays));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => meter.Add(PowerState.LightSleep, -1));
        }

        [TestMethod]
        public void BoardTableMissingAStateIsABadFile()
        {
            JsonNode json = JsonNode.Parse(File.ReadAllText(Repo("boards/esp32-s3-devkitc/power.json")));
            json["currentMa"].AsObject().Remove("Booting");
            var e = Assert.ThrowsExactly<InvalidDataException>(() => FromTempFile(json.ToJsonString(), BoardPower.Load));
            StringAssert.Contains(e.Message, "Booting");
        }

        [TestMethod]
        public void EveryBoardCurrentHasASource()
        {
            foreach (string board in new[] { "esp32-devkitc", "esp32-s3-devkitc" })
            {
                BoardPower power = BoardPower.Find(Repo("boards/" + board + "/power.json"));
                for (int s = 0; s < BoardPower.StateCount; s++)
                {
                    string source = power.Source((PowerState)s);
                    Assert.IsTrue(source.Contains("http") || source.Contains("assumption") || source.Contains("the AwakeRadioOff figure"), board + " " + (PowerState)s + ": " + source);
                }
            }
        }

        [TestMethod]
        public void TodaysFirmwareDrainsTheBatteryInADayAndTheSleepPolicyLastsAYear()
        {
            BoardPower board = BoardPower.Find(Repo("boards/esp32-devkitc/power.json"));
            TrafficProfile profile = ShortProfile();
            var today = new PowerRun(board, FirmwareOption.Today);
            today.Run(profile);
            var stock = new PowerRun(board, FirmwareOption.Stock);
            stock.Run(profile);

            Assert.IsTrue(today.Meter.AverageMa > 100, "advertising all day: " + today.Meter.AverageMa);
            Assert.IsTrue(today.Meter.BatteryDays < 2);
            Assert.IsTrue(stock.Meter.BatteryDays >= 365, "stock firmware with the sleep policy: " + stock.Meter.BatteryDays + " days");
            Assert.AreEqual(stock.Entries, stock.Accepted, "every courier code opened the door");
            Assert.AreEqual(0, stock.KeypadGaveUp);
            Assert.IsTrue(stock.DeepSleepWakes >= 13 * profile.Days, "each use woke the lock from deep sleep: " + stock.DeepSleepWakes);
            Assert.AreEqual(2 * 13 * profile.Days, CountMotorRuns(stock), "each of the 13 uses a day unlocked and relocked, the inside button ones from deep sleep too");
        }

        private static int CountMotorRuns(PowerRun run)
        {
            // Every use unlocks and relocks: two bolt arrivals logged.
            var record = new LockFirmware.Core.Storage.EventRecord();
            var cursor = run.Lock.Core.Log.ReadFrom(0);
            int arrivals = 0;
            while (cursor.Next(record))
            {
                if (record.Type == LockFirmware.Core.Storage.EventType.BoltExtended || record.Type == LockFirmware.Core.Storage.EventType.BoltRetracted) arrivals++;
            }

            return arrivals;
        }

        private static TrafficProfile ShortProfile()
        {
            return FromTempFile("{\"name\":\"two days\",\"days\":2,\"deliveriesPerDay\":3,\"householdUsesPerDay\":10,\"householdFromOutside\":0.5,\"installerSessionsPerDay\":0,\"doorOpenSeconds\":20,\"installerSessionMinutes\":5}", TrafficProfile.Load);
        }

        [TestMethod]
        public void PowerCommandPrintsEachFirmwaresFigures()
        {
            var output = new StringWriter();
            int code = PowerCommand.Run(new[] { "power", "--board", "esp32-devkitc", "--profile", Repo("tools/LockSim/profiles/deliveries-3-household-10.json"), "--firmware", "stock", "--states" }, output);
            string text = output.ToString();
            Assert.AreEqual(0, code, text);
            StringAssert.Contains(text, "board esp32-devkitc");
            StringAssert.Contains(text, "30 days simulated");
            string line = Array.Find(text.Split('\n'), l => l.StartsWith("stock "));
            Assert.IsNotNull(line, text);
            string[] cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            double avg = double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture);
            double perDay = double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture);
            double days = double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture);
            Assert.AreEqual(avg * 24, perDay, 0.01, "mAh/day is 24 h of the average");
            Assert.AreEqual(2500 / perDay, days, 1.0, "days are the battery over mAh/day");
            StringAssert.Contains(text, "DeepSleep");
            StringAssert.Contains(text, "sleep clock:");
            Assert.IsFalse(text.Contains("today "), "only the firmware asked for");
        }

        [TestMethod]
        public void PowerCommandRefusesBadArguments()
        {
            var error = new StringWriter();
            var old = Console.Error;
            Console.SetError(error);
            try
            {
                Assert.AreEqual(2, Program.Main(new[] { "power", "--board", "esp32-devkitc" }));
                Assert.AreEqual(2, Program.Main(new[] { "power", "--board", "esp32-devkitc", "--profile", "deliveries-3-household-10", "--firmware", "turbo" }));
                Assert.AreEqual(2, Program.Main(new[] { "power", "--board", "no-such-board", "--profile", "deliveries-3-household-10" }));
            }
            finally
            {
                Console.SetError(old);
            }

            StringAssert.Contains(error.ToString(), "needs --board and --profile");
            StringAssert.Contains(error.ToString(), "'turbo'");
            StringAssert.Contains(error.ToString(), "no-such-board");
        }
    }
}
