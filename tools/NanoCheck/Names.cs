using System.Reflection.Metadata;

namespace LockFirmware.NanoCheck
{
    /// <summary>Readable names of metadata entities for messages.</summary>
    internal static class Names
    {
        public static string Of(MetadataReader md, TypeDefinitionHandle handle)
        {
            TypeDefinition type = md.GetTypeDefinition(handle);
            string name = md.GetString(type.Name);
            TypeDefinitionHandle declaring = type.GetDeclaringType();
            if (!declaring.IsNil)
            {
                return Of(md, declaring) + "+" + name;
            }

            string ns = md.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public static string Of(MetadataReader md, TypeReferenceHandle handle)
        {
            TypeReference type = md.GetTypeReference(handle);
            string name = md.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return Of(md, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
            }

            string ns = md.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public static string Of(MetadataReader md, EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition: return Of(md, (TypeDefinitionHandle)handle);
                case HandleKind.TypeReference: return Of(md, (TypeReferenceHandle)handle);
                case HandleKind.TypeSpecification: return "typespec";
                case HandleKind.MethodDefinition:
                    MethodDefinition m = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                    return Of(md, m.GetDeclaringType()) + "::" + md.GetString(m.Name);
                case HandleKind.MemberReference:
                    MemberReference r = md.GetMemberReference((MemberReferenceHandle)handle);
                    return Of(md, r.Parent) + "::" + md.GetString(r.Name);
                default: return handle.Kind.ToString();
            }
        }
    }
}
