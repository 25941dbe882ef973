using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using LockFirmware.Core.Access;
using LockFirmware.Core.Crypto;
using LockFirmware.Core.Keypad;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Ble;
using LockFirmware.Hal.Sim.Crypto;

namespace LockFirmware.LockCtl.Remote
{
    /// <summary>
    /// A lock reached through --target: `sim://127.0.0.1:PORT` (LockSim's loopback transport) today; `ble://`
    /// arrives with the ESP32 GATT binding. Opens an admin session in a role and runs commands; every failure
    /// becomes a one-line CLI error (unreachable, wrong key, refused).
    /// </summary>
    public sealed class RemoteLock : IDisposable
    {
        private readonly LoopbackClient _link;
        private readonly HostCrypto _crypto = new HostCrypto();
        private AdminClient _session;
        private readonly string _target;

        private RemoteLock(LoopbackClient link, string target)
        {
            _link = link;
            _target = target;
        }

        public static RemoteLock Connect(string target)
        {
            if (string.IsNullOrEmpty(target))
            {
                throw new CliException("--target is required (sim://127.0.0.1:PORT)");
            }

            if (target.StartsWith("ble://", StringComparison.Ordinal))
            {
                throw new CliException("ble:// targets need the ESP32 GATT binding, not built yet; use sim://127.0.0.1:PORT with LockSim");
            }

            const string prefix = "sim://127.0.0.1:";
            if (!target.StartsWith(prefix, StringComparison.Ordinal) || !int.TryParse(target[prefix.Length..], out int port) || port < 1 || port > 65535)
            {
                throw new CliException($"--target '{target}': use sim://127.0.0.1:PORT");
            }

            try
            {
                return new RemoteLock(new LoopbackClient(port), target);
            }
            catch (SocketException)
            {
                throw new CliException($"the lock at {target} is unreachable (is 'locksim serve --port {port}' running?)");
            }
        }

        /// <summary>Authenticates both ends in <paramref name="role"/>.</summary>
        public void Open(AdminRole role, byte[] key)
        {
            _session = new AdminClient(_crypto, _crypto, role, key);
            byte[] m = new byte[64];
            int n = _session.Hello(m);
            byte[] challenge = Exchange(m, n);
            n = _session.Answer(challenge, challenge.Length, m);
            if (n < 0)
            {
                var status = (AdminStatus)(-n);
                throw new CliException(status == AdminStatus.HandshakeFailed
                    ? $"handshake failed: wrong {RoleName(role)} key, or {_target} is not the lock you think"
                    : status == AdminStatus.RoleNotAvailable && role == AdminRole.Setup
                        ? "the lock does not accept its setup key now: hold its inside button 5 s to open the setup window"
                        : $"the lock refused a {RoleName(role)} session: {status}");
            }

            byte[] ready = Exchange(m, n);
            byte[] plain = new byte[ready.Length];
            if (_session.Open(ready, ready.Length, plain) < 0)
            {
                throw new CliException($"handshake failed: the lock did not accept the {RoleName(role)} key");
            }
        }

        /// <summary>Runs a command; returns the response data after the status byte. Throws CliException when refused.</summary>
        public byte[] Call(AdminCommand command, byte[] args = null)
        {
            args ??= Array.Empty<byte>();
            byte[] request = new byte[1 + args.Length];
            request[0] = (byte)command;
            args.CopyTo(request, 1);
            byte[] m = new byte[request.Length + 32];
            int n = _session.Seal(request, request.Length, m);
            byte[] reply = Exchange(m, n);
            byte[] plain = new byte[reply.Length];
            int p = _session.Open(reply, reply.Length, plain);
            if (p < 0)
            {
                throw new CliException($"'{command}': the session ended ({(AdminStatus)(-p)})");
            }

            if (p < 2 || plain[0] != (byte)((byte)command | 0x80))
            {
                throw new CliException($"'{command}': malformed response");
            }

            if (plain[1] != (byte)AdminStatus.Ok)
            {
                throw new CliException($"the lock refused '{command}': {(AdminStatus)plain[1]}");
            }

            return plain.AsSpan(2, p - 2).ToArray();
        }

        /// <summary>In a setup session (or the owner's): stores the lock secret and the installer's and owner's keys.</summary>
        public void Provision(byte[] secret, byte[] installerKey, byte[] ownerKey)
        {
            Call(AdminCommand.ProvisionSecret, secret);
            Call(AdminCommand.SetRoleKey, Concat(new byte[] { (byte)AdminRole.Installer }, installerKey));
            Call(AdminCommand.SetRoleKey, Concat(new byte[] { (byte)AdminRole.Owner }, ownerKey));
        }

        /// <summary>Sets the lock's clock (UTC ms): the owner, or an installer while the clock is lost.</summary>
        public void SetTime(long utcMs) => Call(AdminCommand.SetTime, BitConverter.GetBytes(utcMs));

        /// <summary>Registers keypad <paramref name="id"/> with its 16-byte key (installer or owner).</summary>
        public void AddKeypad(byte id, byte[] keypadKey) => Call(AdminCommand.AddKeypad, Concat(new[] { id }, keypadKey));

        /// <summary>The lock's state as its Status command reports it.</summary>
        public RemoteStatus Status() => new RemoteStatus(Call(AdminCommand.Status));

        /// <summary>Every log record from sequence <paramref name="since"/> on, in as many ReadLog calls as it takes.</summary>
        public List<EventRecord> ReadLog(uint since)
        {
            var records = new List<EventRecord>();
            while (true)
            {
                byte[] r = Call(AdminCommand.ReadLog, Concat(BitConverter.GetBytes(since), new byte[] { AdminCommands.MaxLogRecords }));
                int count = r[0];
                for (int i = 0; i < count; i++)
                {
                    int at = 1 + i * AdminCommands.LogRecordSize;
                    var e = new EventRecord
                    {
                        Sequence = BitConverter.ToUInt32(r, at),
                        TimeSeconds = BitConverter.ToUInt32(r, at + 4),
                        Type = (EventType)r[at + 8],
                        Data = BitConverter.ToUInt32(r, at + 9),
                    };
                    records.Add(e);
                    since = e.Sequence + 1;
                }

                if (count < AdminCommands.MaxLogRecords) return records;
            }
        }

        /// <summary>
        /// Types <paramref name="digits"/> as keypad <paramref name="keypadId"/> (its key and a counter above its last):
        /// sealed and sent on the keypad channel; with <paramref name="wait"/>, returns the lock's verdict, or null when
        /// none came within the keypad's window (unknown keypad or key, lock out of reach).
        /// </summary>
        public AccessResult? Enter(int keypadId, byte[] keypadKey, uint counter, byte[] digits, bool wait)
        {
            var sender = new KeypadSender();
            if (!sender.SendEntry(new AesCcm(_crypto, keypadKey, KeypadFrame.TagSize), keypadId, counter, digits, 0, digits.Length, 0))
            {
                throw new CliException($"--id {keypadId}: a keypad id is 0-255");
            }

            return SendKeypad(sender, wait) == SendState.Replied ? (AccessResult)sender.Reply[0] : null;
        }

        /// <summary>
        /// Sends what the keypad sender has sealed, as a keypad would, and waits for the lock's sealed answer until the
        /// sender's window ends (<paramref name="wait"/> false: returns once it is out, as a keypad without verdicts).
        /// </summary>
        public SendState SendKeypad(KeypadSender sender, bool wait)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                while (true)
                {
                    SendState state = sender.Pump(_link.AsFragmentLink, clock.ElapsedMilliseconds);
                    if (state != SendState.Pending && (!wait || state != SendState.Sent))
                    {
                        return state;
                    }

                    System.Threading.Thread.Sleep(5);
                }
            }
            catch (IOException)
            {
                throw new CliException($"the connection to {_target} dropped");
            }
        }

        private byte[] Exchange(byte[] message, int length)
        {
            try
            {
                _link.Send(LinkEndpoint.AdminChannel, message, length);
                return _link.Receive();
            }
            catch (IOException)
            {
                throw new CliException($"no answer from {_target}");
            }
        }

        internal static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] c = new byte[a.Length + b.Length];
            a.CopyTo(c, 0);
            b.CopyTo(c, a.Length);
            return c;
        }

        public static string RoleName(AdminRole role) => role.ToString().ToLowerInvariant();

        public void Dispose() => _link.Dispose();
    }
}
