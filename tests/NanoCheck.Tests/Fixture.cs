using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LockFirmware.NanoCheck.Tests
{
    /// <summary>Compiles a fixture source to an assembly image, against nanoFramework's mscorlib or the host's references.</summary>
    internal static class Fixture
    {
        public static string NanoMscorlibPath => typeof(Fixture).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NanoMscorlib").Value;

        /// <summary>Compiled as the nano1.0 flavor compiles: nanoFramework mscorlib only.</summary>
        public static byte[] Nano(string source, bool allowUnsafe = false)
        {
            var refs = new[] { MetadataReference.CreateFromFile(NanoMscorlibPath) };
            return Compile(source, refs, allowUnsafe);
        }

        /// <summary>Compiled against the host framework: what a careless project reference would bring in.</summary>
        public static byte[] Host(string source)
        {
            string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES");
            var refs = tpa.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll" || Path.GetFileName(p) == "mscorlib.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
            return Compile(source, refs, false);
        }

        private static byte[] Compile(string source, IEnumerable<MetadataReference> refs, bool allowUnsafe)
        {
            var compilation = CSharpCompilation.Create(
                "Fixture",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
                refs,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: allowUnsafe));
            using var ms = new MemoryStream();
            var result = compilation.Emit(ms);
            if (!result.Success)
            {
                throw new InvalidOperationException("fixture does not compile: " +
                    string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            return ms.ToArray();
        }
    }
}
