using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace LockFirmware.VirtualEsp32
{
    /// <summary>What one run of the nanoCLR printed, and how it ended.</summary>
    public sealed class NanoClrOutput
    {
        public List<string> Lines { get; } = new List<string>();

        /// <summary>The CLR printed "Ready.": every assembly loaded and resolved.</summary>
        public bool Ready => Lines.Contains("Ready.");

        /// <summary>The program returned and the CLR said "Done.".</summary>
        public bool Done => Lines.Contains("Done.");

        /// <summary>We stopped it: the stop condition held and it did not exit by itself, or the time ran out.</summary>
        public bool Killed { get; set; }

        public bool TimedOut { get; set; }

        /// <summary>The runner's exit code when it exited by itself (86: an injected flash power cut), else null.</summary>
        public int? ExitCode { get; set; }

        /// <summary>Lines that mean the load or the run failed: "Error: ...", "Invalid native checksum", link failures.</summary>
        public List<string> ErrorLines()
        {
            var errors = new List<string>();
            foreach (string line in Lines)
            {
                if (line.StartsWith("Error:", StringComparison.Ordinal) || line.Contains("Invalid native checksum") ||
                    line.StartsWith("Link failure", StringComparison.Ordinal) || line.Contains(" needs assembly '"))
                    errors.Add(line);
            }

            return errors;
        }

        public string Tail(int count) =>
            string.Join("\n", Lines.GetRange(Math.Max(0, Lines.Count - count), Math.Min(count, Lines.Count)));
    }

    /// <summary>
    /// Starts the nanoCLR runner on a load list and collects its output. The runner's exit code is 0 whatever
    /// happened, so callers judge the lines. A CLR with nanoFramework.Device.Bluetooth loaded never exits (its event
    /// listener thread waits forever), so a run ends when <c>finished</c> says the program's work is all printed:
    /// then the CLR gets a short grace to print "Done." and is stopped (grace zero: stopped at once, a reset).
    /// <c>environment</c> adds variables, e.g. the virtual ESP32's flash image and power cut (VESP32_FLASH...).
    /// </summary>
    public static class NanoClrProcess
    {
        public static NanoClrOutput Run(string runner, string[] loadList, Func<NanoClrOutput, bool> finished, TimeSpan timeout,
            IDictionary<string, string> environment = null, TimeSpan? grace = null)
        {
            var output = new NanoClrOutput();
            var info = new ProcessStartInfo(runner) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string pe in loadList) info.ArgumentList.Add(pe);
            if (environment != null)
            {
                foreach (var variable in environment) info.Environment[variable.Key] = variable.Value;
            }

            using var process = Process.Start(info)!;
            var ended = new ManualResetEventSlim();
            process.ErrorDataReceived += (_, e) => { };
            process.BeginErrorReadLine();
            var reader = new Thread(() =>
            {
                string line;
                while ((line = process.StandardOutput.ReadLine()) != null)
                {
                    lock (output) output.Lines.Add(line.TrimEnd('\r'));
                    if (line.StartsWith("Test ", StringComparison.Ordinal) || line.StartsWith("Done.", StringComparison.Ordinal) ||
                        line.StartsWith("bench:", StringComparison.Ordinal) || line.StartsWith("probe:", StringComparison.Ordinal)) ended.Set();
                }

                ended.Set();
            }) { IsBackground = true };
            reader.Start();

            var deadline = DateTime.UtcNow + timeout;
            while (!process.HasExited)
            {
                bool done;
                lock (output) done = finished(output);
                if (done)
                {
                    if (!process.WaitForExit(grace ?? TimeSpan.FromSeconds(3))) { output.Killed = true; process.Kill(); }
                    break;
                }

                if (DateTime.UtcNow > deadline) { output.TimedOut = output.Killed = true; process.Kill(); break; }
                ended.Wait(500);
                ended.Reset();
            }

            process.WaitForExit();
            reader.Join(5000);
            if (!output.Killed) output.ExitCode = process.ExitCode;
            return output;
        }
    }
}
