using System.Linq;

namespace LockFirmware.WebInstaller.Tests
{
    /// <summary>tools/WebInstaller/test/*.test.mjs under node's test runner, one MSTest result per file.</summary>
    [TestClass]
    public class NodeTests
    {
        [TestMethod]
        [DataRow("protocol")] // docs/vectors/ble-session.json, AES-CCM, fragments
        [DataRow("commands")] // every command's bytes, refusals in words, the command table of docs/ble-protocol.md
        [DataRow("events")]   // the page's decoder against docs/vectors/event-words.json (Core's EventWords)
        public void NodeTestFilePasses(string name)
        {
            var (code, output) = NodeRunner.Run(120_000, new string[0], "--test", "--test-reporter=tap", $"test/{name}.test.mjs");
            string failures = string.Join("\n", output.Split('\n').Where(l => l.StartsWith("not ok") || l.Contains("error:") || l.Contains("expected") || l.Contains("actual")));
            Assert.AreEqual(0, code, $"node --test test/{name}.test.mjs failed:\n{failures}\n\n{output}");
            StringAssert.Contains(output, "# fail 0");
        }
    }
}
