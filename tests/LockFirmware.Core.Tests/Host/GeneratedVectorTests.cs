using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace LockFirmware.Core.Tests.Host
{
    /// <summary>
    /// The portable tests (which also run on the nanoCLR, where there is no file system) read the vector files as
    /// generated C# (Vectors/*.g.cs). These tests regenerate that C# from the JSON and fail if the committed file
    /// differs, so the data the device tests use is exactly the published vectors. LOCKFW_WRITE_VECTORS=1 rewrites
    /// the generated files.
    /// </summary>
    [TestClass]
    public class GeneratedVectorTests
    {
        [TestMethod]
        public void WycheproofHmacSha256MatchesItsJson()
        {
            Check("WycheproofHmacSha256", RepoFiles.Wycheproof("hmac_sha256_test.json"), HmacBlob);
        }

        [TestMethod]
        public void WycheproofAesCcm128MatchesItsJson()
        {
            Check("WycheproofAesCcm128", RepoFiles.Wycheproof("aes_ccm_test.json"), CcmBlob);
        }

        [TestMethod]
        public void AccessCodeVectorsMatchTheirJson()
        {
            CheckAccessCodes();
        }

        /// <summary>Also called by the golden-vector writer right after it rewrites the JSON.</summary>
        internal static void CheckAccessCodes()
        {
            Compare("AccessCodeVectors", AccessCodeSource(RepoFiles.InRepo("docs/vectors/access-codes.json")));
        }

        private delegate int BlobWriter(JsonElement root, List<byte> blob);

        private static void Check(string name, string jsonPath, BlobWriter writer)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(jsonPath));
            var blob = new List<byte>();
            int count = writer(doc.RootElement, blob);
            var text = new StringBuilder();
            Header(text, "../shared/vectors/wycheproof/" + Path.GetFileName(jsonPath), string.Empty);
            text.Append("    public static class ").Append(name).Append("\n    {\n");
            text.Append("        public const int Count = ").Append(count).Append(";\n\n");
            text.Append("        public static readonly byte[] Data = new byte[]\n        {\n");
            for (int i = 0; i < blob.Count; i += 24)
            {
                text.Append("           ");
                for (int j = i; j < Math.Min(i + 24, blob.Count); j++)
                {
                    text.Append(" 0x").Append(blob[j].ToString("x2")).Append(',');
                }

                text.Append('\n');
            }

            text.Append("        };\n    }\n}\n");
            Compare(name, text.ToString());
        }

        // Per case: tcId, valid, tag bytes of the group, key, msg, tag.
        private static int HmacBlob(JsonElement root, List<byte> blob)
        {
            int count = 0;
            foreach (JsonElement group in root.GetProperty("testGroups").EnumerateArray())
            {
                int tagBytes = group.GetProperty("tagSize").GetInt32() / 8;
                foreach (JsonElement t in group.GetProperty("tests").EnumerateArray())
                {
                    Head(blob, t, tagBytes);
                    Field(blob, t, "key");
                    Field(blob, t, "msg");
                    Field(blob, t, "tag");
                    count++;
                }
            }

            return count;
        }

        // AES-128 cases only (the lock uses nothing else). Per case: tcId, valid, tag bytes, key, iv, aad, msg, ct, tag.
        private static int CcmBlob(JsonElement root, List<byte> blob)
        {
            int count = 0;
            foreach (JsonElement group in root.GetProperty("testGroups").EnumerateArray())
            {
                if (group.GetProperty("keySize").GetInt32() != 128)
                {
                    continue;
                }

                int tagBytes = group.GetProperty("tagSize").GetInt32() / 8;
                foreach (JsonElement t in group.GetProperty("tests").EnumerateArray())
                {
                    Head(blob, t, tagBytes);
                    foreach (string field in new[] { "key", "iv", "aad", "msg", "ct", "tag" })
                    {
                        Field(blob, t, field);
                    }

                    count++;
                }
            }

            return count;
        }

        private static void Head(List<byte> blob, JsonElement t, int tagBytes)
        {
            int id = t.GetProperty("tcId").GetInt32();
            blob.Add((byte)(id >> 8));
            blob.Add((byte)id);
            blob.Add(t.GetProperty("result").GetString() == "valid" ? (byte)1 : (byte)0);
            blob.Add((byte)tagBytes);
        }

        private static void Field(List<byte> blob, JsonElement t, string name)
        {
            byte[] bytes = Convert.FromHexString(t.GetProperty(name).GetString());
            blob.Add((byte)(bytes.Length >> 8));
            blob.Add((byte)bytes.Length);
            blob.AddRange(bytes);
        }

        private static string AccessCodeSource(string jsonPath)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(jsonPath));
            JsonElement root = doc.RootElement;
            var text = new StringBuilder();
            Header(text, "docs/vectors/access-codes.json", "using LockFirmware.Core.Access;\n\n");
            text.Append("    public static class AccessCodeVectors\n    {\n");
            text.Append("        public static readonly byte[] Secret = new byte[] { ");
            foreach (byte b in Convert.FromHexString(root.GetProperty("secretHex").GetString()))
            {
                text.Append("0x").Append(b.ToString("x2")).Append(", ");
            }

            text.Append("};\n\n        public static AccessCodeVector[] Cases()\n        {\n            return new AccessCodeVector[]\n            {\n");
            foreach (JsonElement c in root.GetProperty("cases").EnumerateArray())
            {
                var at = new List<string>();
                var results = new List<string>();
                foreach (JsonElement check in c.GetProperty("checks").EnumerateArray())
                {
                    at.Add(check.GetProperty("atMs").GetInt64() + "L");
                    results.Add("AccessResult." + check.GetProperty("result").GetString());
                }

                text.Append("                new AccessCodeVector(\"").Append(c.GetProperty("name").GetString()).Append("\", \"")
                    .Append(c.GetProperty("type").GetString()).Append("\", ").Append(c.GetProperty("startMs").GetInt64()).Append("L, ")
                    .Append(c.GetProperty("hours").GetInt32()).Append(", ").Append(c.GetProperty("index").GetInt32()).Append(", ")
                    .Append(c.GetProperty("weeks").GetInt32()).Append(", ").Append(c.GetProperty("days").GetInt32()).Append(", ")
                    .Append(c.GetProperty("fromHour").GetInt32()).Append(", \"").Append(c.GetProperty("code").GetString()).Append("\",\n")
                    .Append("                    new long[] { ").Append(string.Join(", ", at)).Append(" },\n")
                    .Append("                    new AccessResult[] { ").Append(string.Join(", ", results)).Append(" }),\n");
            }

            text.Append("            };\n        }\n    }\n}\n");
            return text.ToString();
        }

        private static void Header(StringBuilder text, string source, string usings)
        {
            text.Append("// <auto-generated>\n// From ").Append(source)
                .Append(" by tests/LockFirmware.Core.Tests/Host/GeneratedVectorTests.cs; regenerate with LOCKFW_WRITE_VECTORS=1 dotnet test.\n// </auto-generated>\n");
            text.Append(usings).Append("namespace LockFirmware.Core.Tests.Vectors\n{\n");
        }

        private static void Compare(string name, string generated)
        {
            string path = RepoFiles.InRepo("tests/LockFirmware.Core.Tests/Vectors/" + name + ".g.cs");
            if (Environment.GetEnvironmentVariable("LOCKFW_WRITE_VECTORS") == "1")
            {
                File.WriteAllText(path, generated);
            }

            Assert.IsTrue(File.Exists(path), path + " missing: run LOCKFW_WRITE_VECTORS=1 dotnet test");
            Assert.AreEqual(generated, File.ReadAllText(path), name + ".g.cs is stale: run LOCKFW_WRITE_VECTORS=1 dotnet test and review the diff");
        }
    }
}
