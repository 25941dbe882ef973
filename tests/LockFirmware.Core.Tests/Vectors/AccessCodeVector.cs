using LockFirmware.Core.Access;

namespace LockFirmware.Core.Tests.Vectors
{
    /// <summary>One case of docs/vectors/access-codes.json: how the code was issued, its digits, and the verdicts
    /// of one fresh lock at the check times, in order.</summary>
    public sealed class AccessCodeVector
    {
        public readonly string Name;
        public readonly string Type;
        public readonly long StartMs;
        public readonly int Hours;
        public readonly int Index;
        public readonly int Weeks;
        public readonly int Days;
        public readonly int FromHour;
        public readonly string Code;
        public readonly long[] AtMs;
        public readonly AccessResult[] Results;

        public AccessCodeVector(string name, string type, long startMs, int hours, int index, int weeks, int days, int fromHour,
            string code, long[] atMs, AccessResult[] results)
        {
            Name = name;
            Type = type;
            StartMs = startMs;
            Hours = hours;
            Index = index;
            Weeks = weeks;
            Days = days;
            FromHour = fromHour;
            Code = code;
            AtMs = atMs;
            Results = results;
        }
    }
}
