// Contract of nanoFramework.System.IO.Streams 1.1.96 (tag v1.1.96), assembly System.IO.Streams.
// Only the members the firmware uses (the file-backed flash region), in source order.
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.1.96.0")]

namespace System.IO
{
    // SeekOrigin.cs
    [Serializable]
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }

    // Stream.cs
    [Serializable]
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }
        public abstract bool CanSeek { get; }
        public abstract bool CanWrite { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }
        public virtual void Close() { throw new NotSupportedException(); }
        public void Dispose() { throw new NotSupportedException(); }
        protected virtual void Dispose(bool disposing) { throw new NotSupportedException(); }
        public abstract void Flush();
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract int Read(SpanByte buffer);
        public abstract int Read(byte[] buffer, int offset, int count);
        public abstract void Write(byte[] buffer, int offset, int count);
    }
}
