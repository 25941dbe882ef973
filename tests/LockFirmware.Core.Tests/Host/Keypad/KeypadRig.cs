using System.Collections.Generic;
using LockFirmware.Core.Access;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Core.Tests.Access;
using LockFirmware.Hal.Sim.Ble;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.Hal.Sim.Flash;
using LockFirmware.Hal.Sim.Lock;

namespace LockFirmware.Core.Tests.Host.Keypad
{
    /// <summary>A lock on simulated hardware with its link endpoint, and its radio end towards one keypad.</summary>
    internal sealed class RigLock
    {
        public readonly SimNorFlash Flash = new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount);
        public readonly SimLockHardware Hw = new SimLockHardware();
        public readonly HostCrypto Crypto = new HostCrypto();
        public readonly AccessFixture Codes = new AccessFixture();
        public readonly MemoryRadio Radio = new MemoryRadio();
        public readonly ulong Address;
        public LockCore Core;
        public LinkEndpoint Endpoint;

        public RigLock(ulong address, long now)
        {
            Address = address;
            Core = new LockCore(Flash, Hw.Ports, Crypto, Crypto, null, AccessPolicy.Default(), new LockConfig());
            Core.Boot(now);
            Assert.IsTrue(Core.Provision(Codes.Secret, now));
            Endpoint = new LinkEndpoint(Core);
        }

        /// <summary>Opens a pairing window as an installer's PairKeypad command does; returns the code.</summary>
        public string OpenPairing(long now)
        {
            byte[] code = new byte[KeypadPairing.CodeDigits];
            Assert.IsTrue(Core.Pairing.Open(now, code, 0) > 0);
            return System.Text.Encoding.ASCII.GetString(code);
        }
    }

    /// <summary>A keypad on simulated flash, and the locks it can reach, stepped in virtual time.</summary>
    internal sealed class KeypadRig
    {
        public const long T0 = AccessFixture.T0;
        public readonly HostCrypto Crypto = new HostCrypto();
        public SimNorFlash Flash = new SimNorFlash(KeypadSettings.SectorSize, KeypadSettings.SectorCount);
        public readonly List<RigLock> Locks = new List<RigLock>();
        public KeypadCore Keypad;
        public long Now = T0;

        public KeypadRig(int locks = 1)
        {
            for (int i = 0; i < locks; i++) Locks.Add(new RigLock(0xA0000000UL + (ulong)i, T0));
            Boot(false);
        }

        public RigLock Lock => Locks[0];

        public void Boot(bool resetHeld)
        {
            Keypad = new KeypadCore(Flash, Crypto, Crypto);
            Keypad.Boot(Now, resetHeld);
        }

        /// <summary>Presses and releases keys one after the other, 200 ms apart.</summary>
        public void Type(string keys)
        {
            foreach (char k in keys)
            {
                Keypad.KeyDown(k, Now);
                Now += 100;
                Keypad.KeyUp(k, Now);
                Now += 100;
            }
        }

        /// <summary>Holds '*' and '#' together for <paramref name="ms"/>.</summary>
        public void HoldStarHash(long ms)
        {
            Keypad.KeyDown('*', Now);
            Keypad.KeyDown('#', Now);
            Advance(ms);
            Keypad.KeyUp('#', Now);
            Keypad.KeyUp('*', Now);
        }

        /// <summary>One radio round with lock <paramref name="i"/>: the keypad sends, the lock answers, the keypad reads.</summary>
        public void Exchange(int i = 0)
        {
            RigLock l = Locks[i];
            Keypad.Pump(l.Radio.KeypadEnd, l.Address, Now);
            l.Endpoint.Poll(l.Radio.LockEnd, Now);
            Keypad.Pump(l.Radio.KeypadEnd, l.Address, Now);
        }

        public void Advance(long ms)
        {
            long end = Now + ms;
            while (Now < end)
            {
                long d = Keypad.Tick(Now);
                if (d > end) break;
                Now = d > Now ? d : Now + 1;
            }

            Now = end;
            Keypad.Tick(Now);
        }

        /// <summary>Pairs the keypad with lock <paramref name="i"/> the way an installer does it.</summary>
        public void Pair(int i = 0)
        {
            string code = Locks[i].OpenPairing(Now);
            HoldStarHash(KeypadCore.PairingHoldMs);
            Assert.AreEqual(KeypadMode.Pairing, Keypad.Mode);
            Type(code + "#");
            Exchange(i);
            Assert.AreEqual(KeypadVerdict.Paired, Keypad.Verdict);
        }
    }
}
