using System;
using LockFirmware.Core.Access;
using LockFirmware.Core.Lock;
using LockFirmware.Core.Protocol;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Clock;
using LockFirmware.Hal.Sim.Crypto;
using LockFirmware.Hal.Sim.Flash;
using LockFirmware.Hal.Sim.Lock;

namespace LockFirmware.Core.Tests.Host.Protocol
{
    /// <summary>A lock on simulated hardware and admin clients talking to it through LockCore's admin channel.</summary>
    public sealed class AdminRig
    {
        public readonly SimNorFlash Flash = new SimNorFlash(FlashLayout.SectorSize, FlashLayout.SectorCount);
        public readonly SimLockHardware Hw = new SimLockHardware();
        public readonly HostCrypto Crypto = new HostCrypto();
        public readonly SimClock Clock = new SimClock(1795615200000L);
        public LockCore Core;

        public AdminRig()
        {
            Boot();
        }

        public static readonly byte[] InstallerKey = Convert.FromHexString("11111111111111111111111111111111");
        public static readonly byte[] OwnerKey = Convert.FromHexString("22222222222222222222222222222222");

        public long Now => Clock.NowMs;

        /// <summary>A lock provisioned through a setup session (secret of AccessFixture, installer and owner keys above); the setup window still open.</summary>
        public static AdminRig Provisioned(out byte[] secret)
        {
            var rig = new AdminRig();
            rig.OpenSetupWindow();
            var s = rig.Connect(AdminRole.Setup, rig.Core.SetupKey);
            Assert.IsTrue(s.Open, "setup session: " + s.HandshakeResult);
            secret = new Tests.Access.AccessFixture().Secret;
            Assert.AreEqual((byte)AdminStatus.Ok, s.Call(AdminCommand.ProvisionSecret, secret)[1]);
            Assert.AreEqual((byte)AdminStatus.Ok, s.Call(AdminCommand.SetRoleKey, Cat(new byte[] { 1 }, InstallerKey))[1]);
            Assert.AreEqual((byte)AdminStatus.Ok, s.Call(AdminCommand.SetRoleKey, Cat(new byte[] { 2 }, OwnerKey))[1]);
            return rig;
        }

        public static byte[] Cat(byte[] a, byte[] b)
        {
            byte[] c = new byte[a.Length + b.Length];
            a.CopyTo(c, 0);
            b.CopyTo(c, a.Length);
            return c;
        }

        public void Boot()
        {
            Core = new LockCore(Flash, Hw.Ports, Crypto, Crypto, Clock, AccessPolicy.Default(), new LockConfig());
            Core.Boot(Now);
        }

        public void OpenSetupWindow()
        {
            Hw.Button.IsActive = true;
            Core.OnInputChanged(Now);
            Advance(new LockConfig().LongPressMs + 100);
            Hw.Button.IsActive = false;
            Core.OnInputChanged(Now);
            Advance(100);
        }

        public void Advance(long ms)
        {
            long now = Now;
            VirtualTime.Run(Hw.Bolt, ref now, Now + ms, Core.Tick(Now), t => { Clock.NowMs = t; return Core.Tick(t); }, Core.OnInputChanged);
            Clock.NowMs = now;
        }

        public Session Connect(AdminRole role, byte[] key) => new Session(this, role, key);

        public sealed class Session
        {
            private readonly AdminRig _rig;
            public readonly AdminClient Client;
            public readonly int HandshakeResult;
            public byte[] LastSent;

            public Session(AdminRig rig, AdminRole role, byte[] key)
            {
                _rig = rig;
                Client = new AdminClient(rig.Crypto, rig.Crypto, role, key);
                byte[] m = new byte[64];
                int n = Client.Hello(m);
                int r = rig.Core.AdminMessage(m, 0, n, rig.Now);
                byte[] reply = rig.Core.Admin.Reply[..r];
                n = Client.Answer(reply, reply.Length, m);
                if (n < 0) { HandshakeResult = n; return; }
                r = rig.Core.AdminMessage(m, 0, n, rig.Now);
                byte[] plain = new byte[1024];
                HandshakeResult = Client.Open(rig.Core.Admin.Reply, r, plain);
            }

            public bool Open => HandshakeResult > 0;

            /// <summary>Sends a command; returns the response (command|0x80, status, data) or a one-byte array with the negative status.</summary>
            public byte[] Call(AdminCommand command, params byte[] args)
            {
                byte[] request = new byte[1 + args.Length];
                request[0] = (byte)command;
                Array.Copy(args, 0, request, 1, args.Length);
                byte[] m = new byte[1100];
                int n = Client.Seal(request, request.Length, m);
                LastSent = m[..n];
                return Deliver(LastSent);
            }

            public byte[] Deliver(byte[] message)
            {
                int r = _rig.Core.AdminMessage(message, 0, message.Length, _rig.Now);
                byte[] plain = new byte[1100];
                int p = Client.Open(_rig.Core.Admin.Reply, r, plain);
                return p < 0 ? new[] { (byte)(-p) } : plain[..p];
            }
        }
    }
}
