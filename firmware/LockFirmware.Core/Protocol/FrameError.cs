namespace LockFirmware.Core.Protocol
{
    /// <summary>Why a fragment was refused (negated in <see cref="FrameAssembler.Push"/>'s result; logged as FrameRejected data).</summary>
    public enum FrameError : byte
    {
        None = 0,
        BadSize = 1,
        BadLength = 2,
        NoStart = 3,
        OutOfOrder = 4,
        Overrun = 5,
        Truncated = 6,
    }
}
