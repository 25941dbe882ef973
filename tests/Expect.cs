using System;

namespace LockFirmware.Tests
{
    /// <summary>Helpers both test frameworks lack in the same shape.</summary>
    public static class Expect
    {
        /// <summary>Fails unless <paramref name="action"/> throws an exception of exactly <paramref name="type"/>.</summary>
        public static void Throws(Type type, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() != type)
                {
                    Assert.Fail("expected " + type.Name + " but got " + e.GetType().Name + ": " + e.Message);
                }

                return;
            }

            Assert.Fail("expected " + type.Name + " but nothing was thrown");
        }

        /// <summary>Fails unless the two byte ranges are equal, naming the first differing index.</summary>
        public static void Bytes(byte[] expected, byte[] actual)
        {
            Assert.IsNotNull(actual);
            Assert.AreEqual(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    Assert.Fail("bytes differ at index " + i.ToString());
                }
            }
        }
    }
}
