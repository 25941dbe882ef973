using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LockFirmware.VirtualEsp32
{
    /// <summary>One nano test method's outcome, from the stock UnitTestLauncher's lines.</summary>
    public sealed class NanoTestResult
    {
        public string Outcome { get; set; }   // passed, failed, skipped
        public List<string> Messages { get; } = new List<string>();
    }

    /// <summary>
    /// nanoFramework.TestFramework's UnitTestLauncher (3.0.77) prints one line per method and attribute:
    /// "Test passed,&lt;Namespace.Class.Method&gt;.&lt;i&gt;,&lt;ticks&gt;", "Test failed,&lt;...&gt;.&lt;i&gt;,&lt;message&gt;",
    /// "Test skipped,&lt;...&gt;.&lt;i&gt;,&lt;message&gt;". Results are kept per method (a failed line wins).
    /// </summary>
    public static class NanoTestResults
    {
        public static Dictionary<string, NanoTestResult> Parse(IEnumerable<string> lines)
        {
            var results = new Dictionary<string, NanoTestResult>(StringComparer.Ordinal);
            foreach (string line in lines)
            {
                string outcome = line.StartsWith("Test passed,", StringComparison.Ordinal) ? "passed"
                    : line.StartsWith("Test failed,", StringComparison.Ordinal) ? "failed"
                    : line.StartsWith("Test skipped,", StringComparison.Ordinal) ? "skipped" : null;
                if (outcome == null) continue;
                string rest = line.Substring(line.IndexOf(',') + 1);
                int comma = rest.IndexOf(',');
                string id = comma < 0 ? rest : rest.Substring(0, comma);
                string message = comma < 0 ? "" : rest.Substring(comma + 1);
                int dot = id.LastIndexOf('.');
                string method = dot > 0 ? id.Substring(0, dot) : id; // strip the attribute index
                if (!results.TryGetValue(method, out var result)) results[method] = result = new NanoTestResult { Outcome = outcome };
                if (outcome == "failed" || (outcome == "skipped" && result.Outcome == "passed")) result.Outcome = outcome;
                if (outcome != "passed") result.Messages.Add(message);
            }

            return results;
        }

        /// <summary>
        /// The test methods the launcher must report, read from the test assembly's metadata: every method with
        /// [TestMethod] or [DataRow] in a class with [TestClass], as "Namespace.Class.Method".
        /// </summary>
        public static List<string> Expected(string testAssembly)
        {
            var names = new List<string>();
            using var pe = new PEReader(File.OpenRead(testAssembly));
            var md = pe.GetMetadataReader();
            foreach (var typeHandle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(typeHandle);
                if (!HasAttribute(md, type.GetCustomAttributes(), "TestClassAttribute")) continue;
                string typeName = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(methodHandle);
                    var attributes = method.GetCustomAttributes();
                    if (HasAttribute(md, attributes, "TestMethodAttribute") || HasAttribute(md, attributes, "DataRowAttribute"))
                        names.Add(typeName + "." + md.GetString(method.Name));
                }
            }

            return names;
        }

        private static bool HasAttribute(MetadataReader md, CustomAttributeHandleCollection attributes, string name)
        {
            foreach (var handle in attributes)
            {
                var ctor = md.GetCustomAttribute(handle).Constructor;
                StringHandle typeName = default;
                if (ctor.Kind == HandleKind.MemberReference)
                {
                    var parent = md.GetMemberReference((MemberReferenceHandle)ctor).Parent;
                    if (parent.Kind == HandleKind.TypeReference) typeName = md.GetTypeReference((TypeReferenceHandle)parent).Name;
                }
                else if (ctor.Kind == HandleKind.MethodDefinition)
                {
                    typeName = md.GetTypeDefinition(md.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType()).Name;
                }

                if (!typeName.IsNil && md.GetString(typeName) == name) return true;
            }

            return false;
        }
    }
}
