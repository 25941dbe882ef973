using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LockFirmware.Core.Tests.Host.Access
{
    /// <summary>
    /// An issuer written from docs/access-codes.md alone (no Core code, only .NET's own HKDF, HMAC and AES), checked
    /// against the golden vectors: if the spec leaves out or misstates anything, a second implementation would
    /// mint other codes and this test says so.
    /// </summary>
    [TestClass]
    public class SpecIssuerTests
    {
        private const long Epoch2025Ms = 1735689600000L;
        private static readonly int[] OneTimeHours = { 1, 2, 4, 8 };
        private static readonly int[] WindowHours = { 12, 24, 48, 72, 168, 336, 720, 2160 };
        private static readonly int[] Weeks = { 4, 13, 26, 52 };
        private static readonly int[] Spans = { 2, 4, 8, 12 };

        [TestMethod]
        public void AnIssuerWrittenFromTheSpecMintsTheGoldenCodes()
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(RepoFiles.InRepo("docs/vectors/access-codes.json")));
            byte[] secret = Convert.FromHexString(doc.RootElement.GetProperty("secretHex").GetString());
            byte[] salt = Encoding.ASCII.GetBytes("LockFirmware access codes v1");
            byte[] tagKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt, Encoding.ASCII.GetBytes("code tag"));
            byte[] permKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 16, salt, Encoding.ASCII.GetBytes("code permutation"));
            int n = 0;
            foreach (JsonElement c in doc.RootElement.GetProperty("cases").EnumerateArray())
            {
                long hour = (c.GetProperty("startMs").GetInt64() - Epoch2025Ms) / 3_600_000L;
                int index = c.GetProperty("index").GetInt32(), hours = c.GetProperty("hours").GetInt32();
                bool longCode = true;
                long payload, anchor, period;
                int cls;
                switch (c.GetProperty("type").GetString())
                {
                    case "one-time":
                        longCode = false; cls = 1; anchor = hour; period = 8192;
                        payload = ((hour % 8192) * 4 + Array.IndexOf(OneTimeHours, hours)) * 16 + index;
                        break;
                    case "window":
                        cls = 2; anchor = hour; period = 8192;
                        payload = ((hour % 8192) * 8 + Array.IndexOf(WindowHours, hours)) * 16 + index;
                        break;
                    case "weekly":
                        long day = hour / 24; // the vectors' lock keeps UTC as local time
                        cls = 3; anchor = day; period = 1024;
                        payload = 1_048_576 + (((((day % 1024) * 4 + Array.IndexOf(Weeks, c.GetProperty("weeks").GetInt32())) * 10
                            + c.GetProperty("days").GetInt32()) * 24 + c.GetProperty("fromHour").GetInt32()) * 4 + Array.IndexOf(Spans, hours)) * 16 + index;
                        break;
                    default:
                        cls = 4; anchor = hour; period = 65536;
                        payload = 63_963_136 + (hour % 65536) * 16 + index;
                        break;
                }

                int digits = longCode ? 12 : 10;
                ulong tags = Pow10(digits) / (longCode ? 65_011_712UL : 524_288UL);
                byte[] m = new byte[11];
                m[0] = 0x4C; m[1] = 0x03; m[2] = (byte)digits;
                BigEndian(m, 3, (uint)payload);
                BigEndian(m, 7, (uint)anchor);
                ulong tag = First8(HMACSHA256.HashData(tagKey, m)) % tags;
                uint tweak = ((uint)cls << 24) | (uint)((anchor / period) & 0xFFFFFF);
                ulong code = Permute((ulong)payload * tags + tag, digits, tweak, permKey);
                Assert.AreEqual(c.GetProperty("code").GetString(), code.ToString().PadLeft(digits, '0'), c.GetProperty("name").GetString());
                n++;
            }

            Console.WriteLine($"spec issuer: {n} golden codes minted from docs/access-codes.md alone");
            Assert.AreEqual(6, n);
        }

        private static ulong Permute(ulong x, int digits, uint tweak, byte[] key)
        {
            using Aes aes = Aes.Create();
            aes.Key = key;
            int u = digits / 2;
            ulong modA = Pow10(u), modB = Pow10(digits - u);
            ulong a = x / modB, b = x % modB;
            for (int r = 0; r < 10; r++)
            {
                if (r % 2 == 0) a = (a + F(aes, digits, r, tweak, b) % modA) % modA;
                else b = (b + F(aes, digits, r, tweak, a) % modB) % modB;
            }

            return a * modB + b;
        }

        private static ulong F(Aes aes, int digits, int round, uint tweak, ulong half)
        {
            byte[] block = new byte[16];
            block[0] = 0x4C; block[1] = 0x46; block[2] = (byte)digits; block[3] = (byte)round;
            BigEndian(block, 4, tweak);
            BigEndian(block, 8, (uint)(half >> 32));
            BigEndian(block, 12, (uint)half);
            return First8(aes.EncryptEcb(block, PaddingMode.None));
        }

        private static void BigEndian(byte[] b, int at, uint v)
        {
            b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v;
        }

        private static ulong First8(byte[] b)
        {
            ulong v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | b[i];
            return v;
        }

        private static ulong Pow10(int n)
        {
            ulong r = 1;
            for (int i = 0; i < n; i++) r *= 10;
            return r;
        }
    }
}
