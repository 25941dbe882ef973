// Contract of nanoFramework.System.IO.FileSystem 1.1.93 (tag v1.1.93), assembly System.IO.FileSystem.
// Only the members the firmware uses (the file-backed flash region), in source order.
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.1.93.0")]

namespace System.IO
{
    // File.cs
    public static class File
    {
        public static void Delete(string path) { throw new NotSupportedException(); }
        public static bool Exists(string path) { throw new NotSupportedException(); }
    }

    // FileAccess.cs
    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    // FileMode.cs
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    // FileStream.cs
    public class FileStream : Stream
    {
        public override bool CanRead { get { throw new NotSupportedException(); } }
        public override bool CanSeek { get { throw new NotSupportedException(); } }
        public override bool CanWrite { get { throw new NotSupportedException(); } }
        public override long Length { get { throw new NotSupportedException(); } }
        public override long Position { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public FileStream(string path, FileMode mode, FileAccess access) { throw new NotSupportedException(); }
        public override void Flush() { throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public override int Read(SpanByte buffer) { throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
        public override void SetLength(long value) { throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
    }
}
