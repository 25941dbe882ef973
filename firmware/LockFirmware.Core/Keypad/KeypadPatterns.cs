namespace LockFirmware.Core.Keypad
{
    /// <summary>
    /// The keypad's LED and buzzer patterns as data: pairs of (outputs, milliseconds), outputs a bit set of
    /// <see cref="Led"/> and <see cref="Buzzer"/>, like the lock's FeedbackPatterns. One distinct rhythm per
    /// verdict, so a courier who cannot see the LED in sunlight still hears which one it is (docs/keypad.md).
    /// </summary>
    public static class KeypadPatterns
    {
        public const int Led = 1;
        public const int Buzzer = 2;

        public static readonly int[] Click = { Led | Buzzer, 30 };
        public static readonly int[] Cleared = { Led | Buzzer, 30, 0, 60, Led | Buzzer, 30 };
        public static readonly int[] Waiting = { Led, 100, 0, 400 };
        public static readonly int[] Accepted = { Led | Buzzer, 600, Led, 1400 };
        public static readonly int[] WrongCode = { Led | Buzzer, 150, 0, 150, Led | Buzzer, 150, 0, 150, Led | Buzzer, 150 };
        public static readonly int[] Expired = { Led | Buzzer, 500, 0, 200, Led | Buzzer, 150 };
        public static readonly int[] LockedOut = { Led | Buzzer, 1500, 0, 200, Led, 100, 0, 100, Led, 100 };
        public static readonly int[] Unreachable = { Led, 100, 0, 100, Led, 100, 0, 100, Led, 100, 0, 100, Led, 100, 0, 100, Led | Buzzer, 800 };
        public static readonly int[] LockProblem = { Buzzer, 100, Led, 100, Buzzer, 100, Led, 100, Buzzer, 100, Led, 100 };
        public static readonly int[] Paired = { Led | Buzzer, 100, Led, 100, Led | Buzzer, 100, Led, 1000 };
        public static readonly int[] PairingFailed = { Led | Buzzer, 1000, 0, 300, Led | Buzzer, 1000 };
        public static readonly int[] Pairing = { Led, 250, 0, 250 };

        public static int[] For(KeypadVerdict verdict)
        {
            switch (verdict)
            {
                case KeypadVerdict.Accepted: return Accepted;
                case KeypadVerdict.WrongCode: return WrongCode;
                case KeypadVerdict.Expired: return Expired;
                case KeypadVerdict.LockedOut: return LockedOut;
                case KeypadVerdict.Unreachable: return Unreachable;
                case KeypadVerdict.LockProblem: return LockProblem;
                case KeypadVerdict.Paired: return Paired;
                case KeypadVerdict.PairingFailed: return PairingFailed;
                case KeypadVerdict.Pairing: return Pairing;
                default: return null;
            }
        }
    }
}
