using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace LockFirmware.NanoCheck
{
    /// <summary>
    /// Decodes signatures into readable type names and notes every construct the nanoFramework v1 CLR
    /// cannot represent. The caller attaches the location to the notes.
    /// </summary>
    internal sealed class SignatureNames : ISignatureTypeProvider<string, object>
    {
        private readonly MetadataReader _md;

        public SignatureNames(MetadataReader md)
        {
            _md = md;
        }

        /// <summary>Reasons found since the last <see cref="TakeProblems"/>.</summary>
        public List<string> Problems { get; } = new List<string>();

        public List<string> TakeProblems()
        {
            var taken = new List<string>(Problems);
            Problems.Clear();
            return taken;
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode)
        {
            if (typeCode == PrimitiveTypeCode.TypedReference)
            {
                Problems.Add("TypedReference is not supported");
            }

            return typeCode.ToString();
        }

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            return Names.Of(reader, handle);
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            string name = Names.Of(reader, handle);
            if (name == "System.Decimal")
            {
                Problems.Add("decimal is not supported by the nanoFramework CLR");
            }

            return name;
        }

        public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            return reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape)
        {
            // MetadataProcessor: nanoTypeSpecificationsTable.cs rejects Rank > 1.
            Problems.Add($"multi-dimensional array {elementType}[{new string(',', shape.Rank - 1)}] is not supported (use jagged or flat arrays)");
            return elementType + "[" + new string(',', shape.Rank - 1) + "]";
        }

        public string GetPointerType(string elementType)
        {
            Problems.Add($"pointer type {elementType}* is not supported");
            return elementType + "*";
        }

        public string GetFunctionPointerType(MethodSignature<string> signature)
        {
            Problems.Add("function pointers are not supported");
            return "fnptr";
        }

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPinnedType(string elementType)
        {
            Problems.Add($"pinned local ({elementType}) from 'fixed' is not supported");
            return elementType + " pinned";
        }

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            string name = genericType + "<" + string.Join(",", typeArguments) + ">";
            Problems.Add($"generic instantiation {name} is not supported by the v1 CLR");
            return name;
        }

        public string GetGenericMethodParameter(object genericContext, int index)
        {
            Problems.Add("generic method parameter is not supported by the v1 CLR");
            return "!!" + index;
        }

        public string GetGenericTypeParameter(object genericContext, int index)
        {
            Problems.Add("generic type parameter is not supported by the v1 CLR");
            return "!" + index;
        }

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired)
        {
            if (isRequired && modifier == "System.Runtime.CompilerServices.IsExternalInit")
            {
                Problems.Add("init-only setter (records, 'init') needs IsExternalInit, which nanoFramework lacks");
            }

            return unmodifiedType;
        }

        public string GetSentinelType() => "...";
    }
}
