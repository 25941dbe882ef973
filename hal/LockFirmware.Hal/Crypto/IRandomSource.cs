namespace LockFirmware.Hal.Crypto
{
    /// <summary>Cryptographically strong random bytes (the ESP32's hardware RNG; the OS RNG on the host).</summary>
    public interface IRandomSource
    {
        /// <summary>Fills <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        void Fill(byte[] buffer, int offset, int count);
    }
}
