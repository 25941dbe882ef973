using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Crypto;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Ble;
using LockFirmware.Hal.Crypto;
using LockFirmware.Hal.Flash;

namespace LockFirmware.Core.Keypad
{
    /// <summary>
    /// The whole keypad as one object, as <see cref="LockCore"/> is the whole lock: entry buffer, counter, sender,
    /// pairing and the LED/buzzer, wired the same way on the keypad's ESP32 (firmware/LockFirmware.Keypad) and in
    /// LockSim. Apps feed it key edges, link turns and the time; every call returns the next deadline, and the app
    /// may sleep until it (or a key press) when <see cref="RadioNeeded"/> is false. docs/keypad.md has the user flow.
    /// </summary>
    public sealed class KeypadCore
    {
        /// <summary>Hold '*' and '#' together this long to enter pairing mode.</summary>
        public const long PairingHoldMs = 3000;

        /// <summary>Pairing mode ends after this long without a key press.</summary>
        public const long PairingIdleMs = 60000;

        private const int PairingRecordSize = 8 + 1 + KeypadChannel.KeySize;

        private readonly ICryptoPrimitives _crypto;
        private readonly IRandomSource _random;
        private readonly SettingsStore _store;
        private readonly byte[] _record = new byte[PairingRecordSize];
        private readonly byte[] _newKey = new byte[KeypadChannel.KeySize];
        private readonly byte[] _pairingNonce = new byte[8];
        private AesCcm _ccm;
        private bool _starHeld, _hashHeld;
        private long _comboSince = LockTime.Never;
        private long _pairingUntil = LockTime.Never;

        public KeypadCore(IFlashRegion flash, ICryptoPrimitives crypto, IRandomSource random)
        {
            _crypto = crypto;
            _random = random;
            _store = new SettingsStore(flash);
            Counter = new KeypadCounter(_store);
            AccessPolicy policy = AccessPolicy.Default();
            Entry = new KeypadEntry(policy.LongCodeLength + policy.MaxMaskDigits, KeypadEntry.IdleTimeoutMs);
            PairingEntry = new KeypadEntry(KeypadPairing.CodeDigits, PairingIdleMs);
        }

        public KeypadEntry Entry { get; private set; }
        public KeypadEntry PairingEntry { get; private set; }
        public KeypadCounter Counter { get; private set; }
        public KeypadSender Sender { get; } = new KeypadSender();
        public PatternPlayer Feedback { get; } = new PatternPlayer();
        public KeypadMode Mode { get; private set; }

        /// <summary>What the keypad showed last (None before the first verdict).</summary>
        public KeypadVerdict Verdict { get; private set; }

        public bool IsPaired
        {
            get { return _ccm != null; }
        }

        /// <summary>The paired lock's radio address (0 when not paired).</summary>
        public ulong LockAddress { get; private set; }

        /// <summary>The keypad id the lock gave at pairing (-1 when not paired).</summary>
        public int Id { get; private set; }

        /// <summary>
        /// True while a message waits for the radio: the app connects to <see cref="LockAddress"/> (to every lock in
        /// range while <see cref="Mode"/> is PairingSending) and calls <see cref="Pump"/>. False: the radio may sleep.
        /// </summary>
        public bool RadioNeeded
        {
            get { return Sender.State == SendState.Pending || Sender.State == SendState.Sent; }
        }

        /// <summary>
        /// Power-up. <paramref name="resetHeld"/>: '*' and '#' were held while the battery went in (inside the case):
        /// the keypad forgets its pairing (never its counter) and must be paired again.
        /// </summary>
        public long Boot(long nowMs, bool resetHeld)
        {
            _store.Mount();
            Counter.Load();
            if (resetHeld)
            {
                _store.Delete(KeypadSettings.Pairing);
            }

            LoadPairing();
            Mode = KeypadMode.Entry;
            return Deadline();
        }

        public long KeyDown(char key, long nowMs)
        {
            Tick(nowMs);
            if (key == KeypadEntry.ClearKey) _starHeld = true;
            if (key == KeypadEntry.SendKey) _hashHeld = true;
            if (_starHeld && _hashHeld)
            {
                _comboSince = nowMs; // the second key of the combination does nothing else
                return Deadline();
            }

            if (Mode == KeypadMode.Pairing)
            {
                PairingKey(key, nowMs);
            }
            else if (Mode == KeypadMode.Entry || Mode == KeypadMode.Sending)
            {
                EntryKey(key, nowMs);
            }

            return Deadline();
        }

        public long KeyUp(char key, long nowMs)
        {
            if (key == KeypadEntry.ClearKey) _starHeld = false;
            if (key == KeypadEntry.SendKey) _hashHeld = false;
            _comboSince = LockTime.Never;
            return Tick(nowMs);
        }

        /// <summary>One turn on the radio link to the lock at <paramref name="peer"/>: sends what waits, takes the reply.</summary>
        public long Pump(IFragmentLink link, ulong peer, long nowMs)
        {
            Sender.Pump(link, nowMs);
            Outcome(peer, nowMs);
            return Tick(nowMs);
        }

        /// <summary>Pairing: offer the same request to the next lock in range (the last one did not answer).</summary>
        public bool OfferToNextLock(long nowMs)
        {
            return Mode == KeypadMode.PairingSending && Sender.SendAgain(nowMs);
        }

        public long Tick(long nowMs)
        {
            Entry.Expire(nowMs);
            if (_comboSince != LockTime.Never && nowMs >= _comboSince + PairingHoldMs)
            {
                _comboSince = LockTime.Never;
                EnterPairing(nowMs);
            }

            if (Mode == KeypadMode.Pairing && nowMs >= _pairingUntil)
            {
                LeavePairing();
            }

            Sender.Tick(nowMs);
            Outcome(0, nowMs);
            Feedback.Tick(nowMs);
            return Deadline();
        }

        private void EntryKey(char key, long nowMs)
        {
            KeyAction action = Entry.Press(key, nowMs);
            if (action == KeyAction.Send)
            {
                if (Mode == KeypadMode.Sending)
                {
                    return; // one entry at a time: the verdict first
                }

                SendEntry(nowMs);
                return;
            }

            Feedback.Play(action == KeyAction.Cleared ? KeypadPatterns.Cleared : KeypadPatterns.Click, false, nowMs);
        }

        private void SendEntry(long nowMs)
        {
            if (!IsPaired)
            {
                Entry.Clear();
                Show(KeypadVerdict.PairingFailed, nowMs);
                return;
            }

            uint counter = Counter.Next();
            if (counter == 0)
            {
                Entry.Clear();
                Show(KeypadVerdict.LockProblem, nowMs); // counter spent or flash failed: refuse rather than repeat one
                return;
            }

            Sender.SendEntry(_ccm, Id, counter, Entry.Digits, 0, Entry.Count, nowMs);
            Entry.Clear();
            Mode = KeypadMode.Sending;
            Feedback.Play(KeypadPatterns.Waiting, true, nowMs);
        }

        private void EnterPairing(long nowMs)
        {
            Sender.Cancel();
            Entry.Clear();
            PairingEntry.Clear();
            Mode = KeypadMode.Pairing;
            _pairingUntil = nowMs + PairingIdleMs;
            Verdict = KeypadVerdict.Pairing;
            Feedback.Play(KeypadPatterns.Pairing, true, nowMs);
        }

        private void LeavePairing()
        {
            PairingEntry.Clear();
            Mode = KeypadMode.Entry;
            _pairingUntil = LockTime.Never;
            Feedback.Stop();
        }

        private void PairingKey(char key, long nowMs)
        {
            _pairingUntil = nowMs + PairingIdleMs;
            if (key == KeypadEntry.ClearKey && PairingEntry.Count == 0)
            {
                LeavePairing(); // '*' on an empty pairing code: back to normal
                return;
            }

            KeyAction action = PairingEntry.Press(key, nowMs);
            if (action != KeyAction.Send)
            {
                return;
            }

            if (PairingEntry.Count != KeypadPairing.CodeDigits || _random == null)
            {
                PairingEntry.Clear();
                LeavePairing();
                Show(KeypadVerdict.PairingFailed, nowMs);
                return;
            }

            // The keypad's own key, from its RNG; it leaves the keypad only sealed under the code's key.
            _random.Fill(_newKey, 0, _newKey.Length);
            _random.Fill(_pairingNonce, 0, _pairingNonce.Length);
            AesCcm codeKey = KeypadPairing.CodeKey(_crypto, PairingEntry.Digits, 0, PairingEntry.Count);
            PairingEntry.Clear();
            Sender.SendPairing(codeKey, _pairingNonce, _newKey, nowMs);
            Mode = KeypadMode.PairingSending;
            Feedback.Play(KeypadPatterns.Waiting, true, nowMs);
        }

        private void Outcome(ulong peer, long nowMs)
        {
            SendState state = Sender.State;
            if (state != SendState.Replied && state != SendState.TimedOut)
            {
                return;
            }

            if (Mode == KeypadMode.Sending)
            {
                Mode = KeypadMode.Entry;
                Show(state == SendState.Replied ? KeypadVerdicts.For((AccessResult)Sender.Reply[0]) : KeypadVerdict.Unreachable, nowMs);
            }
            else if (Mode == KeypadMode.PairingSending)
            {
                Mode = KeypadMode.Entry;
                bool paired = state == SendState.Replied && SavePairing(peer, Sender.Reply[0]);
                Array.Clear(_newKey, 0, _newKey.Length);
                Show(paired ? KeypadVerdict.Paired : KeypadVerdict.PairingFailed, nowMs);
            }

            Sender.Cancel();
        }

        private bool SavePairing(ulong lockAddress, int id)
        {
            LittleEndian.PutLong(_record, 0, (long)lockAddress);
            _record[8] = (byte)id;
            Array.Copy(_newKey, 0, _record, 9, KeypadChannel.KeySize);
            bool ok = _store.Write(KeypadSettings.Pairing, _record, 0, PairingRecordSize);
            LoadPairing();
            return ok && IsPaired;
        }

        private void LoadPairing()
        {
            _ccm = null;
            Id = -1;
            LockAddress = 0;
            if (_store.Read(KeypadSettings.Pairing, _record, 0) == PairingRecordSize)
            {
                byte[] key = new byte[KeypadChannel.KeySize];
                Array.Copy(_record, 9, key, 0, key.Length);
                _ccm = new AesCcm(_crypto, key, KeypadFrame.TagSize);
                Id = _record[8];
                LockAddress = (ulong)LittleEndian.GetLong(_record, 0);
            }

            Array.Clear(_record, 0, _record.Length);
        }

        private void Show(KeypadVerdict verdict, long nowMs)
        {
            Verdict = verdict;
            Feedback.Play(KeypadPatterns.For(verdict), false, nowMs);
        }

        private long Deadline()
        {
            long d = Entry.Deadline;
            if (Feedback.Deadline < d) d = Feedback.Deadline;
            if (Sender.Deadline < d) d = Sender.Deadline;
            if (_comboSince != LockTime.Never && _comboSince + PairingHoldMs < d) d = _comboSince + PairingHoldMs;
            if (_pairingUntil < d) d = _pairingUntil;
            return d;
        }
    }
}
