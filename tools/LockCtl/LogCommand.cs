using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using LockFirmware.Core.Common;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Sim.Flash;
using LockFirmware.LockCtl.Access;

namespace LockFirmware.LockCtl
{
    /// <summary>lockctl log decode IMAGE [--format csv|json] [--since SEQ]: the events in a flash image.</summary>
    public static class LogCommand
    {
        public const string Help =
            "lockctl log decode IMAGE [--format csv|json] [--since SEQ]\n" +
            "  IMAGE: a LockSim flash file, or a raw dump of a device's 80 KiB flash region.\n" +
            "  Damaged records are skipped and counted (on stderr for csv, in the document for json).";

        public static int Run(string[] args)
        {
            if (args.Length == 0 || args[0] == "--help")
            {
                Console.WriteLine(Help);
                return args.Length == 0 ? 2 : 0;
            }

            if (args[0] != "decode")
            {
                throw new CliException($"unknown log command '{args[0]}' (decode)");
            }

            var a = new CliArgs(args[1..]);
            if (a.Words.Count != 1)
            {
                throw new CliException("log decode takes one image file");
            }

            string format = a.Text("--format", "csv");
            if (format != "csv" && format != "json")
            {
                throw new CliException($"--format '{format}': use csv or json");
            }

            long since = a.Int("--since", 0);
            SimNorFlash flash = Open(a.Words[0]);
            var log = new EventLog(FlashLayout.Log(flash));
            log.Mount();
            LogRows rows = LogRows.FromConfig(Config(flash));
            var cursor = log.ReadFrom((uint)Math.Max(0, since));
            var r = new EventRecord();
            var output = Console.Out;
            if (format == "csv")
            {
                output.WriteLine(LogRows.CsvHeader);
                int n = 0;
                while (cursor.Next(r))
                {
                    output.WriteLine(rows.Csv(r));
                    n++;
                }

                Console.Error.WriteLine($"lockctl: {n} events, {cursor.Skipped} damaged records skipped, {log.DamagedHeaders} damaged sector headers");
            }
            else
            {
                var buffer = new MemoryStream();
                var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                json.WriteStartArray("events");
                while (cursor.Next(r))
                {
                    rows.Json(json, r);
                }

                json.WriteEndArray();
                json.WriteNumber("skipped", cursor.Skipped);
                json.WriteNumber("damagedHeaders", log.DamagedHeaders);
                json.WriteEndObject();
                json.Flush();
                output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            }

            return 0;
        }

        private static SimNorFlash Open(string path)
        {
            if (!File.Exists(path))
            {
                throw new CliException($"image '{path}' does not exist");
            }

            try
            {
                byte[] head = new byte[7];
                using (var f = File.OpenRead(path)) { f.ReadExactly(head, 0, (int)Math.Min(7, f.Length)); }
                if (Encoding.ASCII.GetString(head) == "LFNOR1\n")
                {
                    SimNorFlash flash = SimNorFlash.Load(path);
                    if (flash.SectorSize != FlashLayout.SectorSize || flash.SectorCount < FlashLayout.SectorCount)
                    {
                        throw new CliException($"image '{path}' has geometry {flash.SectorSize} x {flash.SectorCount}; a lock's region is {FlashLayout.SectorSize} x {FlashLayout.SectorCount}");
                    }

                    return flash;
                }

                byte[] raw = File.ReadAllBytes(path);
                if (raw.Length != FlashLayout.RegionSize)
                {
                    throw new CliException($"image '{path}' is neither a LockSim flash file nor a {FlashLayout.RegionSize}-byte raw dump ({raw.Length} bytes)");
                }

                return SimNorFlash.FromRaw(raw, FlashLayout.SectorSize);
            }
            catch (InvalidDataException e)
            {
                throw new CliException(e.Message);
            }
            catch (EndOfStreamException)
            {
                throw new CliException($"image '{path}' is too short to be a flash image");
            }
        }

        // The lock's configuration in the image (its zone names the local times), null when none was saved.
        private static byte[] Config(SimNorFlash flash)
        {
            var settings = new SettingsStore(FlashLayout.Settings(flash));
            settings.Mount();
            byte[] config = new byte[settings.MaxValueLength];
            return settings.Read(SettingKeys.LockConfig, config, 0) == Core.Protocol.AdminCommands.ConfigSize ? config : null;
        }
    }
}
