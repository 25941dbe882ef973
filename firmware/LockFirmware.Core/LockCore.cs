using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Clock;
using LockFirmware.Hal.Crypto;
using LockFirmware.Hal.Flash;
using LockFirmware.Hal.Lock;
using LockFirmware.Hal.Power;

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
        public const int RoleKeySize = 16;

        private readonly byte[] _secret = new byte[CodeKeys.SecretLength];
        private readonly byte[] _config = new byte[AdminCommands.ConfigSize];
        private readonly byte[] _shippedConfig = new byte[AdminCommands.ConfigSize];
        private readonly IFlashRegion _flash;
        private readonly ICryptoPrimitives _crypto;
        private readonly IRandomSource _random;
        private readonly ISystemClock _clock;
        private bool _setupWindowWasOpen;
        private readonly byte[] _timeRecord = new byte[8];
        private static readonly byte[] ResetPendingMark = { 1 };
        private long _trustedMs;
        private readonly LockConfig _lockConfig;

        public LockCore(IFlashRegion flash, LockHardware hardware, ICryptoPrimitives crypto, IRandomSource random, ISystemClock clock,
            AccessPolicy policy, LockConfig config)
        {
            _flash = flash;
            _crypto = crypto;
            _random = random;
            _clock = clock;
            _lockConfig = config;
            Log = new EventLog(FlashLayout.Log(flash));
            Rejections = new RejectionLog(Log);
            AdminRecords = new RejectionLog(Log, RejectionLog.AdminBurst, EventType.AdminRecordsSuppressed);
            Settings = new SettingsStore(FlashLayout.Settings(flash));
            Policy = policy;
            Controller = new LockController(config, hardware, Log);
            Admin = new AdminSession(crypto, random, new AdminCommands(this));
            CreateAccess();
            WriteConfig(_shippedConfig, 0); // what a factory reset returns to
        }

        /// <summary>The admin channel's session (bytes in, bytes out).</summary>
        public AdminSession Admin { get; private set; }

        public EventLog Log { get; private set; }

        /// <summary>The log for rejected radio traffic: rate-limited, so junk cannot push out the owner's record.</summary>
        public RejectionLog Rejections { get; private set; }
        /// <summary>Where an installer's or setup session's admin records go: rate-limited, so commands cannot flush the log.</summary>
        public RejectionLog AdminRecords { get; private set; }

        public SettingsStore Settings { get; private set; }
        public AccessPolicy Policy { get; private set; }
        public AccessVerifier Access { get; private set; }
        public LockController Controller { get; private set; }
        public KeypadChannel Keypads { get; private set; }

        /// <summary>Pairing keypads at the door: a window an installer session opens (docs/keypad.md).</summary>
        public KeypadPairing Pairing { get; private set; }

        /// <summary>The sealed answer to the last keypad-channel message (a verdict or a pairing reply), <see cref="KeypadReplyLength"/> bytes; 0 when none.</summary>
        public byte[] KeypadReply { get; } = new byte[KeypadFrame.NoncedHeader + 1 + KeypadFrame.TagSize];

        public int KeypadReplyLength { get; private set; }

        /// <summary>The verdict on the last keypad entry.</summary>
        public AccessResult LastResult { get; private set; }

        /// <summary>Power-up: mount the stores, load the secret and the access state, recover the bolt.</summary>
        public long Boot(long nowMs)
        {
            return Boot(nowMs, WakeSource.PowerOn);
        }

        /// <summary>
        /// As <see cref="Boot(long)"/>, told why the CLR started. After a wake from deep sleep (a restart the sleep policy
        /// chose, with the bolt at rest) no Boot record is written, so a year of wakes does not push the owner's events
        /// out of the log; and an inside button that woke the lock counts as a press even if it was released before
        /// the CLR was up.
        /// </summary>
        public long Boot(long nowMs, WakeSource woke)
        {
            Log.Mount();
            Settings.Mount();
            if (Settings.Contains(SettingKeys.FactoryResetPending))
            {
                FinishFactoryReset();
                Log.Append(EventType.FactoryReset, nowMs, 0);
            }

            LoadState(nowMs);
            NoteTime(nowMs);

            if (woke == WakeSource.PowerOn)
            {
                Log.Append(EventType.Boot, nowMs, Log.NextSequence);
            }

            if (!LockTime.IsSet(nowMs))
            {
                Log.Append(EventType.ClockUnknown, nowMs, 0);
            }

            UpdateConditions(nowMs);
            return Controller.Start(nowMs, woke == WakeSource.InsideButton);
        }

        /// <summary>The per-device setup key (made at first boot; a factory tool or the serial console shows it).</summary>
        public byte[] SetupKey
        {
            get { return ReadKey(SettingKeys.SetupKey); }
        }

        /// <summary>A message from the admin channel; the reply (if any) is in Admin.Reply. Returns its length.</summary>
        public int AdminMessage(byte[] message, int offset, int count, long nowMs)
        {
            NoteTime(nowMs);
            int reply = Admin.Receive(message, offset, count, nowMs);
            if (Admin.LastError != Protocol.AdminStatus.Ok)
            {
                Rejections.Append(EventType.FrameRejected, nowMs, (uint)Admin.LastError);
            }

            // A SetTime command has moved the clock: judge the conditions at the new time, not the old one.
            UpdateConditions(_clock != null ? _clock.NowMs : nowMs);
            return reply;
        }

        /// <summary>The time for the next step of a batch: the platform clock's (a message may have set it), else <paramref name="fallbackMs"/>.</summary>
        public long Now(long fallbackMs)
        {
            return _clock != null ? _clock.NowMs : fallbackMs;
        }

        /// <summary>A role key from the settings store, or null when none is set.</summary>
        public byte[] ReadKey(int settingKey)
        {
            byte[] key = new byte[RoleKeySize];
            return Settings.Read(settingKey, key, 0) == RoleKeySize ? key : null;
        }

        public bool WriteKey(int settingKey, byte[] source, int offset)
        {
            return Settings.Write(settingKey, source, offset, RoleKeySize);
        }

        /// <summary>
        /// A clock set over the admin channel: the platform clock moves, the log says so. The owner's setting is the
        /// new trusted-time floor (the owner may move time back); anyone else's only raises it.
        /// </summary>
        public bool SetTime(long utcMs, long nowMs, bool byOwner)
        {
            if (_clock == null)
            {
                return false;
            }

            if (byOwner && !SaveTrustedTime(HourStart(utcMs)))
            {
                return false;
            }

            _clock.SetUtc(utcMs);
            Controller.ClockSet(nowMs, utcMs);
            Admin.Touch(utcMs);
            Log.Append(EventType.ClockSet, utcMs, (uint)(nowMs / Common.LockTime.MsPerSecond));
            NoteTime(utcMs);
            UpdateConditions(utcMs);
            return true;
        }

        /// <summary>
        /// The lowest time anyone but the owner may set a lost clock to: the start of the latest UTC hour the set
        /// clock has read, kept in the settings store (so no log wrap loses it), or the owner's last setting.
        /// Every access decision works in whole UTC hours, so within that hour nothing expired can come back.
        /// </summary>
        public long TrustedTimeFloorMs
        {
            get { return _trustedMs; }
        }

        // Raises the durable floor when the clock enters a later hour: at most one settings write an hour, and
        // before any decision at that hour (callers note the time first).
        private void NoteTime(long nowMs)
        {
            if (LockTime.IsSet(nowMs) && HourStart(nowMs) > _trustedMs)
            {
                SaveTrustedTime(HourStart(nowMs));
            }
        }

        private bool SaveTrustedTime(long ms)
        {
            LittleEndian.PutLong(_timeRecord, 0, ms);
            if (!Settings.Write(SettingKeys.TrustedTime, _timeRecord, 0, 8))
            {
                return false;
            }

            _trustedMs = ms;
            return true;
        }

        private static long HourStart(long ms)
        {
            return ms - ms % Common.LockTime.MsPerHour; // only for set times (positive)
        }

        // Locks that ran a firmware without the durable floor start from the latest valid time their log holds.
        private long LatestLoggedTimeMs()
        {
            uint next = Log.NextSequence;
            uint capacity = (uint)Log.Capacity;
            EventLogCursor cursor = Log.ReadFrom(next > capacity ? next - capacity : 0);
            var record = new EventRecord();
            long latest = 0;
            while (cursor.Next(record))
            {
                long ms = record.TimeSeconds * Common.LockTime.MsPerSecond;
                if (Common.LockTime.IsSet(ms) && ms > latest) latest = ms;
            }

            return latest;
        }

        /// <summary>The configuration as the admin channel carries it (16 bytes); returns the length written.</summary>
        public int WriteConfig(byte[] b, int at)
        {
            LittleEndian.PutInt(b, at, _lockConfig.RelockHoldMs);
            LittleEndian.PutInt(b, at + 4, _lockConfig.MotorMaxRunMs);
            b[at + 8] = (byte)(_lockConfig.DoorSensorPresent ? 1 : 0);
            b[at + 9] = (byte)Policy.FreeFailures;
            b[at + 10] = (byte)Policy.RefillHours;
            b[at + 11] = (byte)(Policy.RefillHours >> 8);
            b[at + 12] = (byte)Policy.LocalOffsetMinutes;
            b[at + 13] = (byte)(Policy.LocalOffsetMinutes >> 8);
            b[at + 14] = (byte)Policy.CodeLength;
            b[at + 15] = (byte)Policy.DstRule;
            return AdminCommands.ConfigSize;
        }

        /// <summary>
        /// Checks and applies a configuration. Limits keep the lock safe: the throttle may only be made stricter
        /// than the shipped policy (so the published bound holds), and the code length is fixed by the format.
        /// The local offset is whole hours from -12:00 to +14:00: weekly schedules live on the local hour grid, and
        /// half-hour zones (+05:30, +09:30, +05:45) are refused rather than floored (docs/access-codes.md, "Local time").
        /// </summary>
        public bool ApplyConfig(byte[] b, int at, bool persist, long nowMs)
        {
            int relock = LittleEndian.GetInt(b, at), motor = LittleEndian.GetInt(b, at + 4);
            int free = b[at + 9], refill = b[at + 10] | (b[at + 11] << 8);
            int offset = (short)(b[at + 12] | (b[at + 13] << 8));
            AccessPolicy shipped = AccessPolicy.Default();
            bool ok = relock >= 3000 && relock <= 600000 && motor >= 500 && motor <= 10000 && b[at + 8] <= 1
                && free >= 1 && free <= shipped.FreeFailures && refill >= shipped.RefillHours && refill <= 8760
                && offset >= -720 && offset <= 840 && offset % 60 == 0 && b[at + 14] == shipped.CodeLength && b[at + 15] <= Common.LocalTime.UsDst;
            if (!ok || (persist && !Settings.Write(SettingKeys.LockConfig, b, at, AdminCommands.ConfigSize)))
            {
                return false;
            }

            _lockConfig.RelockHoldMs = relock;
            _lockConfig.MotorMaxRunMs = motor;
            _lockConfig.DoorSensorPresent = b[at + 8] == 1;
            Policy.FreeFailures = free;
            Policy.RefillHours = refill;
            Policy.LocalOffsetMinutes = offset;
            Policy.DstRule = b[at + 15];
            return true;
        }

        /// <summary>
        /// Erases secrets, keys, keypads, PINs, tables and the log; keeps only the device's setup key. The settings go
        /// in one commit that keeps the setup key and marks the reset pending, so a power cut at any byte leaves either
        /// the old lock or a reset one with the key on its label; the log is erased next, and a reset cut before the
        /// log is gone is finished at the next boot.
        /// </summary>
        public bool FactoryReset(long nowMs)
        {
            if (!Settings.ResetKeeping(SettingKeys.SetupKey, SettingKeys.FactoryResetPending, ResetPendingMark))
            {
                return false;
            }

            FinishFactoryReset();
            ApplyConfig(_shippedConfig, 0, false, nowMs);
            CreateAccess();
            LoadState(nowMs);
            Log.Append(EventType.FactoryReset, nowMs, 0);
            return true;
        }

        // The second half of a factory reset: the log's sectors erased, then the pending mark cleared.
        private void FinishFactoryReset()
        {
            for (int s = 0; s < FlashLayout.LogSectors; s++)
            {
                _flash.EraseSector(FlashLayout.LogFirstSector + s);
            }

            Log.Mount();
            Settings.Delete(SettingKeys.FactoryResetPending);
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
            NoteTime(nowMs);
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
            NoteTime(nowMs);
            KeypadReplyLength = 0;
            if (message != null && count > 0 && offset >= 0 && offset < message.Length && message[offset] == KeypadFrame.Pairing)
            {
                return PairKeypad(message, offset, count, nowMs);
            }

            KeypadResult result = Keypads.Receive(message, offset, count);
            if (result == KeypadResult.Entry)
            {
                long deadline = EnterCode(Keypads.Digits, 0, Keypads.DigitCount, nowMs);
                KeypadReplyLength = Keypads.SealVerdict((byte)LastResult, KeypadReply);
                return deadline;
            }

            Rejections.Append(EventType.KeypadEntryRejected, nowMs, ((uint)result << 8) | (uint)(Keypads.LastKeypad & 0xFF));
            if (!Access.Throttle.IsLockedOut(nowMs))
            {
                Access.RecordFailure(nowMs);
            }

            Controller.Signal(Feedback.Rejected, nowMs);
            UpdateConditions(nowMs);
            return Controller.Tick(nowMs);
        }

        // A pairing request: it cannot open the door, so a refused one is logged (rate-limited) but costs no throttle
        // token; the 20-digit code is not guessable over the radio within a 5-minute window.
        private long PairKeypad(byte[] message, int offset, int count, long nowMs)
        {
            KeypadResult result = Pairing.Receive(message, offset, count, nowMs);
            if (result == KeypadResult.Paired)
            {
                Log.Append(EventType.KeypadPaired, nowMs, (uint)Pairing.Id);
                System.Array.Copy(Pairing.Reply, 0, KeypadReply, 0, Pairing.ReplyLength);
                KeypadReplyLength = Pairing.ReplyLength;
            }
            else
            {
                Rejections.Append(EventType.KeypadEntryRejected, nowMs, (uint)result << 8);
            }

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
            NoteTime(nowMs);
            Admin.Tick(nowMs);
            Rejections.Roll(nowMs);
            AdminRecords.Roll(nowMs);
            long deadline = Controller.Tick(nowMs);

            // Holding the inside button (the setup window opening) is someone inside: it also clears the keypad lockout.
            bool windowOpen = Controller.SetupWindowOpen;
            if (windowOpen && !_setupWindowWasOpen && Access.Throttle.Remaining(nowMs) < Policy.FreeFailures)
            {
                Access.ClearLockout(nowMs);
            }

            _setupWindowWasOpen = windowOpen;
            UpdateConditions(nowMs);
            return deadline;
        }

        /// <summary>An input pin changed: the same step as a tick (sampling and debouncing happen in the controller).</summary>
        public long OnInputChanged(long nowMs)
        {
            return Tick(nowMs);
        }

        private void CreateAccess()
        {
            Access = new AccessVerifier(Policy, _crypto, new SettingsAccessStore(Settings), Log, Rejections);
            Keypads = new KeypadChannel(_crypto, Settings);
            Pairing = new KeypadPairing(_crypto, _random, Keypads);
        }

        private void LoadState(long nowMs)
        {
            Access.Load();
            Keypads.Load();
            if (Settings.Read(SettingKeys.LockSecret, _secret, 0) == CodeKeys.SecretLength)
            {
                Access.Provision(_secret);
            }

            if (Settings.Read(SettingKeys.LockConfig, _config, 0) == AdminCommands.ConfigSize)
            {
                ApplyConfig(_config, 0, false, nowMs);
            }

            _trustedMs = Settings.Read(SettingKeys.TrustedTime, _timeRecord, 0) == 8 ? LittleEndian.GetLong(_timeRecord, 0) : 0;
            if (_trustedMs == 0)
            {
                NoteTime(LatestLoggedTimeMs());
            }

            if (!Settings.Contains(SettingKeys.SetupKey) && _random != null)
            {
                byte[] key = new byte[RoleKeySize];
                _random.Fill(key, 0, RoleKeySize);
                Settings.Write(SettingKeys.SetupKey, key, 0, RoleKeySize);
            }
        }


        private void UpdateConditions(long nowMs)
        {
            Controller.SetUnprovisioned(!Access.IsProvisioned);
            Controller.SetTimeUnknown(!LockTime.IsSet(nowMs));
            Controller.SetLockedOut(Access.Throttle.IsLockedOut(nowMs), nowMs);
        }
    }
}
