using System;
using LockFirmware.Core.Lock;
using LockFirmware.Hal.Lock;

namespace LockFirmware.LockCtl.Remote
{
    /// <summary>The reply to the Status command (docs/ble-protocol.md): what the lock says about itself.</summary>
    public sealed class RemoteStatus
    {
        public RemoteStatus(byte[] s)
        {
            State = (LockState)s[0];
            DoorClosed = s[1] == 1;
            LockedOut = s[2] == 1;
            ClockUnknown = s[3] == 1;
            SetupWindowOpen = s[4] == 1;
            Motor = (MotorDrive)s[5];
            NowMs = BitConverter.ToInt64(s, 6);
        }

        public LockState State { get; }
        public bool DoorClosed { get; }
        public bool LockedOut { get; }
        public bool ClockUnknown { get; }
        public bool SetupWindowOpen { get; }
        public MotorDrive Motor { get; }

        /// <summary>The lock's clock (UTC ms) when it answered.</summary>
        public long NowMs { get; }
    }
}
