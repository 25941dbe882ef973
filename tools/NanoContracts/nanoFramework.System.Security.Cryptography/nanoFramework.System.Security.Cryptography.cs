// Contract of nanoFramework.System.Security.Cryptography 1.0.43 (tag v1.0.43).
// Only the members the firmware uses, in the order of the source files (alphabetical) and of their members.
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.0.43.0")]

namespace System.Security.Cryptography
{
    // Aes.cs
    public class Aes
    {
        public CipherMode Mode { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public byte[] Key { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public byte[] IV { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public Aes(CipherMode mode) { throw new NotSupportedException(); }
        public byte[] Encrypt(byte[] data) { throw new NotSupportedException(); }
        public byte[] Decrypt(byte[] data) { throw new NotSupportedException(); }
    }

    // CipherMode.cs
    public enum CipherMode
    {
        None = 0,
        CBC = 1,
        ECB = 2
    }

    // HMACSHA256.cs
    public class HMACSHA256 : IDisposable
    {
        public byte[] Hash { get { throw new NotSupportedException(); } }
        public byte[] Key { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
        public HMACSHA256() { throw new NotSupportedException(); }
        public HMACSHA256(byte[] key) { throw new NotSupportedException(); }
        public byte[] ComputeHash(byte[] buffer) { throw new NotSupportedException(); }
        public static byte[] HashData(byte[] key, byte[] source) { throw new NotSupportedException(); }
        public void Dispose() { throw new NotSupportedException(); }
        protected void Dispose(bool disposing) { throw new NotSupportedException(); }
    }
}
