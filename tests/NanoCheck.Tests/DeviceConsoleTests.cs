using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LockFirmware.NanoCheck.Tests
{
    /// <summary>
    /// The setup key reaches the factory only through the serial console. nanoFramework's Debug.WriteLine is
    /// [Conditional("DEBUG")] (mscorlib 1.17.11), so a call to it vanishes from the Release image that
    /// tools/deploy flashes. The device app must print the key with a call that no configuration removes.
    /// </summary>
    [TestClass]
    public class DeviceConsoleTests
    {
        [TestMethod]
        public void TheSetupKeyIsPrintedByACallThatSurvivesARelease()
        {
            string dll = Built("firmware/LockFirmware.Device", "LockFirmware.Device");
            using var pe = new PEReader(File.OpenRead(dll));
            MetadataReader md = pe.GetMetadataReader();
            string printer = null;
            foreach (MethodDefinitionHandle h in md.MethodDefinitions)
            {
                MethodDefinition method = md.GetMethodDefinition(h);
                if (method.RelativeVirtualAddress == 0) continue;
                byte[] il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes();
                if (!Strings(md, il).Any(s => s.Contains("setup key", StringComparison.Ordinal))) continue;
                printer = Calls(md, il).FirstOrDefault(c => c == "System.Console.WriteLine" || c == "System.Diagnostics.Debug.WriteLine");
                Assert.AreEqual("System.Console.WriteLine", printer, "the method that formats the setup key prints it with " + (printer ?? "nothing"));
            }

            Assert.IsNotNull(printer, "no method of the device app formats a 'setup key' line");
            Assert.IsFalse(IsConditional("System", "Console", "WriteLine"), "mscorlib's Console.WriteLine is [Conditional]: it would vanish from a Release build");
            Assert.IsTrue(IsConditional("System.Diagnostics", "Debug", "WriteLine"), "mscorlib's Debug.WriteLine is expected to be [Conditional(\"DEBUG\")] (why Console is used)");
        }

        /// <summary>The strings loaded by ldstr (0x72, token 0x70xxxxxx) in a method body.</summary>
        private static string[] Strings(MetadataReader md, byte[] il)
        {
            return Tokens(il, 0x72, 0x70).Select(t => md.GetUserString(MetadataTokens.UserStringHandle(t & 0xFFFFFF))).ToArray();
        }

        /// <summary>"Namespace.Type.Method" of each call (0x28) to a member reference (token 0x0Axxxxxx).</summary>
        private static string[] Calls(MetadataReader md, byte[] il)
        {
            return Tokens(il, 0x28, 0x0A).Select(t =>
            {
                MemberReference m = md.GetMemberReference(MetadataTokens.MemberReferenceHandle(t & 0xFFFFFF));
                if (m.Parent.Kind != HandleKind.TypeReference) return md.GetString(m.Name);
                TypeReference type = md.GetTypeReference((TypeReferenceHandle)m.Parent);
                return md.GetString(type.Namespace) + "." + md.GetString(type.Name) + "." + md.GetString(m.Name);
            }).ToArray();
        }

        // A byte scan for opcode + 4-byte token of one table; a stray match would need a valid token of that table
        // at exactly that place, and the assertions then name what they found.
        private static int[] Tokens(byte[] il, byte opcode, byte table)
        {
            return Enumerable.Range(0, Math.Max(0, il.Length - 4))
                .Where(i => il[i] == opcode && il[i + 4] == table)
                .Select(i => BitConverter.ToInt32(il, i + 1))
                .ToArray();
        }

        /// <summary>Whether every overload of the method in nanoFramework's mscorlib carries [Conditional].</summary>
        private static bool IsConditional(string ns, string typeName, string methodName)
        {
            string mscorlib = typeof(DeviceConsoleTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "NanoMscorlib").Value;
            using var pe = new PEReader(File.OpenRead(mscorlib));
            MetadataReader md = pe.GetMetadataReader();
            TypeDefinition type = md.TypeDefinitions.Select(md.GetTypeDefinition)
                .Single(t => md.GetString(t.Namespace) == ns && md.GetString(t.Name) == typeName);
            var overloads = type.GetMethods().Select(md.GetMethodDefinition).Where(m => md.GetString(m.Name) == methodName).ToArray();
            Assert.IsTrue(overloads.Length > 0, ns + "." + typeName + "." + methodName + " not found in " + mscorlib);
            return overloads.All(m => m.GetCustomAttributes().Select(md.GetCustomAttribute).Any(a => AttributeName(md, a) == "ConditionalAttribute"));
        }

        private static string AttributeName(MetadataReader md, CustomAttribute a)
        {
            if (a.Constructor.Kind == HandleKind.MethodDefinition)
            {
                MethodDefinition ctor = md.GetMethodDefinition((MethodDefinitionHandle)a.Constructor);
                return md.GetString(md.GetTypeDefinition(ctor.GetDeclaringType()).Name);
            }

            MemberReference r = md.GetMemberReference((MemberReferenceHandle)a.Constructor);
            return r.Parent.Kind == HandleKind.TypeReference ? md.GetString(md.GetTypeReference((TypeReferenceHandle)r.Parent).Name) : string.Empty;
        }

        private static string Built(string project, string name)
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "LockFirmware.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            Assert.IsNotNull(dir, "repository root not found");
            string dll = Directory.GetFiles(Path.Combine(dir, project, "bin"), name + ".dll", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
            Assert.IsNotNull(dll, name + ": not built (run 'dotnet build' at the root first)");
            return dll;
        }
    }
}
