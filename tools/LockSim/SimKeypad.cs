using System.Text;
using LockFirmware.Core;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Protocol;
using LockFirmware.Hal.Sim.Ble;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.Hal.Sim.Flash;

namespace LockFirmware.LockSim
{
    /// <summary>
    /// The keypad at the simulated door: <see cref="KeypadCore"/> (the keypad firmware's logic) on its own simulated
    /// flash, talking to the lock over an in-memory radio through the lock's <see cref="LinkEndpoint"/>, with the
    /// same sealed frames, fragments and verdicts as the ESP32 keypad over BLE. Shares the lock's virtual clock.
    /// </summary>
    public sealed class SimKeypad
    {
        public const ulong LockAddress = 0x24_0A_C4_00_00_01UL; // the simulated lock's radio address
        private const long KeyPressMs = 120;
        private readonly SimLock _sim;
        private readonly HostCrypto _crypto = new HostCrypto();
        private LinkEndpoint _endpoint;
        private LockCore _endpointCore;

        public SimKeypad(SimLock sim)
        {
            _sim = sim;
            Core = new KeypadCore(Flash, _crypto, _crypto);
            Core.Boot(sim.Now, false);
        }

        public SimNorFlash Flash { get; } = new SimNorFlash(KeypadSettings.SectorSize, KeypadSettings.SectorCount);
        public KeypadCore Core { get; private set; }
        public MemoryRadio Radio { get; } = new MemoryRadio();

        /// <summary>Presses and releases each key in turn ('0'-'9', '*', '#'), a short press each.</summary>
        public void Press(string keys)
        {
            foreach (char k in keys)
            {
                Core.KeyDown(k, _sim.Now);
                Step();
                _sim.Advance(KeyPressMs);
                Core.KeyUp(k, _sim.Now);
                Step();
                _sim.Advance(KeyPressMs);
            }
        }

        /// <summary>Holds '*' and '#' together for <paramref name="ms"/> (pairing mode after 3 s).</summary>
        public void HoldStarHash(long ms)
        {
            Core.KeyDown('*', _sim.Now);
            Core.KeyDown('#', _sim.Now);
            _sim.Advance(ms);
            Core.KeyUp('#', _sim.Now);
            Core.KeyUp('*', _sim.Now);
            Step();
        }

        /// <summary>The installer's session opens pairing (as `lockctl keypad pair`); returns the code to type.</summary>
        public string OpenPairing()
        {
            byte[] code = new byte[KeypadPairing.CodeDigits];
            return _sim.Core.Pairing.Open(_sim.Now, code, 0) < 0 ? null : Encoding.ASCII.GetString(code);
        }

        /// <summary>The whole installer flow at the door: open pairing, hold * and #, type the code, #.</summary>
        public KeypadVerdict PairAtTheDoor()
        {
            string code = OpenPairing();
            if (code == null) return KeypadVerdict.PairingFailed;
            HoldStarHash(KeypadCore.PairingHoldMs);
            Press(code + "#");
            return Core.Verdict;
        }

        /// <summary>The keypad's battery out and back in, with '*' and '#' held when <paramref name="reset"/>.</summary>
        public void Reboot(bool reset)
        {
            Core = new KeypadCore(Flash, _crypto, _crypto);
            Core.Boot(_sim.Now, reset);
        }

        /// <summary>One radio round: the keypad sends what waits, the lock handles it and answers, the keypad reads.</summary>
        public void Step()
        {
            if (_endpointCore != _sim.Core)
            {
                _endpointCore = _sim.Core; // the lock rebooted: a new endpoint, as after a real reset
                _endpoint = new LinkEndpoint(_sim.Core);
            }

            if (!Core.RadioNeeded) return;
            Core.Pump(Radio.KeypadEnd, LockAddress, _sim.Now);
            _endpoint.Poll(Radio.LockEnd, _sim.Now);
            _sim.AfterRadio();
            Core.Pump(Radio.KeypadEnd, LockAddress, _sim.Now);
        }

        /// <summary>Keeps the keypad's time with the lock's (called as virtual time passes).</summary>
        public void Tick(long now)
        {
            Core.Tick(now);
            Step();
        }

        /// <summary>The keypad as the view shows it: digits as stars (a code is never shown), LED, buzzer, mode, pairing.</summary>
        public string Describe()
        {
            int count = Core.Mode == KeypadMode.Pairing ? Core.PairingEntry.Count : Core.Entry.Count;
            string typed = count == 0 ? "_" : new string('*', count);
            string led = Core.Feedback.Led ? "(*)" : "( )";
            string buzz = Core.Feedback.Buzzer ? "BEEP" : "----";
            string paired = Core.IsPaired ? "paired, id " + Core.Id : "NOT PAIRED (k)";
            return $"{typed,-20} LED {led} {buzz}  {Core.Mode,-14} {paired}";
        }
    }
}
