using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace LockFirmware.WebInstaller.Tests
{
    /// <summary>Runs node in tools/WebInstaller and reports what it printed; knows when a missing tool may skip a test.</summary>
    public static class NodeRunner
    {
        public static string Repo
        {
            get
            {
                string dir = AppContext.BaseDirectory;
                while (dir != null && !File.Exists(Path.Combine(dir, "LockFirmware.sln"))) dir = Path.GetDirectoryName(dir);
                return dir ?? throw new InvalidOperationException("LockFirmware.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static string Page => Path.Combine(Repo, "tools", "WebInstaller");

        /// <summary>CI (.ci/run sets LOCKFW_CI=1) must run every test: a missing tool fails there and skips elsewhere.</summary>
        public static bool InCi => Environment.GetEnvironmentVariable("LOCKFW_CI") == "1";

        public static string Configuration =>
            typeof(NodeRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value;

        public static void SkipOrFail(string why)
        {
            if (InCi) Assert.Fail(why);
            Assert.Inconclusive("skipped: " + why);
        }

        public static (int Code, string Output) Run(int timeoutMs, string[] env, params string[] args)
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = Page, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in args) start.ArgumentList.Add(a);
            for (int i = 0; i + 1 < env.Length; i += 2) start.Environment[env[i]] = env[i + 1];
            Process p;
            try
            {
                p = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                SkipOrFail("node is not installed (apt-get install -y nodejs npm)");
                return (-1, "");
            }

            using (p)
            {
                var err = p.StandardError.ReadToEndAsync();
                string output = p.StandardOutput.ReadToEnd();
                if (!p.WaitForExit(timeoutMs))
                {
                    p.Kill(true);
                    Assert.Fail($"node {string.Join(' ', args)} did not finish in {timeoutMs / 1000} s:\n{output}");
                }

                return (p.ExitCode, output + err.Result);
            }
        }
    }
}
