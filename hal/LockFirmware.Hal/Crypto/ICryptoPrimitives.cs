namespace LockFirmware.Hal.Crypto
{
    /// <summary>
    /// The two primitives the lock's hardware or runtime provides: HMAC-SHA256 and one AES-128 block.
    /// Everything built on them (HKDF, CCM, code tags) lives once in Core. On the ESP32 these map onto
    /// nanoFramework's HMACSHA256 and Aes (ECB); on the host onto System.Security.Cryptography.
    /// </summary>
    public interface ICryptoPrimitives
    {
        /// <summary>
        /// HMAC-SHA256 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>
        /// under <paramref name="key"/>; writes 32 bytes into <paramref name="output"/> at <paramref name="outputOffset"/>.
        /// </summary>
        void HmacSha256(byte[] key, byte[] data, int offset, int count, byte[] output, int outputOffset);

        /// <summary>
        /// Encrypts one 16-byte block with AES-128 (<paramref name="key"/> is 16 bytes): reads
        /// <paramref name="input"/> at <paramref name="inputOffset"/>, writes <paramref name="output"/> at <paramref name="outputOffset"/>.
        /// Input and output may be the same buffer.
        /// </summary>
        void AesEncryptBlock(byte[] key, byte[] input, int inputOffset, byte[] output, int outputOffset);
    }
}
