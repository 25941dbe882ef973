using System;
using System.IO;
using LockFirmware.Core;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Power;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Clock;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.Hal.Sim.Flash;
using LockFirmware.Hal.Power;
using LockFirmware.Hal.Sim.Lock;

namespace LockFirmware.LockSim
{
    /// <summary>
    /// A lock on the desk: <see cref="LockCore"/> composed with simulated flash, bolt, door, button, LED and
    /// buzzer, exactly as the device app composes it with the ESP32 adapters. Time is virtual: it moves only in
    /// <see cref="Advance"/>, event by event (Core's deadlines, the bolt reaching a switch), so a year of lock
    /// life runs in moments and nothing depends on the host's speed.
    /// </summary>
    public sealed class SimLock
    {
        private readonly BatteryMonitor _battery = new BatteryMonitor();
        private long _deadline = LockTime.Never;

        private SimLock(SimNorFlash flash, string flashPath, long nowMs)
        {
            Flash = flash;
            FlashPath = flashPath;
            Clock = new SimClock(nowMs);
            Hardware = new SimLockHardware(800, 1.0);
            Boot();
        }

        public SimNorFlash Flash { get; }
        public string FlashPath { get; }
        public SimLockHardware Hardware { get; }
        public HostCrypto Crypto { get; } = new HostCrypto();
        public LockCore Core { get; private set; }
        public SimClock Clock { get; }

        /// <summary>The lock's clock (virtual).</summary>
        public long Now => Clock.NowMs;

        /// <summary>A fresh lock with blank flash (saved to <paramref name="flashPath"/> if given).</summary>
        public static SimLock Fresh(long nowMs, string flashPath = null)
        {
            return new SimLock(new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount), flashPath, nowMs);
        }

        /// <summary>The lock whose flash is in <paramref name="flashPath"/> (created blank when the file does not exist).</summary>
        public static SimLock Open(string flashPath, long nowMs)
        {
            if (!File.Exists(flashPath))
            {
                return Fresh(nowMs, flashPath);
            }

            SimNorFlash flash = SimNorFlash.Load(flashPath);
            if (flash.SectorSize != FlashLayout.SectorSize || flash.SectorCount != FlashLayout.SectorCount)
            {
                throw new InvalidDataException($"'{flashPath}' has geometry {flash.SectorSize} x {flash.SectorCount}, not a lock's {FlashLayout.SectorSize} x {FlashLayout.SectorCount}");
            }

            return new SimLock(flash, flashPath, nowMs);
        }

        public LockState State => Core.Controller.State;

        /// <summary>The verdict on the last keypad entry, "-" before the first.</summary>
        public string LastVerdict { get; private set; } = "-";

        /// <summary>Provisions a secret (random when null). Returns it.</summary>
        public byte[] Provision(byte[] secret = null)
        {
            if (secret == null)
            {
                secret = new byte[CodeKeys.SecretLength];
                Crypto.Fill(secret, 0, secret.Length);
            }

            if (!Core.Provision(secret, Now))
            {
                throw new InvalidOperationException("provisioning failed: the secret could not be stored");
            }

            Save();
            return secret;
        }

        public AccessResult Type(string digits)
        {
            byte[] ascii = new byte[digits.Length];
            for (int i = 0; i < digits.Length; i++)
            {
                ascii[i] = (byte)digits[i];
            }

            _deadline = Core.EnterCode(ascii, 0, ascii.Length, Now);
            Save();
            LastVerdict = Core.LastResult.ToString();
            return Core.LastResult;
        }

        public void SetDoor(bool closed)
        {
            Hardware.DoorClosed.IsActive = closed;
            _deadline = Core.OnInputChanged(Now);
        }

        public void SetButton(bool pressed)
        {
            Hardware.Button.IsActive = pressed;
            _deadline = Core.OnInputChanged(Now);
        }

        public void SetJam(bool jammed)
        {
            Hardware.Bolt.Jammed = jammed;
        }

        public void ClearLockout()
        {
            _deadline = Core.ClearLockout(Now);
            Save();
        }

        /// <summary>Sets the lock's clock (as an installer's time set would), forwards or backwards.</summary>
        public void SetClock(long nowMs)
        {
            Clock.SetUtc(nowMs);
            _deadline = Core.Tick(Now);
        }

        /// <summary>Pulls the battery and puts it back: the motor stops, RAM is lost, flash is kept.</summary>
        public void PowerCut()
        {
            Hardware.Bolt.PowerCut();
            Hardware.Led.Set(false);
            Hardware.Buzzer.Set(false);
            Save();
            Boot();
        }

        /// <summary>Lets <paramref name="ms"/> of virtual time pass.</summary>
        public void Advance(long ms)
        {
            long now = Now;
            _deadline = VirtualTime.Run(Hardware.Bolt, ref now, Now + ms, _deadline, t => { Clock.NowMs = t; return Core.Tick(t); }, Core.OnInputChanged);
            Clock.NowMs = now;
            Save();
        }

        public void Save()
        {
            if (FlashPath != null)
            {
                Flash.Save(FlashPath);
            }
        }

        /// <summary>A reading of the battery pack (mV), as a board with a battery divider would take at housekeeping.</summary>
        public void SetBattery(int millivolts)
        {
            _battery.Reading(Core.Controller, millivolts, Now);
            _deadline = Core.Tick(Now);
        }

        /// <summary>Core's next deadline (LockTime.Never when idle): when the device loop would call it again.</summary>
        public long Deadline => _deadline;

        /// <summary>A wake from deep sleep: RAM is lost and the CLR boots again, told why; bolt, switches and flash are as they were.</summary>
        public void WakeFromDeepSleep(WakeSource woke)
        {
            Boot(woke);
        }

        private void Boot(WakeSource woke = WakeSource.PowerOn)
        {
            Core = new LockCore(Flash, Hardware.Ports, Crypto, Crypto, Clock, AccessPolicy.Default(), new LockConfig());
            _deadline = Core.Boot(Now, woke);
        }
    }
}
