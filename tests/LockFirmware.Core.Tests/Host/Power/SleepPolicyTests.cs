using System;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Power;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Lock;
using LockFirmware.Hal.Power;
using LockFirmware.Hal.Sim.Clock;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.Hal.Sim.Flash;
using LockFirmware.Hal.Sim.Lock;

namespace LockFirmware.Core.Tests.Host.Power
{
    /// <summary>
    /// The sleep policy over a real LockCore on simulated hardware, stepped the way the device loop steps it:
    /// Tick, Decide, then sleep or wait for what the plan says.
    /// </summary>
    [TestClass]
    public class SleepPolicyTests
    {
        private sealed class Rig
        {
            public readonly SimLockHardware Hw = new SimLockHardware(800, 1.0);
            public readonly SimNorFlash Flash = new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount);
            public readonly HostCrypto Crypto = new HostCrypto();
            public readonly SimClock Clock = new SimClock(1795615200000L);
            public readonly SleepPolicy Policy;
            public LockCore Core;
            public long Deadline;
            public bool Connected;

            public Rig(PowerOptions options)
            {
                Policy = new SleepPolicy(options);
                Boot(WakeSource.PowerOn);
            }

            public long Now => Clock.NowMs;

            public void Boot(WakeSource woke)
            {
                Core = new LockCore(Flash, Hw.Ports, Crypto, Crypto, Clock, AccessPolicy.Default(), new LockConfig());
                Deadline = Core.Boot(Now, woke);
                Policy.OnWake(woke, Now);
            }

            public PowerPlan Plan()
            {
                return Policy.Decide(Core, Connected, Now, Deadline);
            }

            /// <summary>One loop step: follow the plan for its time (at most <paramref name="limit"/>), as the device would; returns the plan followed.</summary>
            public PowerPlan Step(long limit = long.MaxValue)
            {
                PowerPlan plan = Plan();
                long ms = Math.Max(1, Math.Min(plan.ForMs, limit));
                long now = Now;
                Deadline = VirtualTime.Run(Hw.Bolt, ref now, Now + ms, Deadline, t => { Clock.NowMs = t; return Core.Tick(t); }, t => Core.OnInputChanged(t));
                Clock.NowMs = now;
                return plan;
            }

            /// <summary>The inside button's unlock, followed until the bolt is in.</summary>
            public void UnlockAndWait()
            {
                Core.Controller.RequestUnlock(UnlockReason.InsideButton, Now);
                Deadline = Core.Tick(Now);
                while (Core.Controller.State != LockState.Unlocked) Step(20);
            }

            public void CloseRadioWindow()
            {
                for (int i = 0; i < 100 && Plan().Radio; i++) Step();
            }
        }

        private static PowerOptions Battery()
        {
            return PowerOptions.Battery(2500);
        }

        [TestMethod]
        public void NeverSleepsWithTheMotorRunning()
        {
            var rig = new Rig(Battery());
            rig.CloseRadioWindow();
            rig.Core.Controller.RequestUnlock(UnlockReason.InsideButton, rig.Now);
            rig.Deadline = rig.Core.Tick(rig.Now);
            int motorSteps = 0;
            for (int i = 0; i < 2000 && rig.Core.Controller.State != LockState.Locked || motorSteps == 0; i++)
            {
                bool running = rig.Core.Controller.Motor != MotorDrive.Coast;
                PowerPlan plan = rig.Step(20);
                if (running)
                {
                    motorSteps++;
                    Assert.AreEqual(PowerMode.Awake, plan.Mode, "slept with the motor at " + rig.Core.Controller.Motor);
                    Assert.AreEqual(PowerState.MotorRunning, plan.State);
                }
            }

            Assert.IsTrue(motorSteps > 40, "the bolt ran out and back: " + motorSteps + " steps of 20 ms");
            Assert.AreEqual(LockState.Locked, rig.Core.Controller.State);
        }

        [TestMethod]
        public void NeverSleepsWithABlePeerConnected()
        {
            var rig = new Rig(Battery());
            rig.CloseRadioWindow();
            rig.Connected = true;
            for (int i = 0; i < 50; i++)
            {
                PowerPlan plan = rig.Step(60000);
                Assert.AreEqual(PowerMode.Awake, plan.Mode);
                Assert.AreEqual(PowerState.Connected, plan.State);
                Assert.IsTrue(plan.Radio);
            }

            rig.Connected = false;
            Assert.AreNotEqual(PowerMode.Awake, rig.Plan().Mode, "asleep again once the peer left");
        }

        [TestMethod]
        public void NeverSleepsWithAnAdminSessionOpen()
        {
            var rig = new Protocol.AdminRig();
            rig.OpenSetupWindow();
            var session = rig.Connect(LockFirmware.Core.Protocol.AdminRole.Setup, rig.Core.SetupKey);
            Assert.IsTrue(session.Open);
            rig.Core.Controller.CloseSetupWindow(rig.Now);
            var policy = new SleepPolicy(Battery());
            policy.OnWake(WakeSource.Timer, rig.Now);
            rig.Advance(1000);
            PowerPlan plan = policy.Decide(rig.Core, false, rig.Now, rig.Core.Tick(rig.Now));
            Assert.AreEqual(PowerMode.Awake, plan.Mode, "a session is open even if the link reads disconnected");
            Assert.AreEqual(PowerState.Connected, plan.State);
            Assert.IsTrue(plan.Radio);

            rig.Advance(LockFirmware.Core.Protocol.AdminSession.IdleTimeoutMs + 1000);
            Assert.IsFalse(rig.Core.Admin.IsOpen);
            Assert.AreNotEqual(PowerMode.Awake, policy.Decide(rig.Core, false, rig.Now, rig.Core.Tick(rig.Now)).Mode, "the idle session ended: asleep");
        }

        [TestMethod]
        public void WakesForTheRelockAndNeverDeepSleepsWhileUnlocked()
        {
            var rig = new Rig(Battery());
            rig.CloseRadioWindow();
            rig.UnlockAndWait();
            long unlockedAt = rig.Now;
            while (rig.Core.Controller.Playing != Feedback.None) rig.Step(20);

            PowerPlan plan = rig.Plan();
            Assert.AreEqual(PowerMode.LightSleep, plan.Mode, "unlocked and waiting: light sleep, RAM kept for the relock");
            Assert.AreEqual(rig.Deadline - rig.Now, plan.ForMs, "the timer wake is the relock deadline");
            Assert.IsTrue(plan.DoorWakeWhenOpened, "door closed: opening it wakes the lock");
            int sleeps = 0;
            while (rig.Core.Controller.State == LockState.Unlocked)
            {
                plan = rig.Step();
                Assert.AreNotEqual(PowerMode.DeepSleep, plan.Mode);
                sleeps++;
            }

            Assert.AreEqual(1, sleeps, "one light sleep straight to the relock");
            Assert.AreEqual(new LockConfig().RelockHoldMs, rig.Now - unlockedAt, 20.0, "relocked on time (one 20 ms step of slack)");
        }

        [TestMethod]
        public void DoorOpenLightSleepsUntilTheDoorClosesThenRelocks()
        {
            var rig = new Rig(Battery());
            rig.CloseRadioWindow();
            rig.UnlockAndWait();
            rig.Hw.DoorClosed.IsActive = false;
            rig.Deadline = rig.Core.OnInputChanged(rig.Now);
            for (int i = 0; i < 20; i++) rig.Step(100);
            PowerPlan plan = rig.Plan();
            Assert.AreEqual(PowerMode.LightSleep, plan.Mode);
            Assert.IsFalse(plan.DoorWakeWhenOpened, "door open: closing it wakes the lock");
            Assert.AreEqual(SleepPolicy.HousekeepingMs, plan.ForMs, 60000.0, "nothing but housekeeping until the door closes");
            rig.Hw.DoorClosed.IsActive = true;
            rig.Deadline = rig.Core.OnInputChanged(rig.Now);
            for (int i = 0; i < 400 && rig.Core.Controller.State != LockState.Locked; i++) rig.Step(20);
            Assert.AreEqual(LockState.Locked, rig.Core.Controller.State);
        }

        [TestMethod]
        public void DeepSleepsAtRestWithATimerForHousekeeping()
        {
            var rig = new Rig(Battery());
            rig.CloseRadioWindow();
            PowerPlan plan = rig.Plan();
            Assert.AreEqual(LockState.Locked, rig.Core.Controller.State);
            Assert.AreEqual(PowerMode.DeepSleep, plan.Mode);
            Assert.IsFalse(plan.Radio);
            Assert.IsTrue(plan.ForMs > 0 && plan.ForMs <= SleepPolicy.HousekeepingMs, "a timer wake for housekeeping: " + plan.ForMs);
        }

        [TestMethod]
        public void OutsideWakeOpensARadioWindowCoveringTheKeypadsRetriesAndAMessageShortensIt()
        {
            var rig = new Rig(Battery());
            rig.CloseRadioWindow();
            rig.Boot(WakeSource.Outside);
            PowerPlan plan = rig.Plan();
            Assert.IsTrue(plan.Radio);
            Assert.AreEqual(PowerState.Advertising, plan.State);
            Assert.AreEqual(SleepPolicy.RadioWindowMs, plan.ForMs);
            Assert.IsTrue(SleepPolicy.RadioWindowMs >= SleepPolicy.KeypadRetryWindowMs, "advertising at least as long as a keypad retries");
            rig.Step(1000);
            rig.Policy.OnRadioMessage(rig.Now);
            Assert.AreEqual(SleepPolicy.RadioTailMs, rig.Plan().ForMs);
            rig.Step();
            Assert.IsFalse(rig.Plan().Radio, "radio off after the tail");
        }

        [TestMethod]
        public void InsideButtonAndTimerWakesKeepTheRadioOff()
        {
            var rig = new Rig(Battery());
            rig.CloseRadioWindow();
            rig.Boot(WakeSource.Timer);
            Assert.IsFalse(rig.Plan().Radio);
            rig.Policy.OnWake(WakeSource.InsideButton, rig.Now);
            Assert.IsFalse(rig.Plan().Radio);
        }

        [TestMethod]
        public void SetupWindowKeepsTheRadioOn()
        {
            var rig = new Rig(Battery());
            rig.CloseRadioWindow();
            rig.Hw.Button.IsActive = true;
            rig.Deadline = rig.Core.OnInputChanged(rig.Now);
            for (int i = 0; i < 60 && !rig.Core.Controller.SetupWindowOpen; i++) rig.Step(100);
            Assert.IsTrue(rig.Core.Controller.SetupWindowOpen);
            Assert.IsTrue(rig.Plan().Radio);
            Assert.AreEqual(PowerMode.Awake, rig.Plan().Mode);
        }

        [TestMethod]
        public void MainsPoweredNeverSleepsAndAlwaysAdvertises()
        {
            var rig = new Rig(new PowerOptions { AlwaysAwake = true });
            for (int i = 0; i < 20; i++)
            {
                PowerPlan plan = rig.Step(LockTime.MsPerHour);
                Assert.AreEqual(PowerMode.Awake, plan.Mode);
                Assert.IsTrue(plan.Radio);
            }
        }

        [TestMethod]
        public void CustomFirmwareStaysConnectableAndNeverDeepSleeps()
        {
            var rig = new Rig(new PowerOptions { RadioWhileSleeping = true, WakeToReadyMs = 2500 });
            for (int i = 0; i < 20; i++)
            {
                PowerPlan plan = rig.Step(LockTime.MsPerHour);
                Assert.AreEqual(PowerMode.Awake, plan.Mode, "the firmware sleeps by itself between BLE events");
                Assert.AreEqual(PowerState.LightSleepRadio, plan.State);
                Assert.IsTrue(plan.Radio);
            }
        }

        [TestMethod]
        public void ADeepSleepWakeWritesNoBootRecordAndTheWakingButtonPressUnlocks()
        {
            var rig = new Rig(Battery());
            uint before = rig.Core.Log.NextSequence;
            // The button was pressed and released while the CLR booted: the controller sees it up, the wake cause says pressed.
            rig.Boot(WakeSource.InsideButton);
            Assert.AreEqual(LockState.Unlocking, rig.Core.Controller.State);
            var record = new EventRecord();
            EventLogCursor cursor = rig.Core.Log.ReadFrom(before);
            string types = "";
            while (cursor.Next(record)) types += record.Type + " ";
            Assert.IsFalse(types.Contains("Boot "), "no Boot record for a deep-sleep wake: " + types);
            StringAssert.Contains(types, "InsideButton");
            StringAssert.Contains(types, "UnlockRequested");
        }

        [TestMethod]
        public void AButtonHeldThroughTheWakeStillOpensTheSetupWindow()
        {
            var rig = new Rig(Battery());
            rig.Hw.Button.IsActive = true;
            rig.Boot(WakeSource.InsideButton);
            for (int i = 0; i < 60 && !rig.Core.Controller.SetupWindowOpen; i++) rig.Step(100);
            Assert.IsTrue(rig.Core.Controller.SetupWindowOpen);
        }

        [TestMethod]
        public void APowerOnBootStillIgnoresAHeldButtonAndWritesItsBootRecord()
        {
            var rig = new Rig(Battery());
            uint before = rig.Core.Log.NextSequence;
            rig.Hw.Button.IsActive = true;
            rig.Boot(WakeSource.PowerOn);
            for (int i = 0; i < 60; i++) rig.Step(100);
            Assert.IsFalse(rig.Core.Controller.SetupWindowOpen);
            var record = new EventRecord();
            EventLogCursor cursor = rig.Core.Log.ReadFrom(before);
            Assert.IsTrue(cursor.Next(record));
            Assert.AreEqual(EventType.Boot, record.Type);
        }

        [TestMethod]
        public void KeypadRetryWindowCoversEveryBoardsWakeAndBoot()
        {
            string[] files = Directory.GetFiles(RepoFiles.InRepo("boards"), "power.json", SearchOption.AllDirectories);
            Assert.IsTrue(files.Length >= 2, "boards with power data: " + files.Length);
            foreach (string file in files)
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
                int wakeToReady = doc.RootElement.GetProperty("wakeToReadyMs").GetInt32();
                Assert.IsTrue(SleepPolicy.KeypadRetryWindowMs >= wakeToReady + SleepPolicy.KeypadConnectMs,
                    $"{file}: a keypad retrying {SleepPolicy.KeypadRetryWindowMs} ms misses a lock that needs {wakeToReady} ms to wake and boot plus {SleepPolicy.KeypadConnectMs} ms to be found");

                // The device build reads the same figure from Board.cs.
                string board = File.ReadAllText(Path.Combine(Path.GetDirectoryName(file), "Board.cs"));
                Match m = Regex.Match(board, @"WakeToReadyMs\s*=\s*(\d+)");
                Assert.IsTrue(m.Success, file + ": Board.cs has no WakeToReadyMs");
                Assert.AreEqual(wakeToReady, int.Parse(m.Groups[1].Value), file + ": Board.cs and power.json disagree");
            }
        }
    }
}
