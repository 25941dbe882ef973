using System;
using System.Security.Cryptography;

namespace LockFirmware.VirtualEsp32.CryptoSmoke
{
    /// <summary>
    /// Runs the real nanoFramework.System.Security.Cryptography over the host's natives with published vectors.
    /// Prints one "smoke: ok|FAIL <case>" line per case, then "smoke: end" (the nanoCLR's exit code says nothing).
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            try
            {
                // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
                Check("HMACSHA256 RFC 4231 case 2",
                    new HMACSHA256(Bytes("Jefe")).ComputeHash(Bytes("what do ya want for nothing?")),
                    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
            }
            catch (Exception e)
            {
                Console.WriteLine("smoke: FAIL HMACSHA256 " + e.GetType().FullName + " " + e.Message);
            }

            try
            {
                // FIPS-197 appendix C.1: AES-128
                var aes = new Aes(CipherMode.ECB);
                aes.Key = Hex("000102030405060708090a0b0c0d0e0f");
                Check("Aes ECB FIPS-197 C.1",
                    aes.Encrypt(Hex("00112233445566778899aabbccddeeff")),
                    "69c4e0d86a7b0430d8cdb78070b4c55a");
            }
            catch (Exception e)
            {
                Console.WriteLine("smoke: FAIL Aes " + e.GetType().FullName + " " + e.Message);
            }

            Console.WriteLine("smoke: end");
        }

        private static void Check(string name, byte[] actual, string expected)
        {
            string hex = ToHex(actual);
            Console.WriteLine((hex == expected ? "smoke: ok " : "smoke: FAIL ") + name + " " + hex);
        }

        private static byte[] Bytes(string ascii)
        {
            byte[] bytes = new byte[ascii.Length];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)ascii[i];
            return bytes;
        }

        private static byte[] Hex(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)Convert.ToInt32(hex.Substring(2 * i, 2), 16);
            return bytes;
        }

        private static string ToHex(byte[] bytes)
        {
            const string digits = "0123456789abcdef";
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 15];
            }

            return new string(chars);
        }
    }
}
