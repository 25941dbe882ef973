using System;
using System.IO;

namespace LockFirmware.LockCtl.Tests
{
    [TestClass]
    public class HelpTests
    {
        [TestMethod]
        public void UnknownCommandIsAnErrorNamingIt()
        {
            var err = new StringWriter();
            var old = Console.Error;
            Console.SetError(err);
            try
            {
                Assert.AreEqual(2, Program.Main(new[] { "frobnicate" }));
            }
            finally
            {
                Console.SetError(old);
            }

            StringAssert.Contains(err.ToString(), "frobnicate");
        }

        [TestMethod]
        public void HelpExitsZeroAndListsCommands()
        {
            var output = new StringWriter();
            var old = Console.Out;
            Console.SetOut(output);
            try
            {
                Assert.AreEqual(0, Program.Main(new[] { "--help" }));
            }
            finally
            {
                Console.SetOut(old);
            }

            StringAssert.Contains(output.ToString(), "code issue");
        }
    }
}
