using System;

namespace LockFirmware.Core.Tests.Vectors
{
    /// <summary>
    /// Reads the vector blobs of the generated files (Vectors/*.g.cs): big-endian lengths, then bytes. The vectors
    /// travel as one byte array per file because the nanoCLR takes byte-array initialisers well, while hundreds of
    /// small arrays or hex strings overflow a .pe's tables (docs/nanoframework.md).
    /// </summary>
    public sealed class VectorReader
    {
        private readonly byte[] _data;
        private int _at;

        public VectorReader(byte[] data)
        {
            _data = data;
        }

        public bool AtEnd
        {
            get { return _at >= _data.Length; }
        }

        public int Byte()
        {
            return _data[_at++];
        }

        public int UInt16()
        {
            int value = (_data[_at] << 8) | _data[_at + 1];
            _at += 2;
            return value;
        }

        /// <summary>A field written as a 16-bit length and its bytes.</summary>
        public byte[] Field()
        {
            int length = UInt16();
            byte[] field = new byte[length];
            Array.Copy(_data, _at, field, 0, length);
            _at += length;
            return field;
        }
    }
}
