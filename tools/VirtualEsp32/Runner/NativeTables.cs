using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LockFirmware.VirtualEsp32
{
    /// <summary>
    /// Checks that a library's .pe and nf-interpreter's native method table agree method by method. The CLR
    /// matches them by name and checksum only, then calls natives by method index: a .pe whose methods are shifted
    /// (the kit's builds put Microsoft.CodeAnalysis.EmbeddedAttribute first) runs the wrong native with no error.
    /// </summary>
    public static class NativeTables
    {
        /// <summary>Native tables found in the nf-interpreter source: assembly name -> entries (function name or "NULL").</summary>
        public static Dictionary<string, List<string[]>> Read(string nfInterpreter)
        {
            var tables = new Dictionary<string, List<string[]>>();
            foreach (string dir in new[] { "src", "targets" })
            {
                foreach (string file in Directory.EnumerateFiles(Path.Combine(nfInterpreter, dir), "*.cpp", SearchOption.AllDirectories))
                {
                    string text = File.ReadAllText(file);
                    Match table = Regex.Match(text, @"method_lookup\[\]\s*=\s*\{(.*?)\};", RegexOptions.Singleline);
                    Match name = Regex.Match(text, @"CLR_RT_NativeAssemblyData\s+g_CLR_AssemblyNative_\w+\s*=\s*\{\s*""([^""]+)""");
                    if (!table.Success || !name.Success) continue;
                    string[] entries = table.Groups[1].Value.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToArray();
                    if (!tables.TryGetValue(name.Groups[1].Value, out var list)) tables[name.Groups[1].Value] = list = new List<string[]>();
                    list.Add(entries);
                }
            }

            return tables;
        }

        /// <summary>
        /// Where <paramref name="pe"/> (with its .pdbx beside it, converted from <paramref name="dll"/>) and
        /// <paramref name="table"/> disagree: a native entry on a managed method or a missing one, by index.
        /// </summary>
        public static List<string> Mismatches(string dll, string pe, string[] table)
        {
            var methods = new Dictionary<int, (string Name, bool Native)>();
            using (var reader = new PEReader(File.OpenRead(dll)))
            {
                var md = reader.GetMetadataReader();
                var byToken = new Dictionary<int, (string Name, bool Native)>();
                foreach (var typeHandle in md.TypeDefinitions)
                {
                    var type = md.GetTypeDefinition(typeHandle);
                    foreach (var handle in type.GetMethods())
                    {
                        var method = md.GetMethodDefinition(handle);
                        bool native = (method.ImplAttributes & MethodImplAttributes.InternalCall) != 0;
                        byToken[MetadataTokens.GetToken(handle)] = (md.GetString(type.Name) + "::" + md.GetString(method.Name), native);
                    }
                }

                foreach (var token in XDocument.Load(Path.ChangeExtension(pe, ".pdbx")).Descendants("Method").Select(m => m.Element("Token")))
                {
                    int clr = Convert.ToInt32(token.Element("CLR").Value, 16), nano = Convert.ToInt32(token.Element("nanoCLR").Value, 16) & 0xFFFFFF;
                    methods[nano] = byToken[clr];
                }
            }

            var problems = new List<string>();
            for (int i = 0; i < Math.Max(table.Length, methods.Count); i++)
            {
                string entry = i < table.Length ? table[i] : "(past the table)";
                bool hasNative = entry != "NULL" && i < table.Length;
                var method = methods.TryGetValue(i, out var m) ? m : (Name: "(no method)", Native: false);
                string shortName = method.Name.Substring(method.Name.IndexOf("::", StringComparison.Ordinal) + 2).Replace('.', '_'); // .ctor -> _ctor
                if (method.Native != hasNative || (hasNative && !entry.Contains("::" + shortName + "___", StringComparison.Ordinal)))
                    problems.Add($"{Path.GetFileNameWithoutExtension(pe)} method {i} {method.Name}: table has {entry}");
            }

            return problems;
        }
    }
}
