// Contract of nanoFramework.Runtime.Events 1.11.37 (tag v1.11.37), only the members the firmware uses.
// Source order: nanoFramework.Runtime.Events/BaseEvent.cs.
using System.Reflection;

[assembly: AssemblyVersion("1.11.37.0")]

namespace nanoFramework.Runtime.Events
{
    // BaseEvent.cs
    public class BaseEvent
    {
        public ushort Source;
        public byte Message;
    }
}
