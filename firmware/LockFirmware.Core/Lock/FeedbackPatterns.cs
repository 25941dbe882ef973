namespace LockFirmware.Core.Lock
{
    /// <summary>
    /// The patterns as data: pairs of (outputs, milliseconds), outputs a bit set of <see cref="Led"/> and
    /// <see cref="Buzzer"/>. Static tables: playing one allocates nothing.
    /// </summary>
    public static class FeedbackPatterns
    {
        public const int Led = 1;
        public const int Buzzer = 2;

        public static readonly int[] Accepted = { Led | Buzzer, 100, Led, 1400 };
        public static readonly int[] Rejected = { Led | Buzzer, 150, 0, 150, Led | Buzzer, 150, 0, 150, Led | Buzzer, 150 };
        public static readonly int[] Lockout = { Led | Buzzer, 1000, 0, 200, Led, 100, 0, 100, Led, 100 };
        public static readonly int[] Jammed = { Led | Buzzer, 300, 0, 300, Led | Buzzer, 300, 0, 300, Led | Buzzer, 300, 0, 300, Led | Buzzer, 1500 };
        public static readonly int[] SetupWindow = { Led, 500, 0, 500 };
        public static readonly int[] LowBattery = { Buzzer, 50, 0, 100, Buzzer, 50 };

        public static int[] For(Feedback feedback)
        {
            switch (feedback)
            {
                case Feedback.Accepted: return Accepted;
                case Feedback.Rejected: return Rejected;
                case Feedback.Lockout: return Lockout;
                case Feedback.Jammed: return Jammed;
                case Feedback.SetupWindow: return SetupWindow;
                case Feedback.LowBattery: return LowBattery;
                default: return null;
            }
        }
    }
}
