namespace LockFirmware.Core.Access
{
    /// <summary>
    /// Where the access module keeps what must survive a power cut: small byte records, one per table.
    /// The settings store implements it on flash; tests use an in-memory fake. <see cref="Save"/> returns
    /// true only once the record is durable, and a reader after any cut sees the old record or the new one.
    /// </summary>
    public interface IAccessStore
    {
        /// <summary>Copies the record into <paramref name="buffer"/>; returns its length, or -1 when there is none.</summary>
        int Load(AccessRecord record, byte[] buffer);

        /// <summary>Replaces the record with <paramref name="length"/> bytes of <paramref name="data"/>; true once durable.</summary>
        bool Save(AccessRecord record, byte[] data, int length);
    }
}
