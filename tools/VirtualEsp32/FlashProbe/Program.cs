using System;
using System.IO;
using System.Threading;
using LockFirmware.Core.Storage;
using LockFirmware.Hal.Esp32;

namespace LockFirmware.VirtualEsp32.FlashProbe
{
    /// <summary>
    /// One boot of a lock's storage on drive I:, as the device app has it: FileFlashRegion (one littlefs file per
    /// sector) under the settings store and the event log. Every run first prints what survived ("state:" lines,
    /// then "probe: booted"), then writes, printing an "ack:" line after each write that returned as durable:
    /// a probe sector erased then programmed, events, two settings. Last it writes the same kind of bytes through
    /// a FileStream that is only flushed and kept open, prints "probe: done" and waits to be reset.
    /// Each run's values carry a generation, the log's next sequence number at boot, so each run writes new ones.
    /// </summary>
    public static class Program
    {
        private const int SectorSize = FlashLayout.SectorSize;
        private const int Events = 10;
        private const int ValueLength = 1000;
        private static readonly int[] SettingKeysUsed = { 40, 41 };

        // Held open until the reset, as a file whose only durability step was Flush.
        private static FileStream s_flushed;

        public static void Main()
        {
            var region = new FileFlashRegion("I:\\lockfw-", SectorSize, FlashLayout.SectorCount);
            var probe = new FileFlashRegion("I:\\probe-", SectorSize, 1);
            var settings = new SettingsStore(FlashLayout.Settings(region));
            var log = new EventLog(FlashLayout.Log(region));
            settings.Mount();
            log.Mount();

            PrintState(log, settings, probe);
            uint generation = log.NextSequence;
            WriteProbeSector(probe, generation);
            AppendEvents(log, generation);
            WriteSettings(settings, generation);
            WriteFlushedOnly(generation);

            Console.WriteLine("probe: done");
            Thread.Sleep(Timeout.Infinite);
        }

        private static void PrintState(EventLog log, SettingsStore settings, FileFlashRegion probe)
        {
            Console.WriteLine("state: next " + log.NextSequence.ToString());
            var record = new EventRecord();
            EventLogCursor cursor = log.ReadFrom(0);
            while (cursor.Next(record))
            {
                Console.WriteLine("state: event " + record.Sequence.ToString() + " " + record.Data.ToString());
            }

            var value = new byte[ValueLength];
            foreach (int key in SettingKeysUsed)
            {
                int length = settings.Read(key, value, 0);
                Console.WriteLine("state: setting " + key.ToString() + " " + (length < 0 ? "absent" : Generation(value, length)));
            }

            var sector = new byte[SectorSize];
            probe.Read(0, sector, 0, SectorSize);
            Console.WriteLine("state: sector " + Generation(sector, SectorSize));

            string flushed = "absent";
            if (File.Exists("I:\\flushed.bin"))
            {
                using (var file = new FileStream("I:\\flushed.bin", FileMode.Open, FileAccess.Read))
                {
                    var bytes = new byte[ValueLength];
                    int length = file.Read(bytes, 0, bytes.Length);
                    flushed = Generation(bytes, length < 0 ? 0 : length);
                }
            }

            Console.WriteLine("state: flushed " + flushed);
            Console.WriteLine("probe: booted");
        }

        private static void WriteProbeSector(FileFlashRegion probe, uint generation)
        {
            probe.EraseSector(0);
            Console.WriteLine("ack: sector-erased " + generation.ToString());
            byte[] content = Pattern(generation, SectorSize);
            probe.Program(0, content, 0, content.Length);
            Console.WriteLine("ack: sector " + generation.ToString());
        }

        private static void AppendEvents(EventLog log, uint generation)
        {
            for (uint i = 0; i < Events; i++)
            {
                uint sequence = log.NextSequence;
                if (log.Append(EventType.Boot, 0, generation + i))
                {
                    Console.WriteLine("ack: event " + sequence.ToString() + " " + (generation + i).ToString());
                }
            }
        }

        private static void WriteSettings(SettingsStore settings, uint generation)
        {
            byte[] value = Pattern(generation, ValueLength);
            foreach (int key in SettingKeysUsed)
            {
                if (settings.Write(key, value, 0, value.Length))
                {
                    Console.WriteLine("ack: setting " + key.ToString() + " " + generation.ToString());
                }
            }
        }

        private static void WriteFlushedOnly(uint generation)
        {
            byte[] content = Pattern(generation, ValueLength);
            s_flushed = new FileStream("I:\\flushed.bin", FileMode.Create, FileAccess.ReadWrite);
            s_flushed.Write(content, 0, content.Length);
            s_flushed.Flush();
            Console.WriteLine("flushed: " + generation.ToString());
        }

        /// <summary>The generation's bytes: the generation (4 bytes, little-endian), then a sequence that depends on it.</summary>
        private static byte[] Pattern(uint generation, int length)
        {
            var bytes = new byte[length];
            bytes[0] = (byte)generation;
            bytes[1] = (byte)(generation >> 8);
            bytes[2] = (byte)(generation >> 16);
            bytes[3] = (byte)(generation >> 24);
            for (int i = 4; i < length; i++)
            {
                bytes[i] = (byte)(generation * 7 + (uint)i);
            }

            return bytes;
        }

        /// <summary>"erased", the generation whose pattern the bytes are, or "corrupt".</summary>
        private static string Generation(byte[] bytes, int length)
        {
            if (length == 0)
            {
                return "empty";
            }

            bool erased = true;
            for (int i = 0; i < length && erased; i++)
            {
                erased = bytes[i] == 0xFF;
            }

            if (erased)
            {
                return "erased";
            }

            uint generation = (uint)(bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24);
            byte[] expected = Pattern(generation, length);
            for (int i = 0; i < length; i++)
            {
                if (bytes[i] != expected[i])
                {
                    return "corrupt";
                }
            }

            return generation.ToString();
        }
    }
}
