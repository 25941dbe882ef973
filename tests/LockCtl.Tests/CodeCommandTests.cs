using System.IO;

namespace LockFirmware.LockCtl.Tests
{
    [TestClass]
    public class CodeCommandTests
    {
        [TestMethod]
        public void IssuesTheGoldenCourierCode()
        {
            string secret = CliRunner.SecretFile();
            var r = CliRunner.Run("code", "issue", "--secret-file", secret, "--type", "one-time", "--start", "2026-11-25T14:00Z", "--hours", "2");
            Assert.AreEqual(0, r.Code, r.Err);
            Assert.AreEqual("8381268929", r.Out.Trim()); // docs/vectors/access-codes.json, "courier 2 h"
        }

        [TestMethod]
        public void InspectExplainsAndJudgesAtATime()
        {
            string secret = CliRunner.SecretFile();
            var ok = CliRunner.Run("code", "inspect", "8381268929", "--secret-file", secret, "--at", "2026-11-25T14:30Z");
            Assert.AreEqual(0, ok.Code);
            StringAssert.Contains(ok.Out, "OneTime");
            StringAssert.Contains(ok.Out, "2026-11-25T16:00Z");
            var late = CliRunner.Run("code", "inspect", "8381268929", "--secret-file", secret, "--at", "2026-11-25T18:00Z");
            Assert.AreEqual(1, late.Code);
            StringAssert.Contains(late.Out, "Expired");
            var wrong = CliRunner.Run("code", "inspect", "3003707771", "--secret-file", secret);
            Assert.AreEqual(1, wrong.Code);
            StringAssert.Contains(wrong.Out, "not a code of this lock");
        }

        [TestMethod]
        public void BadSecretFilesAndParametersGiveOneLineErrors()
        {
            string shortSecret = CliRunner.SecretFile("abcd");
            string notHex = CliRunner.SecretFile(new string('z', 64));
            var cases = new[]
            {
                new[] { "code", "issue", "--secret-file", "/nonexistent/secret", "--type", "one-time", "--start", "2026-11-25T14:00Z", "--hours", "2" },
                new[] { "code", "issue", "--secret-file", shortSecret, "--type", "one-time", "--start", "2026-11-25T14:00Z", "--hours", "2" },
                new[] { "code", "issue", "--secret-file", notHex, "--type", "one-time", "--start", "2026-11-25T14:00Z", "--hours", "2" },
                new[] { "code", "issue", "--secret-file", CliRunner.SecretFile(), "--type", "one-time", "--start", "yesterday", "--hours", "2" },
                new[] { "code", "issue", "--secret-file", CliRunner.SecretFile(), "--type", "one-time", "--start", "2026-11-25T14:30Z", "--hours", "2" },
                new[] { "code", "issue", "--secret-file", CliRunner.SecretFile(), "--type", "forever", "--start", "2026-11-25T14:00Z" },
                new[] { "code", "issue", "--secret-file", CliRunner.SecretFile(), "--type", "one-time", "--start", "2026-11-25T14:00Z", "--hours" },
                new[] { "code", "inspect", "12ab", "--secret-file", CliRunner.SecretFile() },
            };
            foreach (string[] args in cases)
            {
                var r = CliRunner.Run(args);
                Assert.AreEqual(2, r.Code, string.Join(" ", args) + " -> " + r.Out + r.Err);
                StringAssert.StartsWith(r.Err, "lockctl: ");
                Assert.AreEqual(1, r.Err.Trim().Split('\n').Length, "one line: " + r.Err);
            }
        }

        [TestMethod]
        public void SecurityPrintsABoundBelowOneInAMillion()
        {
            var r = CliRunner.Run("security");
            Assert.AreEqual(0, r.Code);
            StringAssert.Contains(r.Out, "P(open within a year) <=");
            StringAssert.Contains(r.Out, "met");
            foreach (string rule in new[] { "none", "eu", "us" })
            {
                StringAssert.Contains(r.Out, "--dst " + rule, "the bound names every supported time-zone rule (issue 15, item 7)");
            }
        }
    }
}
