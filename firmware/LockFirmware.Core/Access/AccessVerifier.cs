using LockFirmware.Core.Common;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Core.Access
{
    /// <summary>
    /// Checks keypad entries: decodes the candidate codes at the end of the entry (a short code, a long code,
    /// owner PINs; up to MaxMaskDigits may precede them), applies validity, activation, replay, revocation and
    /// the throttle, makes any state change durable, logs the verdict, and only then answers. It never throws
    /// on input and allocates nothing per entry beyond what the crypto port may.
    /// </summary>
    public sealed class AccessVerifier
    {
        /// <summary>Hours local time can lie behind UTC at most (the configuration allows offsets down to -12:00).</summary>
        public const int MaxHoursWestOfUtc = 12;

        private readonly AccessPolicy _policy;
        private readonly ICryptoPrimitives _crypto;
        private readonly IAccessStore _store;
        private readonly IEventLog _log;
        private readonly IEventLog _rejections;
        private readonly Throttle _throttle;
        private readonly ExpiringSet _used;
        private readonly ExpiringSet _activated;
        private readonly PinTable _pins;
        private readonly Credential _short = new Credential();
        private readonly Credential _long = new Credential();
        private readonly Credential _last = new Credential();
        private readonly byte[] _record;
        private CodeFormat _format;
        private long _revokedBeforeHour = long.MinValue;

        public AccessVerifier(AccessPolicy policy, ICryptoPrimitives crypto, IAccessStore store, IEventLog log)
            : this(policy, crypto, store, log, log == null ? null : new RejectionLog(log))
        {
        }

        /// <param name="rejections">Where entries refused before any secret is consulted (not digits, wrong length,
        /// locked out) are logged: a rate-limited log, since anyone at the door can type them all day.</param>
        public AccessVerifier(AccessPolicy policy, ICryptoPrimitives crypto, IAccessStore store, IEventLog log, IEventLog rejections)
        {
            _policy = policy;
            _crypto = crypto;
            _store = store;
            _log = log;
            _rejections = rejections;
            _throttle = new Throttle(policy, store);
            _used = new ExpiringSet(policy.ReplayTableSize);
            _activated = new ExpiringSet(policy.ActivationTableSize);
            _pins = new PinTable(policy, crypto);
            int size = _used.RecordSize;
            if (_activated.RecordSize > size) size = _activated.RecordSize;
            if (_pins.RecordSize > size) size = _pins.RecordSize;
            _record = new byte[size];
        }

        public bool IsProvisioned
        {
            get { return _format != null; }
        }

        /// <summary>The credential behind the last verdict (type None when no candidate decoded).</summary>
        public Credential LastCredential
        {
            get { return _last; }
        }

        public Throttle Throttle
        {
            get { return _throttle; }
        }

        public int UsedCodeCount
        {
            get { return _used.Count; }
        }

        public int ActivatedCodeCount
        {
            get { return _activated.Count; }
        }

        public int PinCount
        {
            get { return _pins.Count; }
        }

        /// <summary>Reads the durable state at boot. Records that do not parse are ignored (and the lock stays safe:
        /// a lost replay table cannot re-open a used one-time code once its window ended).</summary>
        public void Load()
        {
            _throttle.Load();
            _used.Read(_record, _store.Load(AccessRecord.UsedCodes, _record));
            _activated.Read(_record, _store.Load(AccessRecord.ActivatedCodes, _record));
            _pins.Read(_record, _store.Load(AccessRecord.OwnerPins, _record));
            if (_store.Load(AccessRecord.Revocation, _record) == 8)
            {
                _revokedBeforeHour = LittleEndian.GetLong(_record, 0);
            }
        }

        /// <summary>Takes the lock secret (32 bytes) and derives the code, permutation and PIN keys from it.</summary>
        public void Provision(byte[] secret)
        {
            var keys = new CodeKeys(_crypto, secret);
            _format = new CodeFormat(_policy, _crypto, keys);
            _pins.SetKey(keys.PinKey);
        }

        /// <summary>Adds an owner PIN (digits as ASCII); returns its slot or -1. Durable when it returns a slot.</summary>
        public int AddPin(byte[] ascii, int offset, int count)
        {
            int slot = _pins.Add(ascii, offset, count);
            if (slot >= 0 && !_store.Save(AccessRecord.OwnerPins, _record, _pins.Write(_record)))
            {
                _pins.Remove(slot);
                return -1;
            }

            return slot;
        }

        public bool RemovePin(int slot)
        {
            return _pins.Remove(slot) && _store.Save(AccessRecord.OwnerPins, _record, _pins.Write(_record));
        }

        /// <summary>The owner's revoke-all over an authenticated session: every code that started before <paramref name="hour"/> is refused.</summary>
        public bool RevokeStartedBefore(long hour, long nowMs)
        {
            if (hour <= _revokedBeforeHour)
            {
                return true;
            }

            LittleEndian.PutLong(_record, 0, hour);
            if (!_store.Save(AccessRecord.Revocation, _record, 8))
            {
                return false;
            }

            _revokedBeforeHour = hour;
            ForgetRevoked(CodeFormat.HourOf(nowMs), hour);
            _store.Save(AccessRecord.ActivatedCodes, _record, _activated.Write(_record));
            Log(EventType.RevokeAllApplied, nowMs, 0);
            return true;
        }

        /// <summary>The owner's reset of the throttle.</summary>
        public bool ClearLockout(long nowMs)
        {
            Log(EventType.LockoutEnded, nowMs, 0);
            return _throttle.Clear(nowMs);
        }

        /// <summary>Counts a failure from another input source (a rejected keypad-channel frame) against the throttle.</summary>
        public void RecordFailure(long nowMs)
        {
            CountFailure(nowMs);
        }

        /// <summary>The verdict on one entry of ASCII digits; durable and logged before it returns.</summary>
        public AccessResult Verify(byte[] ascii, int offset, int count, long nowMs)
        {
            _last.Clear();
            if (_format == null)
            {
                return Finish(AccessResult.Unprovisioned, nowMs, (uint)count);
            }

            if (ascii == null || offset < 0 || count < 0 || offset + count > ascii.Length || !AllDigits(ascii, offset, count))
            {
                return Finish(AccessResult.NotDigits, nowMs, (uint)count);
            }

            int shortest = _policy.CodeLength < _policy.PinMinLength ? _policy.CodeLength : _policy.PinMinLength;
            if (count < shortest)
            {
                return Finish(AccessResult.TooShort, nowMs, (uint)count);
            }

            if (count > _policy.LongCodeLength + _policy.MaxMaskDigits)
            {
                return Finish(AccessResult.TooLong, nowMs, (uint)count);
            }

            if (_throttle.IsLockedOut(nowMs))
            {
                return Finish(AccessResult.LockedOut, nowMs, (uint)(_throttle.LockedUntilMs(nowMs) / LockTime.MsPerSecond));
            }

            // The entry is charged before any secret is consulted and refunded if it opens, so the count is durable
            // before a verdict exists: cutting the power between verdict and count never buys a free guess.
            if (!_throttle.RecordFailure(nowMs))
            {
                // The charge is not durable: evaluate nothing (a power cut now would give the guess back).
                Log(EventFor(AccessResult.StoreFailed), nowMs, (uint)count);
                return AccessResult.StoreFailed;
            }

            int pin = _pins.Match(ascii, offset, count);
            if (pin >= 0)
            {
                _last.Type = CredentialType.OwnerPin;
                _last.PinSlot = pin;
                _last.Index = pin;
                return Charged(AccessResult.Accepted, nowMs, _last.LogData);
            }

            // A code's tag covers its full start, which only the clock resolves: without a clock no code can be
            // told from a guess (the entry still counts against the throttle, as a PIN guess would).
            if (!LockTime.IsSet(nowMs))
            {
                return Charged(AccessResult.ClockUnknown, nowMs, (uint)count);
            }

            long nowHour = CodeFormat.HourOf(nowMs);
            bool shortOk = Candidate(false, ascii, offset, count, nowHour, _short);
            bool longOk = Candidate(true, ascii, offset, count, nowHour, _long);
            if (!shortOk && !longOk)
            {
                return Charged(AccessResult.WrongCode, nowMs, (uint)count);
            }

            AccessResult result = AccessResult.WrongCode;
            if (shortOk)
            {
                _last.CopyFrom(_short);
                result = Admit(_short, nowMs, nowHour);
            }

            if (longOk && result != AccessResult.Accepted && result != AccessResult.RevokeApplied)
            {
                _last.CopyFrom(_long);
                result = Admit(_long, nowMs, nowHour);
            }

            return Charged(result, nowMs, _last.LogData);
        }

        private bool Candidate(bool longCode, byte[] ascii, int offset, int count, long nowHour, Credential c)
        {
            int digits = _format.Digits(longCode);
            if (count < digits || count - digits > _policy.MaxMaskDigits)
            {
                return false;
            }

            ulong value = 0;
            for (int i = offset + count - digits; i < offset + count; i++)
            {
                value = value * 10 + (ulong)(ascii[i] - '0');
            }

            return _format.Open(longCode, value, nowHour, c);
        }

        // Validity for a code whose tag is right. Every state change is saved before Accepted is returned.
        private AccessResult Admit(Credential c, long nowMs, long nowHour)
        {
            int offset = _format.LocalOffsetHours(nowHour);
            long localHour = nowHour + offset;
            switch (c.Type)
            {
                case CredentialType.OneTime:
                    if (c.StartHour < _revokedBeforeHour) return AccessResult.Revoked;
                    if (nowHour < c.StartHour) return AccessResult.NotYetValid;
                    if (nowHour >= c.EndHour) return AccessResult.Expired;
                    if (_used.Contains(c.Payload, c.StartHour)) return AccessResult.Replayed;
                    if (!_used.Add(c.Payload, c.StartHour, c.EndHour, nowHour)) return AccessResult.TableFull;
                    return Persist(AccessRecord.UsedCodes, _used, c.Payload, c.StartHour);

                case CredentialType.Window:
                    if (c.StartHour < _revokedBeforeHour) return AccessResult.Revoked;
                    if (nowHour < c.StartHour) return AccessResult.NotYetValid;
                    if (nowHour >= c.EndHour) return AccessResult.Expired;
                    return Activate(c, c.StartHour, c.EndHour, nowHour, nowHour);

                case CredentialType.Weekly:
                    if (c.StartHour - offset < _revokedBeforeHour) return AccessResult.Revoked;
                    if (localHour < c.StartHour) return AccessResult.NotYetValid;
                    if (localHour >= c.EndHour) return AccessResult.Expired;
                    long day = CodeFormat.Floor(localHour, 24);
                    int hourOfDay = (int)(localHour - day * 24);
                    if (!WeeklyDays.Contains(c.Days, WeeklyDays.WeekdayOf(day)) || hourOfDay < c.FromHour || hourOfDay >= c.FromHour + c.SpanHours)
                    {
                        return AccessResult.OutsideSchedule;
                    }

                    // Activated within ActivationHours local hours of the first occurrence, and remembered by its local
                    // start: neither summer time nor an owner's change of offset changes the entry's identity, and the
                    // period is the same 6 local hours under every rule (the bound counts local hours). The entry is kept
                    // until UTC reaches the local end plus the largest offset west of UTC, so no offset drops it early.
                    return Activate(c, c.StartHour, c.EndHour + MaxHoursWestOfUtc, localHour, nowHour);

                case CredentialType.RevokeAll:
                    if (c.StartHour <= _revokedBeforeHour) return AccessResult.Revoked;
                    if (nowHour < c.StartHour) return AccessResult.NotYetValid;
                    if (nowHour >= c.EndHour) return AccessResult.Expired;
                    LittleEndian.PutLong(_record, 0, c.StartHour);
                    if (!_store.Save(AccessRecord.Revocation, _record, 8)) return AccessResult.StoreFailed;
                    _revokedBeforeHour = c.StartHour;
                    ForgetRevoked(nowHour, c.StartHour);
                    _store.Save(AccessRecord.ActivatedCodes, _record, _activated.Write(_record));
                    return AccessResult.RevokeApplied;

                default:
                    return AccessResult.WrongCode;
            }
        }

        // Drops activations that surely started before the revocation: weekly entries are keyed by local hours, up to
        // MaxHoursWestOfUtc below UTC, so only keys that far below count. The rest are refused as Revoked anyway
        // (the check precedes the table) and leave the table when they expire.
        private void ForgetRevoked(long nowHour, long revokedBeforeHour)
        {
            _activated.RemoveWhere(nowHour, revokedBeforeHour - MaxHoursWestOfUtc);
        }

        // Window and weekly codes: remembered once first used within the activation period. Start and the clock
        // are on the code's own grid (UTC hours for window codes, local hours for weekly); the end, in UTC hours,
        // is when the entry may be forgotten.
        private AccessResult Activate(Credential c, long start, long forgetAfterUtc, long now, long nowUtc)
        {
            if (_activated.Contains(c.Payload, start))
            {
                return AccessResult.Accepted;
            }

            if (now >= start + _policy.ActivationHours)
            {
                return AccessResult.ActivationExpired;
            }

            if (!_activated.Add(c.Payload, start, forgetAfterUtc, nowUtc))
            {
                return AccessResult.TableFull;
            }

            return Persist(AccessRecord.ActivatedCodes, _activated, c.Payload, start);
        }

        // Saves a table after an addition; if the save fails the entry is dropped from RAM too, so RAM never
        // claims what flash does not hold, and the verdict is a refusal.
        private AccessResult Persist(AccessRecord record, ExpiringSet set, uint payload, long startHour)
        {
            if (_store.Save(record, _record, set.Write(_record)))
            {
                return AccessResult.Accepted;
            }

            set.Remove(payload, startHour);
            return AccessResult.StoreFailed;
        }

        // The verdict on an entry already charged to the throttle: an opening gets its token back.
        private AccessResult Charged(AccessResult result, long nowMs, uint data)
        {
            Log(EventFor(result), nowMs, data);
            if (result == AccessResult.Accepted || result == AccessResult.RevokeApplied)
            {
                _throttle.Refund(nowMs);
            }
            else if (_throttle.IsLockedOut(nowMs))
            {
                Log(EventType.LockoutStarted, nowMs, (uint)(_throttle.LockedUntilMs(nowMs) / LockTime.MsPerSecond));
            }

            return result;
        }

        // The verdict on an entry refused before any secret was consulted.
        private AccessResult Finish(AccessResult result, long nowMs, uint data)
        {
            if (_rejections != null)
            {
                _rejections.Append(EventFor(result), nowMs, data);
            }

            if (result != AccessResult.Accepted && result != AccessResult.RevokeApplied && result != AccessResult.LockedOut && result != AccessResult.Unprovisioned)
            {
                CountFailure(nowMs);
            }

            return result;
        }

        private void CountFailure(long nowMs)
        {
            bool wasOpen = !_throttle.IsLockedOut(nowMs);
            _throttle.RecordFailure(nowMs);
            if (wasOpen && _throttle.IsLockedOut(nowMs))
            {
                Log(EventType.LockoutStarted, nowMs, (uint)(_throttle.LockedUntilMs(nowMs) / LockTime.MsPerSecond));
            }
        }

        private void Log(EventType type, long nowMs, uint data)
        {
            if (_log != null)
            {
                _log.Append(type, nowMs, data);
            }
        }

        public static EventType EventFor(AccessResult result)
        {
            switch (result)
            {
                case AccessResult.Accepted: return EventType.CodeAccepted;
                case AccessResult.RevokeApplied: return EventType.RevokeAllApplied;
                case AccessResult.NotDigits:
                case AccessResult.TooShort:
                case AccessResult.TooLong: return EventType.CodeRejectedFormat;
                case AccessResult.WrongCode: return EventType.CodeRejectedTag;
                case AccessResult.NotYetValid: return EventType.CodeRejectedNotYetValid;
                case AccessResult.Expired: return EventType.CodeRejectedExpired;
                case AccessResult.Replayed: return EventType.CodeRejectedReplayed;
                case AccessResult.Revoked: return EventType.CodeRejectedRevoked;
                case AccessResult.ActivationExpired: return EventType.CodeRejectedNotActivated;
                case AccessResult.OutsideSchedule: return EventType.CodeRejectedOutsideSchedule;
                case AccessResult.ClockUnknown: return EventType.CodeRejectedClockUnknown;
                case AccessResult.LockedOut: return EventType.CodeRejectedLockedOut;
                case AccessResult.Unprovisioned: return EventType.CodeRejectedUnprovisioned;
                case AccessResult.StoreFailed: return EventType.CodeRejectedStoreFailed;
                default: return EventType.CodeRejectedTableFull;
            }
        }

        public static bool AllDigits(byte[] ascii, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                if (ascii[i] < '0' || ascii[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
