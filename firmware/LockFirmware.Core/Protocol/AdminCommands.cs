using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Common;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Storage;

namespace LockFirmware.Core.Protocol
{
    /// <summary>
    /// The admin commands (docs/ble-protocol.md) executed on the lock: who may do what, argument checks, and the
    /// byte layout of requests and responses. Every executed command is logged (AdminCommand, role and command).
    /// </summary>
    public sealed class AdminCommands : IAdminCommands
    {
        public const int ConfigSize = 16;
        public const int LogRecordSize = 13;
        public const int MaxLogRecords = 70;

        private readonly LockCore _lock;
        private readonly byte[] _args = new byte[64];
        private readonly byte[] _current = new byte[ConfigSize];
        private readonly EventRecord _event = new EventRecord();

        public AdminCommands(LockCore lockCore)
        {
            _lock = lockCore;
        }

        public byte[] RoleKey(AdminRole role, long nowMs)
        {
            if (role == AdminRole.Setup && !_lock.Controller.SetupWindowOpen)
            {
                return null; // the setup key works only while someone inside held the button
            }

            return _lock.ReadKey(KeyOf(role));
        }

        public void SessionOpened(AdminRole role, long nowMs)
        {
            LogOf(role).Append(EventType.AdminSessionOpened, nowMs, (uint)role);
        }

        // The owner's records always go in; anyone else's through a rate-limited log, so commands cannot flush it.
        private IEventLog LogOf(AdminRole role)
        {
            return role == AdminRole.Owner ? (IEventLog)_lock.Log : _lock.AdminRecords;
        }

        public void HandshakeFailed(AdminRole role, long nowMs)
        {
            _lock.Rejections.Append(EventType.AdminSessionFailed, nowMs, (uint)role);
        }

        public int Execute(AdminRole role, byte[] request, int length, byte[] response, long nowMs)
        {
            var command = (AdminCommand)request[0];
            int argLength = length - 1 > _args.Length ? _args.Length : length - 1;
            Array.Copy(request, 1, _args, 0, argLength);
            response[0] = (byte)(request[0] | 0x80);
            response[1] = (byte)AdminStatus.Ok;
            int n = 2;
            AdminStatus status = Run(command, role, argLength, length - 1, response, ref n, nowMs);
            response[1] = (byte)status;
            LogOf(role).Append(EventType.AdminCommand, nowMs, ((uint)role << 16) | ((uint)status << 8) | (uint)command);
            return status == AdminStatus.Ok ? n : 2;
        }

        private AdminStatus Run(AdminCommand command, AdminRole role, int argLength, int fullLength, byte[] r, ref int n, long nowMs)
        {
            bool owner = role == AdminRole.Owner;
            bool staff = role != AdminRole.Setup;
            if (!staff && !_lock.Controller.SetupWindowOpen)
            {
                // The setup key stands for someone inside who held the button: its session lives only as long as
                // the window, however busy it keeps itself.
                return AdminStatus.Denied;
            }

            switch (command)
            {
                case AdminCommand.Info:
                    r[n++] = 1; // protocol version
                    r[n++] = (byte)(_lock.Access.IsProvisioned ? 1 : 0);
                    r[n++] = (byte)_lock.Keypads.Count;
                    r[n++] = (byte)_lock.Access.PinCount;
                    LittleEndian.PutUInt(r, n, _lock.Log.NextSequence);
                    n += 4;
                    return AdminStatus.Ok;

                case AdminCommand.Status:
                    LockController c = _lock.Controller;
                    r[n++] = (byte)c.State;
                    r[n++] = (byte)(c.DoorClosed ? 1 : 0);
                    r[n++] = (byte)(c.LockedOut ? 1 : 0);
                    r[n++] = (byte)(c.TimeUnknown ? 1 : 0);
                    r[n++] = (byte)(c.SetupWindowOpen ? 1 : 0);
                    r[n++] = (byte)c.Motor;
                    LittleEndian.PutLong(r, n, nowMs);
                    n += 8;
                    return AdminStatus.Ok;

                case AdminCommand.SetTime:
                    // Moving the clock back can revive expired codes: the owner only, or an installer setting a lost
                    // clock to no earlier than the durable trusted-time floor. Accepted range: 2025 to 2099.
                    if (!(owner || (staff && _lock.Controller.TimeUnknown))) return AdminStatus.Denied;
                    if (fullLength != 8) return AdminStatus.BadArguments;
                    long t = LittleEndian.GetLong(_args, 0);
                    if (!Common.LockTime.IsSet(t) || t >= Common.LockTime.LatestValidMs) return AdminStatus.BadArguments;
                    if (!owner && t < _lock.TrustedTimeFloorMs) return AdminStatus.Denied;
                    return _lock.SetTime(t, nowMs, owner) ? AdminStatus.Ok : AdminStatus.Failed;

                case AdminCommand.GetConfig:
                    if (!staff) return AdminStatus.Denied;
                    n += _lock.WriteConfig(r, n);
                    return AdminStatus.Ok;

                case AdminCommand.SetConfig:
                    if (!staff) return AdminStatus.Denied;
                    if (fullLength != ConfigSize) return AdminStatus.BadArguments;
                    // The local offset and summer-time rule place weekly schedules in time: changing them moves a
                    // schedule like moving the clock does, so they are the owner's (issue 15, item 2).
                    if (!owner && MovesLocalTime()) return AdminStatus.Denied;
                    if (!_lock.ApplyConfig(_args, 0, true, nowMs)) return AdminStatus.BadArguments;
                    LogOf(role).Append(EventType.ConfigChanged, nowMs, 0);
                    return AdminStatus.Ok;

                case AdminCommand.ProvisionSecret:
                    if (!(owner || (role == AdminRole.Setup && !_lock.Access.IsProvisioned))) return AdminStatus.Denied;
                    if (fullLength != CodeKeys.SecretLength) return AdminStatus.BadArguments;
                    byte[] secret = new byte[CodeKeys.SecretLength];
                    Array.Copy(_args, secret, secret.Length);
                    return _lock.Provision(secret, nowMs) ? AdminStatus.Ok : AdminStatus.Failed;

                case AdminCommand.SetRoleKey:
                    if (fullLength != 17 || _args[0] < (byte)AdminRole.Installer || _args[0] > (byte)AdminRole.Owner) return AdminStatus.BadArguments;
                    if (!(owner || role == AdminRole.Setup)) return AdminStatus.Denied;
                    return _lock.WriteKey(KeyOf((AdminRole)_args[0]), _args, 1) ? AdminStatus.Ok : AdminStatus.Failed;

                case AdminCommand.AddKeypad:
                    if (!staff) return AdminStatus.Denied;
                    if (fullLength != 17) return AdminStatus.BadArguments;
                    byte[] key = new byte[KeypadChannel.KeySize];
                    Array.Copy(_args, 1, key, 0, key.Length);
                    return _lock.Keypads.Register(_args[0], key) ? AdminStatus.Ok : AdminStatus.Failed;

                case AdminCommand.PairKeypad:
                    // Opens a pairing window; the code goes to this session only, the installer types it on the keypad.
                    if (!staff) return AdminStatus.Denied;
                    if (fullLength != 0) return AdminStatus.BadArguments;
                    int paired = _lock.Pairing.Open(nowMs, r, n + 1);
                    if (paired < 0) return AdminStatus.Failed;
                    r[n] = (byte)paired;
                    n += 1 + Keypad.KeypadPairing.CodeDigits;
                    return AdminStatus.Ok;

                case AdminCommand.RemoveKeypad:
                    if (!staff) return AdminStatus.Denied;
                    if (fullLength != 1) return AdminStatus.BadArguments;
                    return _lock.Keypads.Remove(_args[0]) ? AdminStatus.Ok : AdminStatus.Failed;

                case AdminCommand.AddPin:
                    if (!owner) return AdminStatus.Denied;
                    if (fullLength < 2 || _args[0] != fullLength - 1) return AdminStatus.BadArguments;
                    int slot = _lock.Access.AddPin(_args, 1, _args[0]);
                    if (slot < 0) return AdminStatus.BadArguments;
                    r[n++] = (byte)slot;
                    return AdminStatus.Ok;

                case AdminCommand.RemovePin:
                    if (!owner) return AdminStatus.Denied;
                    if (fullLength != 1) return AdminStatus.BadArguments;
                    return _lock.Access.RemovePin(_args[0]) ? AdminStatus.Ok : AdminStatus.Failed;

                case AdminCommand.RevokeAll:
                    if (!owner) return AdminStatus.Denied;
                    return _lock.Access.RevokeStartedBefore(CodeFormat.HourOf(nowMs), nowMs) ? AdminStatus.Ok : AdminStatus.Failed;

                case AdminCommand.ReadLog:
                    if (!staff) return AdminStatus.Denied;
                    if (fullLength != 5) return AdminStatus.BadArguments;
                    uint since = LittleEndian.GetUInt(_args, 0);
                    int max = _args[4] == 0 || _args[4] > MaxLogRecords ? MaxLogRecords : _args[4];
                    int countAt = n++;
                    int count = 0;
                    EventLogCursor cursor = _lock.Log.ReadFrom(since);
                    while (count < max && cursor.Next(_event))
                    {
                        LittleEndian.PutUInt(r, n, _event.Sequence);
                        LittleEndian.PutUInt(r, n + 4, _event.TimeSeconds);
                        r[n + 8] = (byte)_event.Type;
                        LittleEndian.PutUInt(r, n + 9, _event.Data);
                        n += 13;
                        count++;
                    }

                    r[countAt] = (byte)count;
                    return AdminStatus.Ok;

                case AdminCommand.Lock:
                    if (!owner) return AdminStatus.Denied;
                    _lock.Controller.RequestLock(nowMs);
                    return AdminStatus.Ok;

                case AdminCommand.Unlock:
                    if (!owner) return AdminStatus.Denied;
                    return _lock.Controller.RequestUnlock(UnlockReason.OwnerCommand, nowMs) ? AdminStatus.Ok : AdminStatus.Failed;

                case AdminCommand.ClearLockout:
                    // Refilling the throttle is what the security bound counts on: the owner only.
                    if (!owner) return AdminStatus.Denied;
                    _lock.ClearLockout(nowMs);
                    return AdminStatus.Ok;

                case AdminCommand.FactoryReset:
                    if (!(owner || role == AdminRole.Setup)) return AdminStatus.Denied;
                    if (!_lock.Controller.SetupWindowOpen) return AdminStatus.Denied;
                    return _lock.FactoryReset(nowMs) ? AdminStatus.Ok : AdminStatus.Failed;

                default:
                    return AdminStatus.UnknownCommand;
            }
        }

        // True when the requested configuration (in _args) has another local offset or summer-time rule than now.
        private bool MovesLocalTime()
        {
            _lock.WriteConfig(_current, 0);
            return _args[12] != _current[12] || _args[13] != _current[13] || _args[15] != _current[15];
        }

        public static int KeyOf(AdminRole role)
        {
            switch (role)
            {
                case AdminRole.Setup: return SettingKeys.SetupKey;
                case AdminRole.Installer: return SettingKeys.InstallerKey;
                default: return SettingKeys.OwnerKey;
            }
        }
    }
}
