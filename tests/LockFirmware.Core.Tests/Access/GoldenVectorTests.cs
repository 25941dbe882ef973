using LockFirmware.Core.Access;
using LockFirmware.Core.Tests.Crypto;
using LockFirmware.Core.Tests.Fakes;
using LockFirmware.Core.Tests.Vectors;

namespace LockFirmware.Core.Tests.Access
{
    /// <summary>
    /// docs/vectors/access-codes.json (as Vectors/AccessCodeVectors.g.cs): the issuer mints each golden code and a
    /// fresh lock gives each recorded verdict, on the host and on the nanoCLR with the device's crypto adapter.
    /// </summary>
    [TestClass]
    public class GoldenVectorTests
    {
        [TestMethod]
        public void IssuerAndVerifierAgreeWithTheGoldenVectors()
        {
            var issuer = new CodeIssuer(AccessPolicy.Default(), TestCrypto.Create(), Secret());
            int verdicts = 0;
            AccessCodeVector[] cases = AccessCodeVectors.Cases();
            foreach (AccessCodeVector c in cases)
            {
                Assert.AreEqual(c.Code, Issue(issuer, c), c.Name + ": issuer");
                var verifier = new AccessVerifier(AccessPolicy.Default(), TestCrypto.Create(), new MemoryAccessStore(), new MemoryEventLog());
                verifier.Provision(Secret());
                byte[] ascii = AccessFixture.Ascii(c.Code);
                for (int i = 0; i < c.AtMs.Length; i++)
                {
                    AccessResult result = verifier.Verify(ascii, 0, ascii.Length, c.AtMs[i]);
                    Assert.AreEqual((int)c.Results[i], (int)result, c.Name + ": verdict " + i + " (AccessResult numbers)");
                    verdicts++;
                }
            }

            Assert.AreEqual(6, cases.Length);
            System.Console.WriteLine("golden vectors: " + cases.Length + " codes, " + verdicts + " verdicts");
        }

        /// <summary>A fresh copy each time: nothing a primitive does to a key array can leak into the next case.</summary>
        private static byte[] Secret()
        {
            byte[] secret = new byte[AccessCodeVectors.Secret.Length];
            System.Array.Copy(AccessCodeVectors.Secret, secret, secret.Length);
            return secret;
        }

        private static string Issue(CodeIssuer issuer, AccessCodeVector c)
        {
            switch (c.Type)
            {
                case "one-time": return issuer.OneTime(c.StartMs, c.Hours, c.Index);
                case "window": return issuer.Window(c.StartMs, c.Hours, c.Index);
                case "weekly": return issuer.Weekly(c.StartMs, c.Weeks, c.Days, c.FromHour, c.Hours, c.Index);
                default: return issuer.RevokeAll(c.StartMs, c.Index);
            }
        }
    }
}
