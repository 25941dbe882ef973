using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LockFirmware.WebInstaller.Tests
{
    /// <summary>
    /// tools/WebInstaller/test/*.test.mjs under node's test runner, one MSTest result per node test: the protocol
    /// (docs/vectors/ble-session.json, AES-CCM, fragments), every command's bytes and the command table, and the
    /// page's event words against docs/vectors/event-words.json (Core's EventWords).
    /// </summary>
    [TestClass]
    public class NodeTests
    {
        private static readonly Regex TestName = new Regex(@"^test\('((?:[^'\\]|\\.)*)'", RegexOptions.Multiline);

        public static IEnumerable<object[]> Tests()
        {
            foreach (string file in Directory.GetFiles(Path.Combine(NodeRunner.Page, "test"), "*.test.mjs").OrderBy(f => f))
            {
                foreach (Match m in TestName.Matches(File.ReadAllText(file)))
                {
                    yield return new object[] { Path.GetFileName(file), Regex.Unescape(m.Groups[1].Value.Replace("\\'", "'")) };
                }
            }
        }

        public static string Display(System.Reflection.MethodInfo method, object[] data) => $"{data[0]}: {data[1]}";

        [TestMethod]
        [DynamicData(nameof(Tests), DynamicDataDisplayName = nameof(Display))]
        public void NodeTestPasses(string file, string name)
        {
            string pattern = "^" + Regex.Escape(name) + "$";
            var (code, output) = NodeRunner.Run(120_000, new string[0], "--test", "--test-reporter=tap", "--test-name-pattern", pattern, $"test/{file}");
            Assert.AreEqual(0, code, $"node --test test/{file} '{name}' failed:\n{output}");
            StringAssert.Contains(output, "# pass 1\n", $"exactly this test ran:\n{output}");
            StringAssert.Contains(output, "# fail 0");
        }

        [TestMethod]
        public void EveryNodeTestFileIsFound()
        {
            var files = Tests().Select(t => (string)t[0]).Distinct().ToList();
            CollectionAssert.AreEquivalent(new[] { "commands.test.mjs", "events.test.mjs", "protocol.test.mjs" }, files);
            Assert.IsTrue(Tests().Count() >= 15, "the node tests are all listed");
        }
    }
}
