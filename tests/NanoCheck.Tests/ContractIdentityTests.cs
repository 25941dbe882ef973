using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace LockFirmware.NanoCheck.Tests
{
    /// <summary>
    /// Each contract must carry the real assembly's identity: name, version (the package version pinned in
    /// Directory.Build.targets, as build number) and nanoFramework's public key token.
    /// </summary>
    [TestClass]
    public class ContractIdentityTests
    {
        private const string NanoFrameworkToken = "c07d481e9758c731";

        [TestMethod]
        public void EveryContractHasTheRealAssemblysNameVersionAndToken()
        {
            string root = RepoRoot();
            string targets = File.ReadAllText(Path.Combine(root, "Directory.Build.targets"));
            string[] folders = Directory.GetDirectories(Path.Combine(root, "tools", "NanoContracts"));
            Assert.IsTrue(folders.Length >= 9, "contracts found: " + folders.Length);
            foreach (string folder in folders)
            {
                string name = Path.GetFileName(folder);
                string dll = Directory.GetFiles(folder, name + ".dll", SearchOption.AllDirectories)
                    .Where(p => p.Contains(Path.DirectorySeparatorChar + "nano1.0" + Path.DirectorySeparatorChar) && p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                    .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
                Assert.IsNotNull(dll, $"{name}: not built (run 'dotnet build' at the root first)");

                using var pe = new PEReader(File.OpenRead(dll));
                MetadataReader md = pe.GetMetadataReader();
                AssemblyDefinition def = md.GetAssemblyDefinition();
                Assert.AreEqual(name, md.GetString(def.Name));

                string package = Regex.Match(File.ReadAllText(Path.Combine(folder, name + ".cs")), @"^// Contract of (\S+) ", RegexOptions.Multiline).Groups[1].Value;
                Match pinned = Regex.Match(targets, $"<PackageReference Update=\"{Regex.Escape(package)}\" Version=\"([0-9.]+)\"");
                Assert.IsTrue(pinned.Success, $"{name}: package '{package}' is not pinned in Directory.Build.targets");
                Assert.AreEqual(new Version(pinned.Groups[1].Value + ".0"), def.Version, $"{name}: assembly version");

                byte[] key = md.GetBlobBytes(def.PublicKey);
                Assert.AreEqual(NanoFrameworkToken, Token(key), $"{name}: public key token");
            }
        }

        [TestMethod]
        public void DeviceCodeReferencesNanoFrameworkAssembliesByTheirStrongNames()
        {
            string root = RepoRoot();
            int checkedRefs = 0;
            foreach (string project in new[] { "firmware/LockFirmware.Device", "firmware/LockFirmware.Keypad", "hal/LockFirmware.Hal.Esp32" })
            {
                string name = Path.GetFileName(project);
                string dll = Directory.GetFiles(Path.Combine(root, project, "bin"), name + ".dll", SearchOption.AllDirectories).FirstOrDefault();
                Assert.IsNotNull(dll, $"{name}: not built (run 'dotnet build' at the root first)");
                using var pe = new PEReader(File.OpenRead(dll));
                MetadataReader md = pe.GetMetadataReader();
                foreach (AssemblyReferenceHandle h in md.AssemblyReferences)
                {
                    AssemblyReference r = md.GetAssemblyReference(h);
                    string reference = md.GetString(r.Name);
                    if (reference.StartsWith("LockFirmware.", StringComparison.Ordinal)) continue;
                    byte[] token = md.GetBlobBytes(r.PublicKeyOrToken);
                    Assert.AreEqual(NanoFrameworkToken, Convert.ToHexString(token).ToLowerInvariant(), $"{name}: reference to {reference}");
                    checkedRefs++;
                }
            }

            Assert.IsTrue(checkedRefs >= 7, "nanoFramework references found: " + checkedRefs);
        }

        /// <summary>The strong-name token: the last 8 bytes of SHA-1(public key), reversed.</summary>
        private static string Token(byte[] publicKey)
        {
            byte[] hash = System.Security.Cryptography.SHA1.HashData(publicKey);
            return Convert.ToHexString(hash.Skip(hash.Length - 8).Reverse().ToArray()).ToLowerInvariant();
        }

        private static string RepoRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "LockFirmware.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            Assert.IsNotNull(dir, "repository root not found above " + AppContext.BaseDirectory);
            return dir;
        }
    }
}
