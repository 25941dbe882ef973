using System;
using LockFirmware.Core.Access;

namespace LockFirmware.LockCtl.Access
{
    /// <summary>A throwaway RAM store: lets `code inspect` ask what a freshly provisioned lock would answer.</summary>
    internal sealed class ScratchAccessStore : IAccessStore
    {
        private readonly byte[][] _records = new byte[8][];

        public int Load(AccessRecord record, byte[] buffer)
        {
            byte[] r = _records[(int)record];
            if (r == null) return -1;
            Array.Copy(r, buffer, r.Length);
            return r.Length;
        }

        public bool Save(AccessRecord record, byte[] data, int length)
        {
            _records[(int)record] = data.AsSpan(0, length).ToArray();
            return true;
        }
    }
}
