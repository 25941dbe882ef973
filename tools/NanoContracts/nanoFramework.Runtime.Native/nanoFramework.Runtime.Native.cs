// Contract of nanoFramework.Runtime.Native 1.7.11 (tag v1.7.11), only the members the firmware (and LockBench.Nano) uses.
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.7.11.0")]

namespace nanoFramework.Runtime.Native
{
    // GC.cs
    public static class GC
    {
        public static uint Run(bool compactHeap) { throw new NotSupportedException(); }
    }

    // RTC.cs
    public static class Rtc
    {
        public static bool SetSystemTime(DateTime time) { throw new NotSupportedException(); }
    }
}
