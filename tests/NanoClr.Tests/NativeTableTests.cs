using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockFirmware.VirtualEsp32;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace LockFirmware.NanoClr.Tests
{
    /// <summary>
    /// Every library .pe we load next to nf-interpreter's native table for it, method by method: the CLR checks only
    /// the checksum and then calls natives by index (docs/nanoframework.md, "Native method tables").
    /// </summary>
    [TestClass]
    public class NativeTableTests
    {
        private static string KitDll(string name) => Path.Combine(VirtualEsp32Host.KitDirectory, "bin", "libs", name + ".dll");

        [TestMethod]
        public void EveryLibraryWeLoadMatchesItsNativeTableMethodByMethod()
        {
            var host = NanoRun.Host();
            if (!Directory.Exists(host.NfInterpreterDirectory)) Assert.Inconclusive("no nf-interpreter source at " + host.NfInterpreterDirectory);
            var tables = NativeTables.Read(host.NfInterpreterDirectory);
            var problems = new List<string>();
            int checkedLibraries = 0;
            foreach (string pe in Directory.GetFiles(Path.Combine(host.PeDirectory, "libs"), "*.pe"))
            {
                string name = Path.GetFileNameWithoutExtension(pe);
                if (!tables.TryGetValue(name, out var variants)) continue;
                // A library may have several tables (posix stubs, ESP32); one must agree entirely.
                var best = variants.Select(t => NativeTables.Mismatches(KitDll(name), pe, t)).OrderBy(p => p.Count).First();
                problems.AddRange(best.Take(3));
                checkedLibraries++;
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
            Assert.IsTrue(checkedLibraries >= 8, "libraries with a native table: " + checkedLibraries);
        }

        [TestMethod]
        public void TheKitsOwnCryptographyPeWouldRunTheWrongNatives()
        {
            var host = NanoRun.Host();
            if (!Directory.Exists(host.NfInterpreterDirectory)) Assert.Inconclusive("no nf-interpreter source at " + host.NfInterpreterDirectory);
            const string name = "nanoFramework.System.Security.Cryptography";
            var table = NativeTables.Read(host.NfInterpreterDirectory)[name].Single();
            var kitPe = Path.Combine(VirtualEsp32Host.KitDirectory, "bin", "libs", name + ".pe");
            var problems = NativeTables.Mismatches(KitDll(name), kitPe, table);
            Assert.IsTrue(problems.Any(p => p.Contains("Aes::EncryptAesEcb") && p.Contains("DecryptAesEcb")), string.Join("\n", problems));
        }
    }
}
