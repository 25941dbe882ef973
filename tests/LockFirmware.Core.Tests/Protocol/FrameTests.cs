using LockFirmware.Core.Protocol;
using LockFirmware.Tests;

namespace LockFirmware.Core.Tests.Protocol
{
    [TestClass]
    public class FrameTests
    {
        private static byte[] Message(int length)
        {
            byte[] m = new byte[length];
            for (int i = 0; i < length; i++)
            {
                m[i] = (byte)(i * 31 + 7);
            }

            return m;
        }

        [TestMethod]
        public void EveryLengthRoundTripsAtTheSmallestAndLargestPayload()
        {
            int[] payloads = new int[] { Fragments.MinPayload, 23, 100, Fragments.MaxPayload };
            byte[] fragment = new byte[Fragments.MaxPayload];
            var writer = new FrameWriter();
            var assembler = new FrameAssembler();
            foreach (int payload in payloads)
            {
                for (int length = 1; length <= Fragments.MaxMessage; length += 37)
                {
                    byte[] m = Message(length);
                    Assert.IsTrue(writer.Begin(m, length, payload));
                    int done = 0, n;
                    while ((n = writer.Next(fragment)) > 0)
                    {
                        Assert.IsTrue(n <= payload);
                        int r = assembler.Push(fragment, 0, n);
                        Assert.IsTrue(r >= 0);
                        if (r > 0) done = r;
                    }

                    Assert.AreEqual(length, done);
                    for (int i = 0; i < length; i++)
                    {
                        if (assembler.Message[i] != m[i]) Expect.Fail("byte " + i.ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void OutOfOrderMissingAndOverlongFragmentsAreRefused()
        {
            var a = new FrameAssembler();
            // A continuation with no start.
            Assert.AreEqual(-(int)FrameError.NoStart, a.Push(new byte[] { 0x01, 1, 2 }, 0, 3));
            // Start of a 30-byte message, then fragment index 2 instead of 1.
            byte[] first = new byte[20];
            first[0] = Fragments.First;
            first[1] = 30;
            Assert.AreEqual(0, a.Push(first, 0, 20));
            Assert.AreEqual(-(int)FrameError.OutOfOrder, a.Push(new byte[] { 0x02, 1 }, 0, 2));
            // Last fragment arrives short.
            Assert.AreEqual(0, a.Push(first, 0, 20));
            Assert.AreEqual(-(int)FrameError.Truncated, a.Push(new byte[] { (byte)(Fragments.Last | 1), 1, 2 }, 0, 3));
            // More bytes than announced.
            Assert.AreEqual(0, a.Push(first, 0, 20));
            Assert.AreEqual(-(int)FrameError.Overrun, a.Push(new byte[20] { 0x41, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0, 20));
            // Announced length too big, zero, and a fragment bigger than any BLE payload.
            Assert.AreEqual(-(int)FrameError.BadLength, a.Push(new byte[] { 0xC0, 0xFF, 0xFF, 1 }, 0, 4));
            Assert.AreEqual(-(int)FrameError.BadLength, a.Push(new byte[] { 0xC0, 0, 0 }, 0, 3));
            Assert.AreEqual(-(int)FrameError.BadSize, a.Push(new byte[300], 0, 300));
            Assert.AreEqual(-(int)FrameError.BadSize, a.Push(null, 0, 0));
        }

        [TestMethod]
        public void WriterRefusesWhatCannotBeFramed()
        {
            var w = new FrameWriter();
            Assert.IsFalse(w.Begin(new byte[10], 0, 20));
            Assert.IsFalse(w.Begin(new byte[2000], 2000, 20));
            Assert.IsFalse(w.Begin(new byte[10], 10, 19));
            Assert.IsFalse(w.Begin(new byte[10], 10, 245));
            Assert.AreEqual(0, w.Next(new byte[20]));
        }
    }
}
