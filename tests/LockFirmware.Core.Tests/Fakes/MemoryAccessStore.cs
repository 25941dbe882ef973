using System;
using LockFirmware.Core.Access;

namespace LockFirmware.Core.Tests.Fakes
{
    /// <summary>
    /// The access store in RAM, surviving "reboots" (new verifiers over the same store). It can refuse the
    /// k-th save (a flash failure: nothing written, false returned) to test every durable step.
    /// </summary>
    public sealed class MemoryAccessStore : IAccessStore
    {
        private readonly byte[][] _records = new byte[8][];

        /// <summary>Saves so far.</summary>
        public int Saves;

        /// <summary>The save (0-based, counting from now on) that fails; -1 for none.</summary>
        public int FailAt = -1;

        public int Load(AccessRecord record, byte[] buffer)
        {
            byte[] r = _records[(int)record];
            if (r == null)
            {
                return -1;
            }

            Array.Copy(r, buffer, r.Length);
            return r.Length;
        }

        public bool Save(AccessRecord record, byte[] data, int length)
        {
            int n = Saves++;
            if (n == FailAt)
            {
                return false;
            }

            byte[] copy = new byte[length];
            Array.Copy(data, copy, length);
            _records[(int)record] = copy;
            return true;
        }

        public byte[] Raw(AccessRecord record)
        {
            return _records[(int)record];
        }
    }
}
