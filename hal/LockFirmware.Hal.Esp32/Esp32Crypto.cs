using System;
using System.Security.Cryptography;
using LockFirmware.Hal.Crypto;

namespace LockFirmware.Hal.Esp32
{
    /// <summary>
    /// The crypto ports on nanoFramework's System.Security.Cryptography (mbedTLS in the firmware): HMACSHA256 and
    /// Aes in ECB mode for single blocks. Both APIs take and return whole arrays, so a range is copied first.
    /// Array ownership follows the real library 1.0.43: <c>new HMACSHA256(key)</c> keeps the caller's array and its
    /// Dispose clears it (HMACSHA256.cs), so only the static <c>HashData</c> is used, which keeps nothing;
    /// <c>Aes.Key = k</c> keeps a reference to k (Aes.cs), so the Aes object gets a private copy that only this
    /// class writes. Random bytes come from System.Random: on the ESP32 nanoCLR every Random call is esp_random(),
    /// the hardware RNG (nf-interpreter targets/ESP32/_nanoCLR/targetRandom.cpp; seeds are ignored), which is truly
    /// random while the radio runs: the device app starts Bluetooth before anything draws a key.
    /// </summary>
    public sealed class Esp32Crypto : ICryptoPrimitives, IRandomSource
    {
        private readonly Random _random = new Random();
        private readonly byte[] _block = new byte[16];
        private Aes _aes;
        private byte[] _aesKey;

        public void HmacSha256(byte[] key, byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            byte[] input = data;
            if (offset != 0 || count != data.Length)
            {
                input = new byte[count];
                Array.Copy(data, offset, input, 0, count);
            }

            byte[] mac = HMACSHA256.HashData(key, input);
            Array.Copy(mac, 0, output, outputOffset, 32);
        }

        public void AesEncryptBlock(byte[] key, byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            if (_aes == null || !SameKey(key))
            {
                // The Aes object reads its key through the reference it is given: ours, never the caller's.
                _aesKey = new byte[key.Length];
                Array.Copy(key, _aesKey, key.Length);
                _aes = new Aes(CipherMode.ECB);
                _aes.Key = _aesKey;
            }

            Array.Copy(input, inputOffset, _block, 0, 16);
            byte[] result = _aes.Encrypt(_block);
            Array.Copy(result, 0, output, outputOffset, 16);
        }

        public void Fill(byte[] buffer, int offset, int count)
        {
            byte[] bytes = new byte[count];
            _random.NextBytes(bytes);
            Array.Copy(bytes, 0, buffer, offset, count);
        }

        private bool SameKey(byte[] key)
        {
            if (_aesKey.Length != key.Length) return false;
            for (int i = 0; i < key.Length; i++)
            {
                if (_aesKey[i] != key[i]) return false;
            }

            return true;
        }
    }
}
