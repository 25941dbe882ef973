using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LockFirmware.NanoCheck
{
    /// <summary>
    /// The rules. Each one names what the nanoFramework v1 CLR or its Metadata Processor (MDP) cannot take;
    /// the MDP file that shows it is cited where the MDP would fail or, worse, pass silently.
    /// </summary>
    public static class NanoChecker
    {
        // MDP nanoTypeDefinitionTable.cs: method counts per type are written as one byte each.
        private const int MaxMethodsPerKind = 255;

        // MDP nanoByteCodeTable.cs / nanoStringTable.cs: byte code and strings are addressed with 16 bits.
        private const int MaxByteCode = ushort.MaxValue;

        // MDP nanoTablesContext.cs: attributes dropped before signatures are written (their arguments never matter).
        private static readonly HashSet<string> IgnoredAttributes = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.Reflection.AssemblyFileVersionAttribute", "System.Runtime.InteropServices.ComVisibleAttribute",
            "System.Runtime.InteropServices.GuidAttribute", "System.ParamArrayAttribute", "System.SerializableAttribute",
            "System.NonSerializedAttribute", "System.Runtime.InteropServices.StructLayoutAttribute",
            "System.Runtime.InteropServices.OutAttribute", "System.Runtime.CompilerServices.ExtensionAttribute",
            "System.Runtime.CompilerServices.MethodImplAttribute", "System.Runtime.CompilerServices.NullableAttribute",
            "System.Runtime.CompilerServices.NullableContextAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            "System.Runtime.CompilerServices.IndexerNameAttribute", "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
            "System.Diagnostics.DebuggableAttribute", "System.Diagnostics.DebuggerBrowsableAttribute",
            "System.Diagnostics.DebuggerHiddenAttribute", "System.Diagnostics.DebuggerNonUserCodeAttribute",
            "System.Diagnostics.DebuggerStepThroughAttribute", "System.Diagnostics.DebuggerDisplayAttribute",
            "System.AttributeUsageAttribute", "System.CLSCompliantAttribute", "System.FlagsAttribute", "System.ObsoleteAttribute",
            "System.Diagnostics.ConditionalAttribute", "System.ComponentModel.EditorBrowsableAttribute",
            "System.Reflection.DefaultMemberAttribute", "System.MTAThreadAttribute", "System.STAThreadAttribute",
        };

        /// <summary>Checks the assembly file at <paramref name="path"/>.</summary>
        public static List<Violation> Check(string path, CheckOptions options)
        {
            using FileStream stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return Check(pe, options);
        }

        /// <summary>Checks an assembly image held in memory.</summary>
        public static List<Violation> Check(byte[] image, CheckOptions options)
        {
            using var pe = new PEReader(new MemoryStream(image));
            return Check(pe, options);
        }

        private static List<Violation> Check(PEReader pe, CheckOptions options)
        {
            if (!pe.HasMetadata)
            {
                throw new BadImageFormatException("not a .NET assembly (no metadata)");
            }

            MetadataReader md = pe.GetMetadataReader();
            var found = new List<Violation>();
            var sig = new SignatureNames(md);
            string asm = md.IsAssembly ? md.GetString(md.GetAssemblyDefinition().Name) : "module";

            void Note(string where, string reason) => found.Add(new Violation(asm + ": " + where, reason));
            void Drain(string where)
            {
                foreach (string reason in sig.TakeProblems())
                {
                    Note(where, reason);
                }
            }

            CheckReferences(md, options, Note);

            // Generic definitions: GenericParam rows belong to a generic type or method.
            for (int row = 1; row <= md.GetTableRowCount(TableIndex.GenericParam); row++)
            {
                GenericParameter p = md.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
                string owner = p.Parent.Kind == HandleKind.TypeDefinition || p.Parent.Kind == HandleKind.MethodDefinition
                    ? Names.Of(md, (EntityHandle)p.Parent) : p.Parent.Kind.ToString();
                Note(owner, $"generic definition (type parameter '{md.GetString(p.Name)}') is not supported by the v1 CLR");
            }

            // Generic method instantiations: MethodSpec rows.
            for (int row = 1; row <= md.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                MethodSpecification spec = md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
                var args = spec.DecodeSignature(sig, null);
                sig.TakeProblems();
                Note(Names.Of(md, spec.Method), $"generic method instantiation <{string.Join(",", args)}> is not supported by the v1 CLR");
            }

            // TypeSpec rows: fine for single-dimension arrays, nothing else.
            for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                TypeSpecification spec = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
                string name = spec.DecodeSignature(sig, null);
                Drain("type " + name);
            }

            foreach (TypeDefinitionHandle th in md.TypeDefinitions)
            {
                CheckType(md, th, sig, Note, Drain);
            }

            foreach (MemberReferenceHandle h in md.MemberReferences)
            {
                MemberReference r = md.GetMemberReference(h);
                if (r.GetKind() == MemberReferenceKind.Method)
                {
                    r.DecodeMethodSignature(sig, null);
                }
                else
                {
                    r.DecodeFieldSignature(sig, null);
                }

                Drain("reference to " + Names.Of(md, h));
            }

            CheckAttributes(md, Note);
            CheckByteCodeSize(md, pe, Note);
            return found;
        }

        private static void CheckReferences(MetadataReader md, CheckOptions options, Action<string, string> note)
        {
            foreach (AssemblyReferenceHandle h in md.AssemblyReferences)
            {
                AssemblyReference r = md.GetAssemblyReference(h);
                string name = md.GetString(r.Name);
                if (name == "mscorlib")
                {
                    if (r.Version != options.MscorlibVersion)
                    {
                        note("references", $"mscorlib {r.Version} referenced; nanoFramework.CoreLibrary is {options.MscorlibVersion}");
                    }
                }
                else if (!options.AllowedAssemblies.Contains(name) && !name.StartsWith(options.OwnAssemblyPrefix, StringComparison.Ordinal))
                {
                    note("references", $"assembly '{name}' {r.Version} is not on the allow-list (mscorlib, declared nanoFramework packages, LockFirmware.*)");
                }
            }
        }

        private static void CheckType(MetadataReader md, TypeDefinitionHandle th, SignatureNames sig,
            Action<string, string> note, Action<string> drain)
        {
            TypeDefinition type = md.GetTypeDefinition(th);
            string typeName = Names.Of(md, th);

            foreach (CustomAttributeHandle ah in type.GetCustomAttributes())
            {
                string attr = AttributeName(md, md.GetCustomAttribute(ah));
                if (attr == "System.Runtime.CompilerServices.IsByRefLikeAttribute")
                {
                    note(typeName, "ref struct (by-ref-like type) is not supported");
                }
            }

            if (typeName == "System.Runtime.CompilerServices.IsExternalInit")
            {
                note(typeName, "init-only setters and records are not supported");
            }

            foreach (FieldDefinitionHandle fh in type.GetFields())
            {
                FieldDefinition f = md.GetFieldDefinition(fh);
                f.DecodeSignature(sig, null);
                drain(typeName + "::" + md.GetString(f.Name));
            }

            int virtuals = 0, instances = 0, statics = 0;
            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                MethodDefinition m = md.GetMethodDefinition(mh);
                string where = typeName + "::" + md.GetString(m.Name);
                m.DecodeSignature(sig, null);
                drain(where);

                if ((m.Attributes & MethodAttributes.Virtual) != 0) virtuals++;
                else if ((m.Attributes & MethodAttributes.Static) != 0) statics++;
                else instances++;
            }

            foreach (PropertyDefinitionHandle ph in type.GetProperties())
            {
                PropertyDefinition p = md.GetPropertyDefinition(ph);
                p.DecodeSignature(sig, null);
                drain(typeName + "::" + md.GetString(p.Name));
            }

            // MDP nanoTypeDefinitionTable.cs: "methods count exceeds maximum supported (255)".
            if (virtuals > MaxMethodsPerKind) note(typeName, $"{virtuals} virtual methods; the MDP allows {MaxMethodsPerKind}");
            if (instances > MaxMethodsPerKind) note(typeName, $"{instances} instance methods; the MDP allows {MaxMethodsPerKind}");
            if (statics > MaxMethodsPerKind) note(typeName, $"{statics} static methods; the MDP allows {MaxMethodsPerKind}");
        }

        private static void CheckByteCodeSize(MetadataReader md, PEReader pe, Action<string, string> note)
        {
            var sig = new SignatureNames(md);
            long il = 0;
            foreach (MethodDefinitionHandle mh in md.MethodDefinitions)
            {
                MethodDefinition m = md.GetMethodDefinition(mh);
                if (m.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                MethodBodyBlock body = pe.GetMethodBody(m.RelativeVirtualAddress);
                il += body.Size;
                if (!body.LocalSignature.IsNil)
                {
                    StandaloneSignature locals = md.GetStandaloneSignature(body.LocalSignature);
                    locals.DecodeLocalSignature(sig, null);
                    foreach (string reason in sig.TakeProblems())
                    {
                        note(Names.Of(md, mh) + " (local variable)", reason);
                    }
                }
            }

            // MDP nanoByteCodeTable.cs: "Byte code table overflow" past 64 KiB per assembly.
            if (il > MaxByteCode)
            {
                note("byte code", $"{il} bytes of IL; the MDP addresses at most {MaxByteCode} per assembly (split the assembly)");
            }
        }

        // MDP nanoSignaturesTable.cs: attribute arguments must be primitives or strings, or the MDP throws.
        private static void CheckAttributes(MetadataReader md, Action<string, string> note)
        {
            var provider = new AttributeArgumentTypes();
            foreach (CustomAttributeHandle h in md.CustomAttributes)
            {
                CustomAttribute a = md.GetCustomAttribute(h);
                string name = AttributeName(md, a);
                if (IgnoredAttributes.Contains(name) || name.StartsWith("System.Diagnostics.CodeAnalysis.", StringComparison.Ordinal)
                    || name == "System.Runtime.CompilerServices.CompilerGeneratedAttribute" || name == "Microsoft.CodeAnalysis.EmbeddedAttribute")
                {
                    continue;
                }

                CustomAttributeValue<string> value;
                try
                {
                    value = a.DecodeValue(provider);
                }
                catch (Exception e) when (e is BadImageFormatException || e is InvalidOperationException || e is NotSupportedException)
                {
                    note("attribute " + name, "arguments cannot be decoded: " + e.Message);
                    continue;
                }

                foreach (var arg in value.FixedArguments)
                {
                    if (!AttributeArgumentTypes.IsSupported(arg.Type))
                    {
                        note("attribute " + name, $"argument of type {arg.Type} is not supported by the MDP (primitives and strings only)");
                    }
                }

                foreach (var arg in value.NamedArguments)
                {
                    if (!AttributeArgumentTypes.IsSupported(arg.Type))
                    {
                        note("attribute " + name, $"named argument {arg.Name} of type {arg.Type} is not supported by the MDP");
                    }
                }
            }
        }

        private static string AttributeName(MetadataReader md, CustomAttribute a)
        {
            switch (a.Constructor.Kind)
            {
                case HandleKind.MethodDefinition:
                    return Names.Of(md, md.GetMethodDefinition((MethodDefinitionHandle)a.Constructor).GetDeclaringType());
                case HandleKind.MemberReference:
                    return Names.Of(md, md.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent);
                default:
                    return "?";
            }
        }
    }
}
