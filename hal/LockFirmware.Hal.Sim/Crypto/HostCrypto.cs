using System;
using System.Security.Cryptography;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Hal.Sim.Crypto
{
    /// <summary>The crypto ports over .NET's System.Security.Cryptography. Counts calls for benchmarks.</summary>
    public sealed class HostCrypto : ICryptoPrimitives, IRandomSource
    {
        private Aes _aes;
        private byte[] _aesKey;

        /// <summary>HMAC-SHA256 computations so far.</summary>
        public long HmacCalls { get; private set; }

        /// <summary>AES block encryptions so far.</summary>
        public long AesCalls { get; private set; }

        public void HmacSha256(byte[] key, byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            HmacCalls++;
            HMACSHA256.HashData(key, data.AsSpan(offset, count), output.AsSpan(outputOffset, 32));
        }

        public void AesEncryptBlock(byte[] key, byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            if (key.Length != 16)
            {
                throw new ArgumentException("AES-128 needs a 16-byte key", nameof(key));
            }

            AesCalls++;
            // One cipher object per key: creating one per block would dominate the cost (and allocate).
            if (_aesKey == null || !key.AsSpan().SequenceEqual(_aesKey))
            {
                _aes?.Dispose();
                _aes = Aes.Create();
                _aes.Key = key;
                _aesKey = (byte[])key.Clone();
            }

            _aes.EncryptEcb(input.AsSpan(inputOffset, 16), output.AsSpan(outputOffset, 16), PaddingMode.None);
        }

        public void Fill(byte[] buffer, int offset, int count)
        {
            RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
        }
    }
}
