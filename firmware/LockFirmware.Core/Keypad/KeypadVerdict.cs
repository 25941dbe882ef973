using LockFirmware.Core.Access;

namespace LockFirmware.Core.Keypad
{
    /// <summary>
    /// What the keypad tells the person at the door, from the lock's verdict (docs/keypad.md). The lock sends the
    /// full <see cref="AccessResult"/>; the keypad folds it into the few things a courier can act on.
    /// </summary>
    public enum KeypadVerdict : byte
    {
        None = 0,
        Accepted = 1,
        WrongCode = 2,

        /// <summary>Not valid now: expired, not yet valid, outside its schedule, used up or revoked.</summary>
        Expired = 3,

        LockedOut = 4,

        /// <summary>No verdict within the reply window: the lock is out of range, asleep too long, or refused the keypad.</summary>
        Unreachable = 5,

        /// <summary>The lock cannot judge codes now (clock lost, no secret, flash failure): call the owner.</summary>
        LockProblem = 6,

        Paired = 7,
        PairingFailed = 8,

        /// <summary>Pairing mode: waiting for the pairing code (a repeating pattern).</summary>
        Pairing = 9,
    }
}
