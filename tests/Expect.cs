using System;

namespace LockFirmware.Tests
{
    /// <summary>
    /// What the test dialect needs beyond what MSTest and nanoFramework.TestFramework 3.0.77 share:
    /// that version has no Assert.Fail, and the two spell expected exceptions differently.
    /// </summary>
    public static class Expect
    {
        /// <summary>Fails the test with <paramref name="message"/>.</summary>
        public static void Fail(string message)
        {
            Assert.IsTrue(false, message);
        }

        /// <summary>Fails unless <paramref name="action"/> throws an exception of exactly <paramref name="type"/>.</summary>
        public static void Throws(Type type, Action action)
        {
            bool threw = false;
            try
            {
                action();
            }
            catch (Exception e)
            {
                threw = true;
                if (e.GetType() != type)
                {
                    Fail("expected " + type.Name + " but got " + e.GetType().Name + ": " + e.Message);
                }
            }

            if (!threw)
            {
                Fail("expected " + type.Name + " but nothing was thrown");
            }
        }

        /// <summary>Fails unless the two byte arrays are equal, naming the first differing index.</summary>
        public static void Bytes(byte[] expected, byte[] actual)
        {
            Bytes(expected, actual, "bytes");
        }

        /// <summary>Fails unless the two byte arrays are equal; the message starts with what they are.</summary>
        public static void Bytes(byte[] expected, byte[] actual, string what)
        {
            Assert.IsNotNull(actual, what + ": null");
            Assert.AreEqual(expected.Length, actual.Length, what + ": length");
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    Fail(what + " differ at index " + i.ToString());
                }
            }
        }
    }
}
