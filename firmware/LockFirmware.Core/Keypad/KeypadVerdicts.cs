using LockFirmware.Core.Access;

namespace LockFirmware.Core.Keypad
{
    /// <summary>The lock's verdict folded into what the keypad shows.</summary>
    public static class KeypadVerdicts
    {
        public static KeypadVerdict For(AccessResult result)
        {
            switch (result)
            {
                case AccessResult.Accepted:
                case AccessResult.RevokeApplied: // the owner's revoke-all code: done (the door stays shut)
                    return KeypadVerdict.Accepted;
                case AccessResult.NotYetValid:
                case AccessResult.Expired:
                case AccessResult.ActivationExpired:
                case AccessResult.OutsideSchedule:
                case AccessResult.Replayed:
                case AccessResult.Revoked:
                    return KeypadVerdict.Expired;
                case AccessResult.LockedOut:
                    return KeypadVerdict.LockedOut;
                case AccessResult.ClockUnknown:
                case AccessResult.Unprovisioned:
                case AccessResult.StoreFailed:
                case AccessResult.TableFull:
                    return KeypadVerdict.LockProblem;
                default:
                    return KeypadVerdict.WrongCode; // NotDigits, TooShort, TooLong, WrongCode, anything newer
            }
        }
    }
}
