using System;
using System.Collections.Generic;
using System.IO;
using LockFirmware.VirtualEsp32;

namespace LockFirmware.LockSim.Device
{
    /// <summary>
    /// The set of .pe files tools/deploy sends to a board (Hal, Core, Hal.Esp32, Device for that board + the real
    /// library .pe files of the kit), built or reused, and our nanoCLR host to run them: `dotnet build` of the
    /// device app (incremental), tools/VirtualEsp32/build.sh (cached by its inputs), convert.sh on the four
    /// assemblies into artifacts/nano-device/&lt;board&gt;-&lt;configuration&gt;. The keypad's image is the same with
    /// the keypad app (<see cref="KeypadApp"/>) in place of the lock's.
    /// </summary>
    public sealed class DeviceImage
    {
        public const string LockApp = "LockFirmware.Device";
        public const string KeypadApp = "LockFirmware.Keypad";

        /// <summary>Ours, in load order: the portable layers, the ESP32 adapters, the app.</summary>
        public string[] Assemblies { get; private init; }

        public string Board { get; private init; }
        public string Configuration { get; private init; }
        public VirtualEsp32Host Host { get; private init; }

        public string[] LoadList => Host.LoadList(Assemblies);

        /// <summary>Bytes of the deployment image: every .pe of the load list, as deploy.sh concatenates them.</summary>
        public long SizeBytes
        {
            get
            {
                long total = 0;
                foreach (string pe in LoadList) total += new FileInfo(pe).Length;
                return total;
            }
        }

        /// <summary>Our four assemblies only (what a firmware update would carry).</summary>
        public long AppBytes
        {
            get
            {
                long total = 0;
                foreach (string name in Assemblies) total += new FileInfo(Path.Combine(Host.PeDirectory, name + ".pe")).Length;
                return total;
            }
        }

        public static DeviceImage Prepare(string board, string configuration, Action<string> log, string app = LockApp)
        {
            string repo = VirtualEsp32Host.RepoRoot;
            string missing = VirtualEsp32Host.Missing();
            if (missing != null) throw new InvalidOperationException("cannot build the virtual ESP32: " + missing);
            if (app == LockApp) BoardPins.Load(repo, board); // a clear error for an unknown board (the keypad's build checks its own)
            string[] assemblies = { "LockFirmware.Hal", "LockFirmware.Core", "LockFirmware.Hal.Esp32", app };

            log?.Invoke($"building {app} for {board} ({configuration})");
            Step("dotnet", new[] { "build", Path.Combine(repo, "firmware", app), "-c", configuration, "-p:Board=" + board, "-nologo", "-v", "q" }, null, "dotnet build of " + app);

            log?.Invoke("building or reusing the nanoCLR host (tools/VirtualEsp32/build.sh, or LOCKFW_NANOCLR)");
            string runner = VirtualEsp32Host.BuildRunner();

            string peDirectory = Path.Combine(repo, "artifacts", "nano-device", board + "-" + configuration);
            log?.Invoke("converting the image with the Metadata Processor into " + peDirectory);
            Step("bash", new[] { Path.Combine(repo, "tools", "VirtualEsp32", "convert.sh") },
                new Dictionary<string, string>
                {
                    ["CONFIGURATION"] = configuration,
                    ["CONVERT_ONLY"] = string.Join(" ", assemblies),
                    ["NANO_OUT"] = peDirectory,
                }, "tools/VirtualEsp32/convert.sh");

            return new DeviceImage { Assemblies = assemblies, Board = board, Configuration = configuration, Host = VirtualEsp32Host.At(runner, peDirectory) };
        }

        private static string Step(string file, string[] args, IDictionary<string, string> environment, string what)
        {
            if (VirtualEsp32Host.Run(file, args, environment, out string output) != 0)
                throw new InvalidOperationException(what + " failed:\n" + output);
            return output;
        }
    }
}
