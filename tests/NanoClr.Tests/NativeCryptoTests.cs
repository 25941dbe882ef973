using System;
using System.Linq;
using LockFirmware.VirtualEsp32;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace LockFirmware.NanoClr.Tests
{
    /// <summary>The host's natives under the real nanoFramework.System.Security.Cryptography (tools/VirtualEsp32/CryptoSmoke).</summary>
    [TestClass]
    public class NativeCryptoTests
    {
        [TestMethod]
        public void HmacSha256AndAesEcbMatchPublishedVectors()
        {
            var host = NanoRun.Host();
            var output = NanoClrProcess.Run(host.Runner, host.LoadList("CryptoSmoke"), o => o.Done, TimeSpan.FromMinutes(1));
            var lines = output.Lines.Where(l => l.StartsWith("smoke:", StringComparison.Ordinal)).ToList();
            Assert.AreEqual(0, output.ErrorLines().Count, string.Join("\n", output.ErrorLines()));
            Assert.IsTrue(lines.Contains("smoke: end"), "no end marker:\n" + output.Tail(15));
            Assert.AreEqual(2, lines.Count(l => l.StartsWith("smoke: ok ", StringComparison.Ordinal)), string.Join("\n", lines));
        }
    }
}
