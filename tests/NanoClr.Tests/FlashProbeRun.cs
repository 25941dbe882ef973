using System;
using System.Collections.Generic;
using System.IO;
using LockFirmware.VirtualEsp32;

namespace LockFirmware.NanoClr.Tests
{
    /// <summary>
    /// One boot of tools/VirtualEsp32/FlashProbe on the virtual ESP32, on a given flash image: what it found at boot
    /// (the "state:" lines) and what it acknowledged as durable afterwards ("ack:" lines).
    /// </summary>
    public sealed class FlashProbeRun
    {
        /// <summary>Exit code of the host at an injected power cut (tools/VirtualEsp32/FileSystem/VirtualNorFlash.h).</summary>
        public const int PowerCutExit = 86;

        public NanoClrOutput Output;
        public bool Booted;
        public bool Done;
        public bool PowerCut;
        public uint Next;
        public Dictionary<uint, uint> Events = new Dictionary<uint, uint>();
        public Dictionary<int, string> Settings = new Dictionary<int, string>();
        public string Sector;
        public string Flushed;

        public Dictionary<uint, uint> AckedEvents = new Dictionary<uint, uint>();
        public Dictionary<int, string> AckedSettings = new Dictionary<int, string>();
        public string AckedSectorErased;
        public string AckedSector;
        public string FlushedOnly;

        /// <summary>
        /// Boots the probe on <paramref name="image"/>. It stops at "probe: booted" (state read, nothing written by the
        /// probe yet) or at "probe: done", where the host is reset (killed with the flushed-only file still open); with
        /// <paramref name="cutAt"/> &gt; 0 the flash loses power at that block program or erase.
        /// </summary>
        public static FlashProbeRun Boot(VirtualEsp32Host host, string image, bool untilDone, long cutAt = 0, string stats = null)
        {
            var environment = new Dictionary<string, string> { ["VESP32_FLASH"] = image };
            if (cutAt > 0) environment["VESP32_FLASH_CUT"] = cutAt.ToString();
            if (stats != null) environment["VESP32_FLASH_STATS"] = stats;
            string marker = untilDone ? "probe: done" : "probe: booted";
            var output = NanoClrProcess.Run(host.Runner,
                host.LoadList("LockFirmware.Hal", "LockFirmware.Core", "LockFirmware.Hal.Esp32", "FlashProbe"),
                o => o.Lines.Contains(marker), TimeSpan.FromMinutes(1), environment, TimeSpan.Zero);
            return Parse(output);
        }

        /// <summary>A fresh image file in a new temporary folder (the host creates it erased).</summary>
        public static string NewImage()
        {
            string dir = Path.Combine(Path.GetTempPath(), "lockfw-vesp32-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return Path.Combine(dir, "flash.bin");
        }

        private static FlashProbeRun Parse(NanoClrOutput output)
        {
            var run = new FlashProbeRun { Output = output, PowerCut = output.ExitCode == PowerCutExit };
            foreach (string line in output.Lines)
            {
                string[] w = line.Split(' ');
                switch (w[0] + " " + (w.Length > 1 ? w[1] : ""))
                {
                    case "state: next": run.Next = uint.Parse(w[2]); break;
                    case "state: event": run.Events[uint.Parse(w[2])] = uint.Parse(w[3]); break;
                    case "state: setting": run.Settings[int.Parse(w[2])] = w[3]; break;
                    case "state: sector": run.Sector = w[2]; break;
                    case "state: flushed": run.Flushed = w[2]; break;
                    case "probe: booted": run.Booted = true; break;
                    case "probe: done": run.Done = true; break;
                    case "ack: event": run.AckedEvents[uint.Parse(w[2])] = uint.Parse(w[3]); break;
                    case "ack: setting": run.AckedSettings[int.Parse(w[2])] = w[3]; break;
                    case "ack: sector-erased": run.AckedSectorErased = w[2]; break;
                    case "ack: sector": run.AckedSector = w[2]; break;
                }

                if (line.StartsWith("flushed: ", StringComparison.Ordinal)) run.FlushedOnly = line.Substring(9);
            }

            return run;
        }

        public string Describe() => Output.Tail(25);
    }
}
