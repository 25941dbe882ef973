using System;
using System.Collections.Generic;

namespace LockFirmware.NanoCheck
{
    /// <summary>What the checker accepts beyond the built-in rules.</summary>
    public sealed class CheckOptions
    {
        /// <summary>Assembly names that may be referenced besides mscorlib and the project's own LockFirmware.* assemblies.</summary>
        public ISet<string> AllowedAssemblies { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The mscorlib version every nano1.0 assembly must reference (nanoFramework.CoreLibrary 1.17.11).</summary>
        public Version MscorlibVersion { get; set; } = new Version(1, 17, 11, 0);

        /// <summary>Prefix of the project's own assemblies, allowed as references (they are checked themselves).</summary>
        public string OwnAssemblyPrefix { get; set; } = "LockFirmware.";
    }
}
