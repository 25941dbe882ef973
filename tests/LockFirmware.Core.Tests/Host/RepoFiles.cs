using System;
using System.IO;

namespace LockFirmware.Core.Tests.Host
{
    /// <summary>Finds files of the repository and of ../shared from a test's output folder.</summary>
    public static class RepoFiles
    {
        public static string Root
        {
            get
            {
                string dir = AppContext.BaseDirectory;
                while (dir != null && !File.Exists(Path.Combine(dir, "LockFirmware.sln")))
                {
                    dir = Path.GetDirectoryName(dir);
                }

                return dir ?? throw new InvalidOperationException("LockFirmware.sln not found above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>A file in the repository, e.g. "docs/vectors/access-codes.json".</summary>
        public static string InRepo(string relative) => Path.Combine(Root, relative);

        /// <summary>A Wycheproof vector file from ../shared/vectors/wycheproof beside the checkout.</summary>
        public static string Wycheproof(string name)
        {
            string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "vectors", "wycheproof", name));
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("test vectors missing: ../shared must sit beside the checkout", path);
            }

            return path;
        }
    }
}
