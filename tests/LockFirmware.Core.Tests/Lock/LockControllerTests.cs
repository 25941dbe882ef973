using LockFirmware.Core.Lock;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Lock;

namespace LockFirmware.Core.Tests.Lock
{
    [TestClass]
    public class LockControllerTests
    {
        [TestMethod]
        public void PowerUpWithBoltExtendedIsLockedAndStill()
        {
            var r = new LockRig(1.0);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);
            Assert.AreEqual((int)MotorDrive.Coast, (int)r.Hw.Bolt.Drive);
            Assert.AreEqual(0, r.Hw.Bolt.Starts);
        }

        [TestMethod]
        public void CredentialUnlocksThenRelocksAfterTheHoldTime()
        {
            var r = new LockRig();
            Assert.IsTrue(r.Unlock());
            Assert.AreEqual((int)LockState.Unlocking, (int)r.State);
            Assert.AreEqual((int)MotorDrive.Reverse, (int)r.Hw.Bolt.Drive);
            Assert.AreEqual((int)EventType.UnlockRequested, (int)r.Log.TypeAt(0));
            r.Run(1000);
            Assert.AreEqual((int)LockState.Unlocked, (int)r.State);
            Assert.AreEqual((int)MotorDrive.Coast, (int)r.Hw.Bolt.Drive);
            Assert.IsTrue(r.Hw.Bolt.Retracted.IsActive);
            Assert.IsTrue(r.Log.Contains(EventType.BoltRetracted));
            r.Run(r.Config.RelockHoldMs - 1500);
            Assert.AreEqual((int)LockState.Unlocked, (int)r.State);
            r.Run(2000);
            Assert.IsTrue(r.Log.Contains(EventType.AutoRelock));
            r.Run(1000);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);
            Assert.IsTrue(r.Hw.Bolt.Extended.IsActive);
            Assert.AreEqual(0, r.UnloggedRetractStarts);
        }

        [TestMethod]
        public void DoorOpenedAndClosedRelocksShortlyAfterClosing()
        {
            var r = new LockRig();
            r.Unlock();
            r.Run(1000);
            r.SetDoor(false);
            r.Run(60000);
            Assert.AreEqual((int)LockState.Unlocked, (int)r.State, "never relock while the door is open");
            Assert.AreEqual(0, r.Log.CountOf(EventType.AutoRelock));
            r.SetDoor(true);
            r.Run(r.Config.RelockAfterCloseMs + 1000);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);
            Assert.IsTrue(r.Log.Contains(EventType.DoorOpened));
            Assert.IsTrue(r.Log.Contains(EventType.DoorClosed));
        }

        [TestMethod]
        public void LockRequestWaitsForTheDoorToClose()
        {
            var r = new LockRig(0.0, doorClosed: false);
            r.Run(100);
            r.Lock();
            r.Run(5000);
            Assert.AreEqual((int)MotorDrive.Coast, (int)r.Hw.Bolt.Drive);
            Assert.IsTrue(r.Hw.Bolt.Retracted.IsActive);
            r.SetDoor(true);
            r.Run(5000);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);
        }

        [TestMethod]
        public void DoorOpeningWhileLockingPullsTheBoltBack()
        {
            var r = new LockRig();
            r.Unlock();
            r.Run(r.Config.RelockHoldMs + 1000 + 300); // relock started, bolt on its way out
            Assert.AreEqual((int)LockState.Locking, (int)r.State);
            r.SetDoor(false);
            r.Run(2000);
            Assert.IsTrue(r.Log.Contains(EventType.DoorOpenWhileLocking));
            Assert.AreEqual((int)LockState.Unlocked, (int)r.State);
            Assert.IsTrue(r.Hw.Bolt.Retracted.IsActive);
            r.SetDoor(true);
            r.Run(5000);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);
            Assert.AreEqual(0, r.Hw.Bolt.DirectReversals);
        }

        [TestMethod]
        public void JamRetriesOnceThenStopsWithAnAlarm()
        {
            var r = new LockRig();
            r.Hw.Bolt.Jammed = true;
            r.Unlock();
            r.Run(10000);
            Assert.AreEqual((int)LockState.Jammed, (int)r.State);
            Assert.AreEqual((int)MotorDrive.Coast, (int)r.Hw.Bolt.Drive);
            Assert.AreEqual(1, r.Log.CountOf(EventType.BoltRetry));
            Assert.AreEqual(1, r.Log.CountOf(EventType.BoltJammed));
            Assert.IsTrue(r.Hw.Bolt.LongestRunMs <= r.Config.MotorMaxRunMs);
            Assert.IsTrue(r.Hw.Buzzer.TimesOn >= 4, "jam alarm sounded");
            Assert.AreEqual(0, r.Hw.Bolt.DirectReversals);
            // Freed, the inside button gets it moving again.
            r.Hw.Bolt.Jammed = false;
            r.Press(200);
            r.Run(3000);
            Assert.AreEqual((int)LockState.Unlocked, (int)r.State);
        }

        [TestMethod]
        public void BothLimitSwitchesAtOnceIsAFaultWithTheMotorOff()
        {
            var r = new LockRig();
            r.Unlock();
            r.Hw.Bolt.BothSwitchesStuck = true; // both ends at once: impossible, a wiring fault
            r.Run(10);
            Assert.AreEqual((int)LockState.Jammed, (int)r.State);
            Assert.AreEqual((int)MotorDrive.Coast, (int)r.Hw.Bolt.Drive);
            Assert.IsTrue(r.Log.Contains(EventType.SwitchFault));
        }

        [TestMethod]
        public void DoorBounceShorterThanDebounceIsIgnored()
        {
            var r = new LockRig();
            for (int i = 0; i < 10; i++)
            {
                r.SetDoor(false);
                r.Run(r.Config.DebounceMs / 3);
                r.SetDoor(true);
                r.Run(r.Config.DebounceMs / 3);
            }

            r.Run(1000);
            Assert.AreEqual(0, r.Log.CountOf(EventType.DoorOpened));
        }

        [TestMethod]
        public void LongPressOpensTheSetupWindowForItsTime()
        {
            var r = new LockRig();
            r.Press(r.Config.LongPressMs + 100);
            Assert.IsTrue(r.Controller.SetupWindowOpen);
            Assert.IsTrue(r.Log.Contains(EventType.SetupWindowOpened));
            Assert.AreEqual((int)LockState.Locked, (int)r.State, "a long press does not toggle");
            r.Run(r.Config.SetupWindowMs);
            Assert.IsFalse(r.Controller.SetupWindowOpen);
            Assert.IsTrue(r.Log.Contains(EventType.SetupWindowClosed));
        }

        [TestMethod]
        public void ShortPressToggles()
        {
            var r = new LockRig();
            r.Press(200);
            r.Run(2000);
            Assert.AreEqual((int)LockState.Unlocked, (int)r.State);
            r.Press(200);
            r.Run(2000);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);
        }

        [TestMethod]
        public void UnknownBoltPositionLocksAtPowerUpWhenTheDoorIsClosed()
        {
            var r = new LockRig(0.5);
            Assert.IsTrue(r.Log.Contains(EventType.BoltPositionUnknown));
            r.Run(2000);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);

            var open = new LockRig(0.5, doorClosed: false);
            open.Run(5000);
            Assert.AreEqual((int)MotorDrive.Coast, (int)open.Hw.Bolt.Drive);
            double position = open.Hw.Bolt.Position;
            Assert.IsTrue(position > 0.5 - 1e-9 && position < 0.5 + 1e-9, "the bolt stays where the hand left it: " + position.ToString());
            open.SetDoor(true);
            open.Run(5000);
            Assert.AreEqual((int)LockState.Locked, (int)open.State);
        }

        [TestMethod]
        public void PowerUpRetractedRelocksAfterTheHoldTime()
        {
            var r = new LockRig(0.0);
            Assert.AreEqual((int)LockState.Unlocked, (int)r.State);
            r.Run(r.Config.RelockHoldMs + 2000);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);
        }

        [TestMethod]
        public void ClockSetBackwardsIsLoggedAndTimersKeepTheirLength()
        {
            var r = new LockRig();
            r.Unlock();
            r.Run(1000);
            r.SetClock(r.Now - 3_600_000);
            Assert.IsTrue(r.Log.Contains(EventType.ClockWentBackwards));
            r.Run(r.Config.RelockHoldMs);
            r.Run(1500);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);
        }

        [TestMethod]
        public void NoDurableRecordMeansNoUnlock()
        {
            var r = new LockRig();
            r.Log.Fail = true;
            Assert.IsFalse(r.Unlock());
            Assert.AreEqual((int)Feedback.Rejected, (int)r.Controller.Playing);
            r.Run(3000);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);
            Assert.AreEqual(0, r.Hw.Bolt.Starts);
        }

        [TestMethod]
        public void BrokenFlashNeverHoldsTheDoorOpen()
        {
            var r = new LockRig();
            r.Unlock();
            r.Run(1000);
            r.Log.Fail = true;
            r.Run(r.Config.RelockHoldMs + 2000);
            Assert.AreEqual((int)LockState.Locked, (int)r.State);
        }

        [TestMethod]
        public void FeedbackPatternsPlayAndStop()
        {
            var r = new LockRig();
            r.Deadline = r.Controller.Signal(Feedback.Rejected, r.Now);
            Assert.IsTrue(r.Hw.Buzzer.On);
            r.Run(2000);
            Assert.IsFalse(r.Hw.Buzzer.On);
            Assert.IsFalse(r.Hw.Led.On);
            Assert.AreEqual(3, r.Hw.Buzzer.TimesOn);
            Assert.AreEqual((int)Feedback.None, (int)r.Controller.Playing);
        }
    }
}
