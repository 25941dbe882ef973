using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LockFirmware.VirtualEsp32
{
    /// <summary>
    /// Our nanoCLR host and the converted assemblies, ready to run: <see cref="Prepare"/> runs
    /// tools/VirtualEsp32/build.sh (cached by its inputs) and convert.sh (MDP over every nano1.0 assembly).
    /// </summary>
    public sealed class VirtualEsp32Host
    {
        /// <summary>The command that builds everything this needs, for messages.</summary>
        public const string FixCommand =
            "dotnet build LockFirmware.sln && tools/VirtualEsp32/build.sh && tools/VirtualEsp32/convert.sh " +
            "(needs ../shared/nanoframework beside the clone, cmake, ninja-build, g++)";

        public string Runner { get; private set; }

        /// <summary>The extracted nf-interpreter source the runner was built from (build.sh's cache layout).</summary>
        public string NfInterpreterDirectory =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Runner)!, "..", "..", "src", "nf-interpreter"));

        /// <summary>artifacts/nano: our .pe files; artifacts/nano/libs: the libraries'.</summary>
        public string PeDirectory { get; private set; }

        public static string RepoRoot
        {
            get
            {
                string dir = AppContext.BaseDirectory;
                while (dir != null && !File.Exists(Path.Combine(dir, "LockFirmware.sln"))) dir = Path.GetDirectoryName(dir);
                return dir ?? throw new InvalidOperationException("LockFirmware.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static string KitDirectory =>
            Environment.GetEnvironmentVariable("LOCKFW_NANO_KIT") is { Length: > 0 } kit
                ? kit
                : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "nanoframework"));

        /// <summary>CI (.ci/run sets LOCKFW_CI=1; most CI systems set CI=true): a missing kit or host is a failure.</summary>
        public static bool InCi =>
            Environment.GetEnvironmentVariable("LOCKFW_CI") == "1" ||
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>The build configuration of the calling assembly (bin/&lt;Configuration&gt;/net10.0/).</summary>
        public static string Configuration =>
            new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

        /// <summary>What is missing to run at all (kit, build tools), or null.</summary>
        public static string Missing()
        {
            if (!File.Exists(Path.Combine(KitDirectory, "bin", "mdp", "nanoFramework.Tools.MetaDataProcessor.dll")))
                return "the nanoFramework kit is not at " + KitDirectory;
            foreach (string tool in new[] { "cmake", "ninja", "g++" })
            {
                if (Run("bash", new[] { "-c", "command -v " + tool }, out _) != 0) return tool + " is not installed";
            }

            return null;
        }

        /// <summary>
        /// Builds or finds the host, converts every nano1.0 assembly. Throws with the scripts' output on failure.
        /// LOCKFW_NANOCLR=&lt;runner&gt; uses that runner instead of build.sh's (a scratch build, e.g. a mutated native).
        /// </summary>
        public static VirtualEsp32Host Prepare()
        {
            string runner = BuildRunner();
            if (Run("bash", new[] { Path.Combine(RepoRoot, "tools", "VirtualEsp32", "convert.sh") }, out string converted) != 0)
                throw new InvalidOperationException("tools/VirtualEsp32/convert.sh failed:\n" + converted);

            return new VirtualEsp32Host { Runner = runner, PeDirectory = Path.Combine(RepoRoot, "artifacts", "nano") };
        }

        /// <summary>The runner's path: build.sh's (built or found in its cache), or LOCKFW_NANOCLR's when set.</summary>
        public static string BuildRunner()
        {
            string built = Environment.GetEnvironmentVariable("LOCKFW_NANOCLR");
            if (string.IsNullOrEmpty(built) && Run("bash", new[] { Path.Combine(RepoRoot, "tools", "VirtualEsp32", "build.sh") }, out built) != 0)
                throw new InvalidOperationException("tools/VirtualEsp32/build.sh failed:\n" + built);

            // build.sh prints the runner on stdout and its progress ("virtual-esp32: ...") on stderr, which Run
            // appends after stdout: the runner is the last line that is not progress.
            string[] lines = built.Trim().Split('\n');
            string runner = lines[lines.Length - 1].Trim();
            foreach (string line in lines)
            {
                if (!line.StartsWith("virtual-esp32: ", StringComparison.Ordinal) && line.Trim().Length > 0) runner = line.Trim();
            }

            return runner;
        }

        /// <summary>A host already built and a .pe folder already converted (e.g. a device image of one board).</summary>
        public static VirtualEsp32Host At(string runner, string peDirectory) =>
            new VirtualEsp32Host { Runner = runner, PeDirectory = peDirectory };

        /// <summary>
        /// The load list for a program: mscorlib, every library of the kit but the launcher (a program itself),
        /// then the named assemblies in order (ours from artifacts/nano, or a library such as the launcher).
        /// Every library is loaded because the CLR resolves all references at start (Hal.Esp32 needs Bluetooth...).
        /// </summary>
        public string[] LoadList(params string[] names)
        {
            string libs = Path.Combine(PeDirectory, "libs");
            var list = new List<string> { Path.Combine(libs, "mscorlib.pe") };
            string[] all = Directory.GetFiles(libs, "*.pe");
            Array.Sort(all, StringComparer.Ordinal);
            foreach (string lib in all)
            {
                string name = Path.GetFileNameWithoutExtension(lib);
                if (name != "mscorlib" && name != Launcher) list.Add(lib);
            }

            foreach (string name in names)
            {
                string lib = Path.Combine(libs, name + ".pe");
                list.Add(File.Exists(lib) ? lib : Path.Combine(PeDirectory, name + ".pe"));
            }

            return list.ToArray();
        }

        /// <summary>
        /// Our assemblies (LockFirmware.*) that <paramref name="assembly"/> references, directly or not, read from the
        /// .dll files beside it, each after the ones it references: the part of a load list that is ours.
        /// </summary>
        public static List<string> OurReferences(string assembly)
        {
            var order = new List<string>();
            AddReferences(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly), order);
            order.RemoveAt(order.Count - 1);
            return order;
        }

        private static void AddReferences(string directory, string name, List<string> order)
        {
            using (var pe = new PEReader(File.OpenRead(Path.Combine(directory, name + ".dll"))))
            {
                var md = pe.GetMetadataReader();
                foreach (var handle in md.AssemblyReferences)
                {
                    string reference = md.GetString(md.GetAssemblyReference(handle).Name);
                    if (reference.StartsWith("LockFirmware.", StringComparison.Ordinal) && !order.Contains(reference))
                        AddReferences(directory, reference, order);
                }
            }

            if (!order.Contains(name)) order.Add(name);
        }

        /// <summary>nanoFramework.TestFramework's stock launcher: Assembly.Load("NFUnitTest"), then every test.</summary>
        public const string Launcher = "nanoFramework.UnitTestLauncher";

        private static int Run(string file, string[] args, out string output) => Run(file, args, null, out output);

        /// <summary>Runs a tool to its end with CONFIGURATION set (and <paramref name="environment"/>); stdout + stderr.</summary>
        public static int Run(string file, string[] args, System.Collections.Generic.IDictionary<string, string> environment, out string output)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in args) info.ArgumentList.Add(arg);
            info.Environment["CONFIGURATION"] = Configuration;
            if (environment != null)
            {
                foreach (var pair in environment) info.Environment[pair.Key] = pair.Value;
            }

            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            output = stdout + stderr.Result;
            return process.ExitCode;
        }
    }
}
