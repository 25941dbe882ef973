using System;
using System.IO;

namespace LockFirmware.Hal.Sim.Flash
{
    /// <summary>The host-only part: image files (LockSim, LockCtl) and raw dumps. Not in the nano1.0 flavor.</summary>
    public sealed partial class SimNorFlash
    {
        private const string Magic = "LFNOR1\n";

        /// <summary>
        /// Writes the image crash-safely: to a temporary file beside it, flushed to disk, then renamed over the old
        /// one, so a kill or power loss at any moment leaves the old image or the new one, never a truncated file.
        /// </summary>
        public void Save(string path)
        {
            string temp = path + ".tmp";
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                var header = System.Text.Encoding.ASCII.GetBytes(Magic);
                file.Write(header);
                file.Write(BitConverter.GetBytes(SectorSize));
                file.Write(BitConverter.GetBytes(SectorCount));
                file.Write(_data);
                file.Flush(true);
            }

            File.Move(temp, path, true);
        }

        /// <summary>Loads an image written by <see cref="Save"/>; throws InvalidDataException naming what is wrong.</summary>
        public static SimNorFlash Load(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            int headerLength = Magic.Length + 8;
            if (bytes.Length < headerLength || System.Text.Encoding.ASCII.GetString(bytes, 0, Magic.Length) != Magic)
            {
                throw new InvalidDataException($"'{path}' is not a LockFirmware flash image (bad header)");
            }

            int sectorSize = BitConverter.ToInt32(bytes, Magic.Length);
            int sectorCount = BitConverter.ToInt32(bytes, Magic.Length + 4);
            if (sectorSize <= 0 || sectorCount <= 0 || sectorSize > (1 << 20) || sectorCount > 4096)
            {
                throw new InvalidDataException($"'{path}': implausible geometry {sectorSize} x {sectorCount}");
            }

            long expected = headerLength + (long)sectorSize * sectorCount;
            if (bytes.Length != expected)
            {
                throw new InvalidDataException($"'{path}' is truncated or padded: {bytes.Length} bytes, expected {expected}");
            }

            var flash = new SimNorFlash(sectorSize, sectorCount);
            Buffer.BlockCopy(bytes, headerLength, flash._data, 0, flash._data.Length);
            return flash;
        }

        /// <summary>A flash holding a raw dump (a device's region file): the size must be whole sectors.</summary>
        public static SimNorFlash FromRaw(byte[] raw, int sectorSize)
        {
            if (raw.Length == 0 || raw.Length % sectorSize != 0)
            {
                throw new InvalidDataException($"a raw dump must be whole {sectorSize}-byte sectors; it has {raw.Length} bytes");
            }

            var flash = new SimNorFlash(sectorSize, raw.Length / sectorSize);
            Buffer.BlockCopy(raw, 0, flash._data, 0, raw.Length);
            return flash;
        }
    }
}
