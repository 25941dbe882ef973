using System.Collections;
using LockFirmware.Core.Storage;

namespace LockFirmware.Core.Tests.Fakes
{
    /// <summary>An event log in RAM for tests: records every append, can be told to fail.</summary>
    public sealed class MemoryEventLog : IEventLog
    {
        private readonly ArrayList _types = new ArrayList();
        private readonly ArrayList _data = new ArrayList();

        public bool Fail;

        /// <summary>Called before each append: lets a test look at durable state at the moment an event is logged.</summary>
        public System.Action Appending;

        public int Count
        {
            get { return _types.Count; }
        }

        public bool Append(EventType type, long nowMs, uint data)
        {
            if (Appending != null)
            {
                Appending();
            }

            if (Fail)
            {
                return false;
            }

            _types.Add(type);
            _data.Add(data);
            return true;
        }

        public EventType TypeAt(int i)
        {
            return (EventType)_types[i];
        }

        public uint DataAt(int i)
        {
            return (uint)_data[i];
        }

        public EventType Last
        {
            get { return _types.Count == 0 ? EventType.None : (EventType)_types[_types.Count - 1]; }
        }

        public bool Contains(EventType type)
        {
            return _types.Contains(type);
        }

        public int CountOf(EventType type)
        {
            int n = 0;
            foreach (object t in _types)
            {
                if ((EventType)t == type)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
