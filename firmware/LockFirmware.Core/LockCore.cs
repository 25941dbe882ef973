using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Crypto;
using LockFirmware.Hal.Flash;
using LockFirmware.Hal.Lock;

namespace LockFirmware.Core
{
    /// <summary>
    /// The whole lock as one object: flash stores, access verifier and bolt controller, wired the same way on
    /// the ESP32 (LockFirmware.Device) and in LockSim. Apps give it ports and the time and call it when
    /// something happens; every call returns the next deadline. The decisions that join the parts live here:
    /// an accepted code unlocks, a rejection shows feedback, the throttle's lockout shows on the lock.
    /// </summary>
    public sealed class LockCore
    {
        private readonly byte[] _secret = new byte[CodeKeys.SecretLength];

        public LockCore(IFlashRegion flash, LockHardware hardware, ICryptoPrimitives crypto, AccessPolicy policy, LockConfig config)
        {
            Log = new EventLog(FlashLayout.Log(flash));
            Settings = new SettingsStore(FlashLayout.Settings(flash));
            Policy = policy;
            Access = new AccessVerifier(policy, crypto, new SettingsAccessStore(Settings), Log);
            Controller = new LockController(config, hardware, Log);
            Keypads = new KeypadChannel(crypto, Settings);
        }

        public EventLog Log { get; private set; }
        public SettingsStore Settings { get; private set; }
        public AccessPolicy Policy { get; private set; }
        public AccessVerifier Access { get; private set; }
        public LockController Controller { get; private set; }
        public KeypadChannel Keypads { get; private set; }

        /// <summary>The verdict on the last keypad entry.</summary>
        public AccessResult LastResult { get; private set; }

        /// <summary>Power-up: mount the stores, load the secret and the access state, recover the bolt.</summary>
        public long Boot(long nowMs)
        {
            Log.Mount();
            Settings.Mount();
            Access.Load();
            Keypads.Load();
            if (Settings.Read(SettingKeys.LockSecret, _secret, 0) == CodeKeys.SecretLength)
            {
                Access.Provision(_secret);
            }

            Log.Append(EventType.Boot, nowMs, Log.NextSequence);
            if (!LockTime.IsSet(nowMs))
            {
                Log.Append(EventType.ClockUnknown, nowMs, 0);
            }

            UpdateConditions(nowMs);
            return Controller.Start(nowMs);
        }

        /// <summary>Stores the lock secret (32 bytes) durably and starts accepting its codes.</summary>
        public bool Provision(byte[] secret, long nowMs)
        {
            if (secret == null || secret.Length != CodeKeys.SecretLength || !Settings.Write(SettingKeys.LockSecret, secret, 0, secret.Length))
            {
                return false;
            }

            Access.Provision(secret);
            Log.Append(EventType.Provisioned, nowMs, 0);
            UpdateConditions(nowMs);
            return true;
        }

        /// <summary>A keypad entry (ASCII digits): verified, logged, and if accepted the bolt retracts. The verdict is <see cref="LastResult"/>.</summary>
        public long EnterCode(byte[] ascii, int offset, int count, long nowMs)
        {
            AccessResult result = Access.Verify(ascii, offset, count, nowMs);
            LastResult = result;
            if (result == AccessResult.Accepted)
            {
                UnlockReason reason = Access.LastCredential.Type == CredentialType.OwnerPin ? UnlockReason.OwnerCommand : UnlockReason.Credential;
                Controller.RequestUnlock(reason, nowMs);
            }
            else if (result == AccessResult.LockedOut)
            {
                Controller.Signal(Feedback.Lockout, nowMs);
            }
            else
            {
                Controller.Signal(Feedback.Rejected, nowMs);
            }

            UpdateConditions(nowMs);
            return Controller.Tick(nowMs);
        }

        /// <summary>
        /// A message from a BLE keypad: only registered keypads with fresh counters reach the verifier; every
        /// other message is logged and costs a throttle token like a wrong code, so the radio is no faster door.
        /// </summary>
        public long KeypadMessage(byte[] message, int offset, int count, long nowMs)
        {
            KeypadResult result = Keypads.Receive(message, offset, count);
            if (result == KeypadResult.Entry)
            {
                return EnterCode(Keypads.Digits, 0, Keypads.DigitCount, nowMs);
            }

            Log.Append(EventType.KeypadEntryRejected, nowMs, ((uint)result << 8) | (uint)(Keypads.LastKeypad & 0xFF));
            if (!Access.Throttle.IsLockedOut(nowMs))
            {
                Access.RecordFailure(nowMs);
            }

            Controller.Signal(Feedback.Rejected, nowMs);
            UpdateConditions(nowMs);
            return Controller.Tick(nowMs);
        }

        /// <summary>The owner clears the keypad lockout (inside the house, or over an authenticated session).</summary>
        public long ClearLockout(long nowMs)
        {
            Access.ClearLockout(nowMs);
            UpdateConditions(nowMs);
            return Controller.Tick(nowMs);
        }

        public long Tick(long nowMs)
        {
            UpdateConditions(nowMs);
            return Controller.Tick(nowMs);
        }

        public long OnInputChanged(long nowMs)
        {
            return Controller.OnInputChanged(nowMs);
        }

        private void UpdateConditions(long nowMs)
        {
            Controller.SetUnprovisioned(!Access.IsProvisioned);
            Controller.SetTimeUnknown(!LockTime.IsSet(nowMs));
            Controller.SetLockedOut(Access.Throttle.IsLockedOut(nowMs), nowMs);
        }
    }
}
