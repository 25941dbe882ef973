using System.Linq;
using LockFirmware.VirtualEsp32;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace LockFirmware.NanoClr.Tests
{
    /// <summary>How launcher output is read, on recorded lines: no CLR needed.</summary>
    [TestClass]
    public class JudgementTests
    {
        [TestMethod]
        public void AFailedLineWinsOverPassedOnesOfTheSameMethodAndKeepsItsMessage()
        {
            var results = NanoTestResults.Parse(new[]
            {
                "Test passed,A.B.Rows.0,120",
                "Test failed,A.B.Rows.1,Assert.AreEqual failed. Expected:<1>. Actual:<2>.",
                "Test passed,A.B.Other.0,5",
                "Test skipped,A.B.Later.0,not on this board",
            });
            Assert.AreEqual("failed", results["A.B.Rows"].Outcome);
            Assert.AreEqual("Assert.AreEqual failed. Expected:<1>. Actual:<2>.", results["A.B.Rows"].Messages.Single());
            Assert.AreEqual("passed", results["A.B.Other"].Outcome);
            Assert.AreEqual("skipped", results["A.B.Later"].Outcome);
        }

        [TestMethod]
        public void LoadFailuresAndChecksumMismatchesAreErrorsWhateverTheExitCode()
        {
            var output = new NanoClrOutput();
            output.Lines.AddRange(new[]
            {
                "Assembly: NFUnitTest (0.1.0.0) needs assembly 'LockFirmware.Hal.Esp32' (0.1.0.0)",
                "Error: a3000000",
                "* Invalid native checksum: nanoFramework.System.Security.Cryptography 0x1A1CC3FD!=0x00000000 *",
                "Exiting.",
            });
            Assert.AreEqual(3, output.ErrorLines().Count);
            Assert.IsFalse(output.Ready);
        }
    }
}
