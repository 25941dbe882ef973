namespace LockFirmware.NanoCheck
{
    /// <summary>One thing in an assembly that the nanoFramework CLR cannot run, and why.</summary>
    public sealed record Violation(string Where, string Reason)
    {
        public override string ToString() => $"{Where}: {Reason}";
    }
}
