using System;
using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace LockFirmware.NanoCheck
{
    /// <summary>Names the types of custom attribute arguments so the checker can tell primitives from the rest.</summary>
    internal sealed class AttributeArgumentTypes : ICustomAttributeTypeProvider<string>
    {
        private const string EnumMarker = "enum ";

        public static bool IsSupported(string type)
        {
            return type != null && !type.StartsWith(EnumMarker, StringComparison.Ordinal) && type != "System.Type"
                && !type.EndsWith("[]", StringComparison.Ordinal) && type != "Object";
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            => EnumMarker + Names.Of(reader, handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            => EnumMarker + Names.Of(reader, handle);

        public string GetTypeFromSerializedName(string name) => EnumMarker + name;

        // Enums are serialized as their underlying integer; we only need to know one is there.
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
